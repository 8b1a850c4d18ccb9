/// The admission flags a detox order set asks for, recorded by the
/// admitting nurse (typed as short codes on the admission form).
public enum AdmissionFlag: String, Sendable, Codable, CaseIterable, Hashable {
    case hepaticImpairment = "hepatic"
    case fallsRisk = "falls"
    case pregnancy = "pregnant"
    case respiratory = "resp"
    case suicideSelfHarm = "suicide"

    public var label: String {
        switch self {
        case .hepaticImpairment: "hepatic impairment"
        case .fallsRisk: "falls risk"
        case .pregnancy: "pregnancy"
        case .respiratory: "respiratory disease / sleep apnoea"
        case .suicideSelfHarm: "suicide / self-harm risk"
        }
    }

    /// The codes the form accepts, for its messages: "hepatic, falls, …".
    public static var codes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// What is known about a patient's allergies: nothing yet (flagged until
/// filled), none (NKDA, said explicitly), or a list.
public enum AllergyStatus: Sendable, Hashable {
    case notYetKnown
    case nkda
    case known([String])

    /// The stored word for "no known drug allergies".
    public static let nkdaWord = "NKDA"

    public init(_ allergies: [String]) {
        if allergies.isEmpty { self = .notYetKnown }
        else if allergies.count == 1, allergies[0].uppercased() == Self.nkdaWord { self = .nkda }
        else { self = .known(allergies) }
    }

    /// "not yet known", "NKDA" or the list.
    public var text: String {
        switch self {
        case .notYetKnown: "NOT YET KNOWN"
        case .nkda: "NKDA"
        case .known(let l): l.joined(separator: ", ")
        }
    }
}
