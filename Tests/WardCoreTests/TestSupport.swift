import Foundation
@testable import WardCore

/// The shipped protocol, loaded once per use.
var shipped: WardProtocol { ProtocolLoader.builtInDefault() }

/// The shipped protocol text with one exact substring replaced (the substring must occur once).
func defaultText(replacing old: String, with new: String) -> String {
    let text = ProtocolLoader.defaultText
    precondition(text.components(separatedBy: old).count == 2, "test fixture: '\(old)' must occur exactly once")
    return text.replacingOccurrences(of: old, with: new)
}

/// 1-based line of the first line containing `needle`.
func line(of needle: String, in text: String) -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let i = lines.firstIndex(where: { $0.contains(needle) }) else { preconditionFailure("fixture: '\(needle)' not found") }
    return i + 1
}

func problems(_ text: String) -> [ProtocolProblem] {
    switch ProtocolLoader.load(text: text, file: "test.toml") {
    case .success: return []
    case .failure(let e): return e.problems
    }
}

/// A deterministic generator for property tests (SplitMix64), so failures reproduce.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func vitals(rr: Int = 16, spo2: Int = 97, oxygen: Bool = false, sbp: Int = 125, pulse: Int = 78,
            acvpu: ACVPU = .alert, temp: Double = 36.8) -> VitalSigns {
    VitalSigns(respirationRate: rr, spo2: spo2, onOxygen: oxygen, systolic: sbp, pulse: pulse, acvpu: acvpu, temperature: temp)
}
