import Foundation

/// An HL7 v2 message, parsed: its segments split into fields by the delimiters
/// MSH-1 and MSH-2 name, the text decoded by the character set MSH-18 names.
/// Values are read with `value(_:)` ("PID-5.2"), which decodes the escape
/// sequences; nothing here trusts the bytes.
public struct HL7Message: Sendable, Hashable {
    public struct Delimiters: Sendable, Hashable {
        public var field: Character = "|", component: Character = "^", repetition: Character = "~"
        public var escape: Character = "\\", subcomponent: Character = "&"
    }
    public enum Charset: String, Sendable, Hashable {
        case utf8 = "UNICODE UTF-8", latin1 = "8859/1", ascii = "ASCII"
    }
    /// Why a message could not be parsed, and which field (for the ERR segment).
    public struct ParseError: Error, Sendable, Hashable {
        public var location: String
        public var message: String
    }

    public let delimiters: Delimiters
    public let charset: Charset
    /// Segments in order; each is its fields, `[0]` the segment ID. For MSH, `[1]` is MSH-1 (the
    /// field separator itself) and `[2]` MSH-2, so that `fields[n]` is field n for every segment.
    public let segments: [[String]]

    /// Parses the bytes of one frame. MSH-18 blank is read as UTF-8 (of which ASCII is a part).
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> HL7Message {
        guard bytes.count >= 8, Array(bytes.prefix(3)) == Array("MSH".utf8) else {
            throw ParseError(location: "MSH", message: "not an HL7 v2 message: it does not start with an MSH segment")
        }
        // The header is ASCII in every character set this reads: find MSH-18 before decoding the rest.
        // One Character a byte (bytes above ASCII as "?"), so that nothing combines across a delimiter.
        let headerEnd = bytes.firstIndex { $0 == 0x0D || $0 == 0x0A } ?? bytes.count
        let header = bytes[..<headerEnd].map { Character(Unicode.Scalar($0 < 0x80 ? $0 : UInt8(ascii: "?"))) }
        guard header.count > 8 else {
            throw ParseError(location: "MSH", message: "the MSH segment is too short to be a message header")
        }
        let fieldSep = header[3]
        let headerFields = header.split(separator: fieldSep, omittingEmptySubsequences: false).map { String($0) }
        let encoding = headerFields.count > 1 ? Array(headerFields[1]) : []
        guard encoding.count >= 4, Set(encoding.prefix(4) + [fieldSep]).count == 5,
              !(encoding.prefix(4) + [fieldSep]).contains(where: { $0.isLetter || $0.isNumber || $0.isWhitespace }) else {
            throw ParseError(location: "MSH-2", message: "the encoding characters (MSH-2) must be four distinct delimiters, e.g. ^~\\&")
        }
        var d = Delimiters()
        d.field = fieldSep; d.component = encoding[0]; d.repetition = encoding[1]; d.escape = encoding[2]; d.subcomponent = encoding[3]
        let named = headerFields.count > 17 ? headerFields[17].split(separator: d.repetition).first.map(String.init) ?? "" : ""
        let charset: Charset
        switch named.trimmingCharacters(in: .whitespaces).uppercased() {
        case "", "UNICODE UTF-8", "UTF-8", "UNICODE": charset = .utf8
        case "8859/1": charset = .latin1
        case "ASCII": charset = .ascii
        default: throw ParseError(location: "MSH-18", message: "the character set \(named.prefix(40)) (MSH-18) is not one this ward reads: send UNICODE UTF-8, 8859/1 or ASCII")
        }
        guard let text = decode(bytes, charset) else {
            throw ParseError(location: "MSH-18", message: "the message is not valid \(charset.rawValue) text, as MSH-18 says it is")
        }
        var segments: [[String]] = []
        for line in text.split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) where !line.isEmpty {
            var fields = line.split(separator: d.field, omittingEmptySubsequences: false).map(String.init)
            if fields.first == "MSH" { fields.insert(String(d.field), at: 1) }
            segments.append(fields)
        }
        return HL7Message(delimiters: d, charset: charset, segments: segments)
    }

    private static func decode(_ bytes: [UInt8], _ charset: Charset) -> String? {
        switch charset {
        case .utf8:
            var it = bytes.makeIterator(); var codec = UTF8(); var out = String.UnicodeScalarView()
            while true {
                switch codec.decode(&it) {
                case .scalarValue(let s): out.append(s)
                case .emptyInput: return String(out)
                case .error: return nil
                }
            }
        case .latin1: return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .ascii: return bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : nil
        }
    }

    /// The first segment with this ID, and every one.
    public func segment(_ id: String) -> [String]? { segments.first { $0.first == id } }
    public func all(_ id: String) -> [[String]] { segments.filter { $0.first == id } }

    /// A value by its place: "PID-5" (the whole first repetition's first component),
    /// "PID-5.2" (component 2), "PV1-3.3"; in the first segment of that ID (or `segment`).
    /// Escapes decoded; nil when absent or empty.
    public func value(_ place: String, in segment: [String]? = nil) throws(ParseError) -> String? {
        let (id, field, component) = Self.place(place)
        guard let seg = segment ?? self.segment(id), field < seg.count else { return nil }
        let rep = seg[field].split(separator: delimiters.repetition, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let comps = rep.split(separator: delimiters.component, omittingEmptySubsequences: false)
        guard component - 1 < comps.count else { return nil }
        let raw = comps[component - 1].split(separator: delimiters.subcomponent, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let v = try unescape(raw, place: place)
        return v.isEmpty ? nil : v
    }

    /// Every repetition of a field, raw (components not split).
    public func repetitions(_ place: String, in segment: [String]? = nil) -> [String] {
        let (id, field, _) = Self.place(place)
        guard let seg = segment ?? self.segment(id), field < seg.count else { return [] }
        return seg[field].split(separator: delimiters.repetition, omittingEmptySubsequences: true).map(String.init)
    }

    static func place(_ p: String) -> (String, Int, Int) {
        let parts = p.split(separator: "-")
        let id = String(parts.first ?? "")
        let nums = parts.count > 1 ? parts[1].split(separator: ".").compactMap { Int($0) } : []
        return (id, nums.first ?? 0, nums.count > 1 ? nums[1] : 1)
    }

    /// HL7 escape sequences: \F\ \S\ \T\ \R\ \E\ and \Xhh…\ (bytes in the message's character
    /// set). Any other sequence (formatting such as \.br\) or one left open is refused.
    public func unescape(_ raw: String, place: String) throws(ParseError) -> String {
        guard raw.contains(delimiters.escape) else { return raw }
        var out = ""
        var i = raw.startIndex
        while i < raw.endIndex {
            let c = raw[i]
            guard c == delimiters.escape else { out.append(c); i = raw.index(after: i); continue }
            let start = raw.index(after: i)
            guard let end = raw[start...].firstIndex(of: delimiters.escape) else {
                throw ParseError(location: place, message: "\(place) has an escape sequence that is not closed")
            }
            let code = String(raw[start..<end])
            switch code {
            case "F": out.append(delimiters.field)
            case "S": out.append(delimiters.component)
            case "T": out.append(delimiters.subcomponent)
            case "R": out.append(delimiters.repetition)
            case "E": out.append(delimiters.escape)
            default:
                guard code.first == "X", code.count > 1, (code.count - 1) % 2 == 0 else {
                    throw ParseError(location: place, message: "\(place) has an escape sequence this ward does not read (\\\(code.prefix(12))\\)")
                }
                var bytes: [UInt8] = []
                var h = code.index(after: code.startIndex)
                while h < code.endIndex {
                    let n = code.index(h, offsetBy: 2)
                    guard let b = UInt8(code[h..<n], radix: 16) else {
                        throw ParseError(location: place, message: "\(place) has a \\X…\\ escape that is not hexadecimal")
                    }
                    bytes.append(b); h = n
                }
                guard let s = Self.decode(bytes, charset) else {
                    throw ParseError(location: place, message: "\(place) has a \\X…\\ escape that is not valid \(charset.rawValue)")
                }
                out += s
            }
            i = raw.index(after: end)
        }
        return out
    }
}
