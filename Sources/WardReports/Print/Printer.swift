import Foundation

/// What happened to a print request.
public enum PrintOutcome: Sendable, Hashable {
    /// CUPS accepted the job ("request id is WardPDF-3 (1 file(s))").
    case queued(jobID: String)
    /// Not printed; `message` says why and what to do.
    case failed(message: String)

    public var isQueued: Bool { if case .queued = self { true } else { false } }
}

/// Prints through CUPS by running `lp`. Never throws: every failure is a
/// sentence a nurse or ward IT can act on.
public struct Printer: Sendable {
    /// CUPS server as "host:port" (`lp -h`); nil = the system default.
    public var server: String?
    /// The `lp` program: a name looked up in PATH, or an absolute path.
    public var lpCommand: String

    public init(server: String? = nil, lpCommand: String = "lp") {
        self.server = server; self.lpCommand = lpCommand
    }

    /// Left and right margins of a text printout, in points (1/72 in): room
    /// for a binder's holes on the left, half an inch on the right.
    public static let textMarginLeft = 54, textMarginRight = 36

    /// Options that make a fixed-pitch text printout match `HandoverTextRenderer`'s
    /// page length: 6 lines per inch, 0.5 in top and bottom margins, and the
    /// characters per inch that fit `columns` between the side margins.
    public static func textOptions(columns: Columns) -> [String] {
        ["cpi=\(columns.cpi)", "lpi=6", "page-top=36", "page-bottom=36",
         "page-left=\(textMarginLeft)", "page-right=\(textMarginRight)"]
    }

    /// Sends `file` to `printer` (or the default destination when nil).
    public func print(file: URL, printer: String?, title: String? = nil, options: [String] = []) -> PrintOutcome {
        guard let lp = Self.locate(lpCommand) else {
            return .failed(message: "CUPS is not installed on this computer (no `\(lpCommand)` command); nothing was printed")
        }
        var args: [String] = []
        if let server { args += ["-h", server] }
        if let printer { args += ["-d", printer] }
        if let title { args += ["-t", title] }
        for o in options { args += ["-o", o] }
        args += ["--", file.path]

        let p = Process()
        p.executableURL = URL(fileURLWithPath: lp)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch {
            return .failed(message: "could not run \(lp): \(error.localizedDescription); nothing was printed")
        }
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 0, let id = Self.jobID(o) { return .queued(jobID: id) }
        // lp says "printer does not exist" also when it cannot reach CUPS at all: ask the scheduler.
        if schedulerRunning(besides: lp) == false {
            return .failed(message: "the print service (CUPS) is not running; nothing was printed")
        }
        return .failed(message: Self.explain(stderr: e + o, printer: printer))
    }

    /// `lpstat -r` next to `lp`: true/false, or nil when it cannot tell.
    func schedulerRunning(besides lp: String) -> Bool? {
        let lpstat = URL(fileURLWithPath: lp).deletingLastPathComponent().appendingPathComponent("lpstat").path
        guard FileManager.default.isExecutableFile(atPath: lpstat) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: lpstat)
        p.arguments = (server.map { ["-h", $0] } ?? []) + ["-r"]
        let out = Pipe()
        p.standardOutput = out; p.standardError = FileHandle.nullDevice; p.standardInput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if o.contains("not running") { return false }
        if o.contains("is running") { return true }
        return nil
    }

    /// Turns lp's complaint into what to do about it.
    static func explain(stderr: String, printer: String?) -> String {
        let s = PrintSafe.text(stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        let lower = s.lowercased()
        let name = printer.map { "printer \"\(PrintSafe.text($0))\"" } ?? "the default printer"
        if lower.contains("does not exist") || lower.contains("not found") {
            return "\(name) does not exist in CUPS (`lpstat -p` lists the printers); nothing was printed"
        }
        if lower.contains("no default destination") {
            return "no printer was named and CUPS has no default printer; give one with --printer NAME"
        }
        if lower.contains("unable to connect") || lower.contains("scheduler is not running") || lower.contains("connection refused") {
            return "the print service (CUPS) is not running; nothing was printed"
        }
        if lower.contains("not accepting") {
            return "\(name) is not accepting jobs (`cupsaccept` re-enables it); nothing was printed"
        }
        return "printing to \(name) failed: \(s.isEmpty ? "lp gave no reason" : s)"
    }

    /// "request id is WardPDF-3 (1 file(s))" → "WardPDF-3".
    static func jobID(_ stdout: String) -> String? {
        guard let r = stdout.range(of: "request id is ") else { return nil }
        return stdout[r.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\n" }).first.map(String.init)
    }

    static func locate(_ command: String) -> String? {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Save first, then print: the document is on disk whatever the printer does.
public struct PrintResult: Sendable, Hashable {
    public var savedAt: URL
    public var outcome: PrintOutcome
    /// One line for the screen or the terminal, always naming the saved file.
    public var message: String {
        switch outcome {
        case .queued(let id): "Sent to the printer (job \(id)). A copy is saved at \(savedAt.path)"
        case .failed(let why): "Not printed: \(why). The document is saved at \(savedAt.path); print it from there when the printer is back."
        }
    }
}

extension Printer {
    /// Writes `document` to `url` (atomically), then prints that file.
    public func saveAndPrint(_ document: Data, to url: URL, printer: String?, title: String? = nil,
                             options: [String] = []) throws -> PrintResult {
        try AtomicFile.write(document, to: url)
        return PrintResult(savedAt: url, outcome: print(file: url, printer: printer, title: title, options: options))
    }
}
