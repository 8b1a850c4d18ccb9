import WardUI

/// The theme a TUI starts with, where a change is remembered, and what to log about it.
struct ThemeAtStart: Sendable {
    var theme: Theme
    var memory: ThemeMemory
    /// Said in the log at start: the remembered theme, or why it was not used.
    var note: String?
    /// True when the note is a problem (the remembered file could not be used).
    var noteIsProblem = false

    /// What start-up read (files read as the user), before anything is parsed.
    struct Sources: Sendable {
        var memory: ThemeMemory
        var flag: Result<ThemeSource, ThemeError>?
        var recalled: ThemeMemory.Recall
        var remembered: Result<ThemeSource, ThemeError>?
        var fallback: Result<ThemeSource, ThemeError>
    }

    /// Reads what the choice needs. It reads files as the invoking user, which changes the
    /// process's group for a moment: call it before other threads start.
    static func read(flag: String?, memory: ThemeMemory, environment: [String: String]) -> Sources {
        let recalled = memory.recall()
        var remembered: Result<ThemeSource, ThemeError>?
        if case .theme(let name) = recalled {
            remembered = Result { () throws(ThemeError) in try ThemeFiles.source(nameOrPath: name, environment: environment) }
        }
        return Sources(
            memory: memory,
            flag: flag.flatMap { $0.isEmpty ? nil : $0 }.map { f in
                Result { () throws(ThemeError) in try ThemeFiles.source(nameOrPath: f, environment: environment) }
            },
            recalled: recalled, remembered: remembered,
            fallback: Result { () throws(ThemeError) in try ThemeFiles.source(nameOrPath: nil, environment: environment) })
    }

    /// `--theme` when given; else the theme remembered for this terminal; else `WARDLINE_THEME`;
    /// else "default". A bad `--theme` or `WARDLINE_THEME` stops the program as before; a bad
    /// remembered file never does: it is skipped, and the note says why. Parses only (any thread).
    static func choose(_ s: Sources) throws(ThemeError) -> ThemeAtStart {
        if let flag = s.flag { return ThemeAtStart(theme: try flag.get().parse(), memory: s.memory) }
        var problem: String?
        switch (s.recalled, s.remembered) {
        case (.theme(let name), let source?):
            do {
                return ThemeAtStart(theme: try source.get().parse(), memory: s.memory,
                                    note: "theme \(name), remembered for terminal \(s.memory.terminal)")
            } catch {
                problem = "\(error)"
            }
        case (.unusable(let why), _):
            problem = why
        default:
            break
        }
        let fallback = try s.fallback.get().parse()
        return ThemeAtStart(theme: fallback, memory: s.memory,
                            note: problem.map { "the theme remembered for terminal \(s.memory.terminal) is not used "
                                + "(\($0)); using \(fallback.name)" },
                            noteIsProblem: problem != nil)
    }

    /// Reads and chooses at once (on a thread of its own: before other threads start).
    static func choose(flag: String?, memory: ThemeMemory, environment: [String: String]) throws(ThemeError) -> ThemeAtStart {
        try choose(read(flag: flag, memory: memory, environment: environment))
    }
}
