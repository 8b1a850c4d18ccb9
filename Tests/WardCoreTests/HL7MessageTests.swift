import Testing
import WardCore

struct HL7MessageTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func fieldsComponentsAndTheMSHNumbering() throws {
        let m = try HL7Message.parse(Self.bytes("MSH|^~\\&|PAS|GEN|WL|W|20261201||ADT^A01^ADT_A01|C9|P|2.5\rPID|1||M1~M2^^^H^MR||Doe^Jane^Q||19800214|F\r"))
        #expect(try m.value("MSH-3") == "PAS")
        #expect(try m.value("MSH-9.2") == "A01")
        #expect(try m.value("MSH-10") == "C9")
        #expect(try m.value("PID-3") == "M1", "the first repetition")
        #expect(m.repetitions("PID-3").count == 2)
        #expect(try m.value("PID-5.3") == "Q")
        #expect(try m.value("PID-5.4") == nil)
        #expect(try m.value("PV1-3") == nil, "no such segment")
        #expect(m.charset == .utf8, "MSH-18 blank reads as UTF-8")
    }

    @Test func otherDelimitersAreHonoured() throws {
        let m = try HL7Message.parse(Self.bytes("MSH#*!@%#PAS\rPID#1##M1##Doe*Jane\r"))
        #expect(try m.value("MSH-3") == "PAS")
        #expect(try m.value("PID-5.2") == "Jane")
        #expect(try m.unescape("a@F@b@S@c", place: "X") == "a#b*c")
    }

    @Test func escapeSequencesAreDecodedAndOthersRefused() throws {
        let m = try HL7Message.parse(Self.bytes("MSH|^~\\&|PAS\r"))
        #expect(try m.unescape(#"\F\\S\\T\\R\\E\"#, place: "PID-5") == #"|^&~\"#)
        #expect(try m.unescape(#"Ren\XC3A9\"#, place: "PID-5") == "René")
        #expect(throws: HL7Message.ParseError.self) { try m.unescape(#"a\.br\b"#, place: "PID-5") }
        #expect(throws: HL7Message.ParseError.self) { try m.unescape(#"open\F"#, place: "PID-5") }
        #expect(throws: HL7Message.ParseError.self) { try m.unescape(#"\XZZ\"#, place: "PID-5") }
        #expect(throws: HL7Message.ParseError.self) { try m.unescape(#"\XC3\"#, place: "PID-5") }   // half a UTF-8 character
    }

    @Test func characterSets() throws {
        let latin = Array("MSH|^~\\&|PAS|||||||||||||||8859/1\rPID|1||M||L".utf8) + [0xE9] + Array("\r".utf8)
        let m = try HL7Message.parse(latin)
        #expect(m.charset == .latin1)
        #expect(try m.value("PID-5") == "Lé")
        let saysUTF8 = Array("MSH|^~\\&|PAS\rPID|1||M||L".utf8) + [0xE9]
        #expect(throws: HL7Message.ParseError.self) { try HL7Message.parse(saysUTF8) }
        #expect(throws: HL7Message.ParseError.self) { try HL7Message.parse(Self.bytes("MSH|^~\\&|PAS|||||||||||||||UNICODE UTF-16\r")) }
        #expect(throws: HL7Message.ParseError.self) { try HL7Message.parse(Array("MSH|^~\\&|PAS|||||||||||||||ASCII\rPID|".utf8) + [0xC3, 0xA9]) }
    }

    @Test func whatIsNotAMessageIsRefused() {
        for bad in ["", "hello", "MSH", "MSH|^~", "MSH|^^^^|x", "PID|1||M\r", "MSH|a~\\&|x"] {
            #expect(throws: HL7Message.ParseError.self, "\(bad)") { try HL7Message.parse(Self.bytes(bad)) }
        }
    }

    @Test func randomAndMutatedBytesNeverTrap() {
        var rng = SeededRandom(seed: 7)
        let base = Self.bytes("MSH|^~\\&|PAS|GEN|WL|W|20261201||ADT^A01|C9|P|2.5\rEVN|A01|20261201\rPID|1||M1||Doe^Jane||19800214|F\rPV1|1|I|W^^3\r")
        let specials: [UInt8] = Array("|^~\\&\rX0123456789ABCDEF".utf8) + [0x00, 0xC3, 0xFF, 0x80]
        for _ in 0..<3000 {
            var b = base
            for _ in 0..<Int(rng.next() % 12) {
                let i = Int(rng.next() % UInt64(b.count))
                switch rng.next() % 3 {
                case 0: b[i] = specials[Int(rng.next() % UInt64(specials.count))]
                case 1: b.insert(specials[Int(rng.next() % UInt64(specials.count))], at: i)
                default: b.remove(at: i)
                }
                if b.isEmpty { break }
            }
            guard let m = try? HL7Message.parse(b) else { continue }
            for place in ["MSH-9.2", "MSH-10", "PID-3", "PID-5.2", "PID-7", "PV1-3.3", "EVN-2"] { _ = try? m.value(place) }
        }
    }
}
