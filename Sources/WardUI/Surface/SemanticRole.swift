/// What a cell *means*. The terminal backend resolves roles to colours and
/// attributes through the theme; snapshots assert meaning, not palette.
public enum SemanticRole: String, Sendable, Codable, CaseIterable, Hashable {
    case text
    case muted
    case title
    case header
    case border
    case selection
    case keyHint = "key.hint"
    case statusBar = "status.bar"
    case banner
    case alertCritical = "alert.critical"
    case alertWarning = "alert.warning"
    case alertInfo = "alert.info"
    case scoreNone = "score.none"
    case scoreMild = "score.mild"
    case scoreModerate = "score.moderate"
    case scoreSevere = "score.severe"
    case doseDue = "dose.due"
    case doseOverdue = "dose.overdue"
    case doseGiven = "dose.given"
    case doseHeld = "dose.held"
    case fieldActive = "field.active"
    case fieldInvalid = "field.invalid"
    case fieldDone = "field.done"
    case stale
    case saved
    case error

    /// Single-letter code used in role-map snapshots.
    public var code: Character {
        switch self {
        case .text: "."
        case .muted: "m"
        case .title: "T"
        case .header: "H"
        case .border: "b"
        case .selection: "S"
        case .keyHint: "k"
        case .statusBar: "s"
        case .banner: "B"
        case .alertCritical: "C"
        case .alertWarning: "W"
        case .alertInfo: "I"
        case .scoreNone: "0"
        case .scoreMild: "1"
        case .scoreModerate: "2"
        case .scoreSevere: "3"
        case .doseDue: "d"
        case .doseOverdue: "D"
        case .doseGiven: "g"
        case .doseHeld: "h"
        case .fieldActive: "F"
        case .fieldInvalid: "X"
        case .fieldDone: "f"
        case .stale: "~"
        case .saved: "v"
        case .error: "E"
        }
    }

    /// Role for a severity level 0…3 (protocol band levels).
    public static func score(level: Int) -> SemanticRole {
        switch level {
        case ..<1: .scoreMild
        case 1: .scoreModerate
        default: .scoreSevere
        }
    }
}

/// Extra emphasis a widget asks for, on top of the role's theme style.
public struct Emphasis: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Emphasis(rawValue: 1)
    public static let underline = Emphasis(rawValue: 2)
    public static let reverse = Emphasis(rawValue: 4)
    public static let dim = Emphasis(rawValue: 8)
}
