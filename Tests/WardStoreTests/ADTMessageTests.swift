import Foundation
import Testing
import WardCore
import WardStore

struct ADTMessageTests {
    static func message(_ segments: [String]) throws -> HL7Message {
        try HL7Message.parse(Array(segments.joined(separator: "\r").utf8))
    }
    static let msh = "MSH|^~\\&|PAS|GEN|WL|DETOX|20261201||ADT^A01^ADT_A01|C1|P|2.5"
    static var utc: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }

    @Test func anAdmissionIsReadIntoTheWardsValues() throws {
        let m = try Self.message([Self.msh, "EVN|A01|202612010730+0100", "PID|1||M77^^^GEN^MR||Doe^Jane^Ann||19800214|F",
                                  "PV1|1|I|DETOX^R2^4|||DETOX^R1^2", "AL1|1|DA|^Penicillin", "AL1|2|DA|LATEX"])
        let a = try ADTMessage.read(m, pointOfCare: "DETOX", calendar: Self.utc)
        #expect(a.event == .admit && a.mrn == "M77" && a.name == "Doe, Jane Ann" && a.sex == .female)
        #expect(a.dateOfBirth == CalendarDate(year: 1980, month: 2, day: 14))
        #expect(a.location == ADTLocation(pointOfCare: "DETOX", room: "R2", bed: "4"))
        #expect(a.priorLocation?.bed == "2")
        #expect(a.allergies == ["Penicillin", "LATEX"])
        #expect(a.eventTime == Date(timeIntervalSince1970: 1_796_106_600), "07:30 at +01:00 is 06:30 UTC")
        #expect(a.header.controlID == "C1" && a.header.messageType == "ADT^A01")
    }

    @Test func eventTimesAreCheckedToTheSecond() throws {
        for (t, ok) in [("20261201", true), ("202612010730", true), ("20261201073059", true), ("20261201073059.123", true),
                        ("20261201073059-0500", true), ("2026120107", false), ("20261301", false), ("20260230", false),
                        ("20261201250000", false), ("20261201073060", false), ("2026-12-01", false), ("20261201+9900", false)] {
            let m = try Self.message([Self.msh, "EVN|A01|\(t)", "PID|1||M1||Doe^J||19800214|F", "PV1|1|I|DETOX^^1"])
            let read = Result { try ADTMessage.read(m, pointOfCare: "DETOX", calendar: Self.utc) }
            if ok { #expect((try? read.get()) != nil, "\(t)") }
            else { #expect((try? read.get()) == nil, "\(t)"); if case .failure(let p as ADTProblem) = read { #expect(p.location == "EVN-2") } }
        }
    }

    @Test func mutatedMessagesAreReadOrRefusedNeverTrap() throws {
        var rng = Xorshift(state: 0x2026_1206)
        let base = Array([Self.msh, "EVN|A01|20261201", "PID|1||M1||Doe^Jane||19800214|F", "PV1|1|I|DETOX^^3", "AL1|1|DA|^X"]
            .joined(separator: "\r").utf8)
        let specials: [UInt8] = Array("|^~\\&\rX09AF.".utf8) + [0x07, 0x1B, 0xC3, 0xA9, 0xFF]
        for _ in 0..<3000 {
            var b = base
            for _ in 0..<Int.random(in: 1...10, using: &rng) where !b.isEmpty {
                let i = Int.random(in: 0..<b.count, using: &rng)
                if Bool.random(using: &rng) { b[i] = specials.randomElement(using: &rng)! } else { b.insert(specials.randomElement(using: &rng)!, at: i) }
            }
            guard let m = try? HL7Message.parse(b) else { continue }
            if let a = try? ADTMessage.read(m, pointOfCare: "DETOX") {
                // Whatever was read is plain text a ward may store.
                for t in [a.mrn, a.name ?? "", a.location?.bed ?? ""] + a.allergies {
                    #expect(!t.unicodeScalars.contains(where: InputText.isControl), "\(t.debugDescription)")
                }
            }
        }
    }
}

/// xorshift64: a seeded generator, so that a failing mutation is the same on every run.
private struct Xorshift: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
}
