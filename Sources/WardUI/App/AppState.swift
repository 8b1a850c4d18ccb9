import Foundation
import WardCore

/// The whole state of the user interface: a value, changed only by `update`.
public struct AppState: Sendable {
    /// The work screens, bottom first: ward list → chart → form → modal.
    public var stack: [Screen]
    /// Who is signed in (kept while the terminal is locked).
    public var session: Session?
    /// Sign-in or lock screen in front of everything; nil when working.
    public var gate: Gate?
    public var ward: WardSnapshot?
    public var wardProtocol: WardProtocol
    public var securityPolicy: SecurityPolicy
    public var keymap: Keymap
    public var now: Date
    /// Last key pressed (for the idle lock).
    public var lastInputAt: Date
    public var size: Size
    /// One-line message under the screen, cleared by the next key.
    public var flash: Flash?
    /// The ward's database server cannot be reached (PostgreSQL: the primary died and the terminal
    /// is finding the new one). The title bar says "RECONNECTING…" on every screen; nothing else
    /// changes — forms and their entries stay as they are.
    public var reconnecting = false
    /// The site view's rows (site and bed managers), the time they were read, and whether a read is under way.
    public var siteRows: [SiteRow]?
    public var siteLoadedAt: Date?
    public var siteLoading = false
    /// The ward a site or bed manager opened from the site view (read-only): while it is set, `ward`
    /// and `wardProtocol` are that ward's, and the site's own are put back when the site view is on top again.
    public var viewing: HospitalWard?
    /// The site's own protocol, kept while another ward's is shown.
    public var siteProtocol: WardProtocol?
    /// Unsaved work parked for people who were switched away from, by staff.
    public var drafts: [StaffKey: [Screen]]
    public var showingHelp: Bool
    /// The first help row shown when the help is longer than the window (↑↓ PgUp PgDn scroll it).
    public var helpScroll = 0
    /// Draw the trend with ASCII instead of Unicode blocks (non-UTF-8 terminals).
    public var asciiOnly: Bool
    /// This terminal's name, for the session (audit trail).
    public var terminalName: String
    /// The ward's local time zone (times on screen).
    public var timeZone: TimeZone
    /// Set once `.quit` has been emitted.
    public var quitting: Bool
    /// The ward's open alerts, recomputed when the ward loads and each tick.
    public var openAlerts: [WardAlert] = []
    /// A critical alert that appeared since the last load (shown until a key is pressed).
    public var banner: Flash? = nil
    /// The critical alert the banner announces: `a` while the banner shows opens its acknowledge
    /// dialog; any other key only dismisses the banner.
    public var bannerAlert: WardAlert? = nil
    /// Critical alert episodes this terminal has already shown (nil before the first load).
    public var seenCritical: Set<AlertEpisode>? = nil
    /// One overview row per bed at `now` (unsorted), recomputed with the alerts: a frame only sorts them.
    public var boardRows: [OverviewRow] = []
    /// Alert episodes last sent to the store's alert log, and the snapshot version they were computed from.
    public var syncedAlerts: Set<AlertEpisode>? = nil
    public var syncedVersion: Int? = nil
    /// This terminal's colour theme (`t` on the help screen steps through the shipped ones).
    public var theme = ThemeChoice()

    public init(wardProtocol: WardProtocol, securityPolicy: SecurityPolicy, now: Date, size: Size,
                terminalName: String, ward: WardSnapshot? = nil, keymap: Keymap = .standard,
                timeZone: TimeZone = .current, asciiOnly: Bool = false) {
        self.stack = []
        self.session = nil
        self.gate = .signIn(SignInForm())
        self.ward = ward
        self.wardProtocol = wardProtocol
        self.securityPolicy = securityPolicy
        self.keymap = keymap
        self.now = now
        self.lastInputAt = now
        self.size = size
        self.flash = nil
        self.drafts = [:]
        self.showingHelp = false
        self.asciiOnly = asciiOnly
        self.terminalName = terminalName
        self.timeZone = timeZone
        self.quitting = false
    }

    public var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// When the idle lock will fall if no key comes (nil when nobody is
    /// signed in or it is already locked): the run loop ticks by then.
    public var idleLockDeadline: Date? {
        guard session != nil, gate == nil else { return nil }
        return lastInputAt.addingTimeInterval(Double(securityPolicy.idleLockSeconds))
    }

    /// The context the keys are read in right now.
    public var keyContext: KeyContext {
        if showingHelp { return .help }
        switch gate {
        case .signIn: return .signIn
        case .locked: return .lock
        case nil: break
        }
        return stack.last?.component.keyContext ?? .wardList
    }

    /// The context under the help overlay (what help describes).
    public var contextUnderHelp: KeyContext {
        var s = self
        s.showingHelp = false
        return s.keyContext
    }

    /// The unsaved work in a stack of screens, one name per piece ("CIWA-Ar", "set of vital signs"):
    /// an amendment is one piece, with the corrected form it opened.
    static func unsavedWork(in stack: [Screen]) -> [String] {
        if stack.contains(where: { if case .amend = $0 { true } else { false } }) { return ["amendment"] }
        return stack.compactMap(\.unsavedWorkName)
    }

    /// Every piece of unsaved work this terminal would lose on quitting: the work open now, then
    /// what is kept for colleagues who were switched away from.
    var unsavedWork: [String] {
        AppState.unsavedWork(in: stack) + keptDrafts
    }

    /// The unsaved work kept for colleagues who were switched away from (by staff, in a fixed order).
    var keptDrafts: [String] {
        drafts.keys.sorted().flatMap { AppState.unsavedWork(in: drafts[$0] ?? []) }
    }

    /// "Your unsaved CIWA-Ar is back (3 of 10 items scored).", "Your unsaved set of vital signs is
    /// kept.": the work in a stack by name (`now`: "back", "kept"), or nil when there is none.
    static func yourUnsavedWork(in stack: [Screen], items: String, now: String) -> String? {
        let work = unsavedWork(in: stack)
        guard !work.isEmpty else { return nil }
        if let f = startedForm(in: stack), work == [f.kind.displayName] {
            let progress = "(\(f.scoredCount) of \(f.scores.count) \(items))"
            return now == "back" ? "Your unsaved \(work[0]) is back \(progress)." : "Your unsaved \(work[0]) \(progress) is \(now)."
        }
        return "Your unsaved \(work.joined(separator: " and ")) \(work.count == 1 ? "is" : "are") \(now)."
    }

    /// "1 unsaved draft (CIWA-Ar)", "2 unsaved drafts (CIWA-B, set of vital signs)".
    static func draftsPhrase(_ work: [String]) -> String {
        "\(work.count) unsaved draft\(work.count == 1 ? "" : "s") (\(work.joined(separator: ", ")))"
    }

    /// A started (at least one item scored) form in a stack, if any.
    static func startedForm(in stack: [Screen]) -> WithdrawalScoreForm? {
        for case .withdrawalScore(let f) in stack where f.isStarted { return f }
        return nil
    }
}

/// A one-line message and what it means.
public struct Flash: Sendable, Hashable {
    public var text: String
    public var role: SemanticRole
    public init(_ text: String, role: SemanticRole = .alertInfo) { self.text = text; self.role = role }
}

/// What stands in front of the work screens.
public enum Gate: Sendable, Hashable {
    case signIn(SignInForm)
    case locked(UnlockForm)
}
