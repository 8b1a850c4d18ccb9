import Foundation

/// A JSON value of the FHIR export, written by hand so that the text is the same on every
/// platform: `resourceType` first, then the keys sorted; booleans are booleans (never NSNumber 0/1),
/// whole numbers without a decimal point, decimals in Swift's shortest round-trip form.
public indirect enum FHIRJSON: Sendable, Hashable {
    case string(String), int(Int), decimal(Double), bool(Bool)
    case array([FHIRJSON]), object([String: FHIRJSON])

    /// One line of JSON (NDJSON needs no line breaks inside a resource).
    public var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    /// The value at `key` of an object (nil for anything else).
    public subscript(_ key: String) -> FHIRJSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    private func write(into out: inout String) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .int(let i): out += String(i)
        case .decimal(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { out += String(Int(d)) } else if d.isFinite { out += "\(d)" } else { out += "null" }
        case .bool(let b): out += b ? "true" : "false"
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                v.write(into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            let keys = o.keys.sorted { a, b in
                if a == "resourceType" { return b != "resourceType" }
                if b == "resourceType" { return false }
                return a < b
            }
            for (i, k) in keys.enumerated() {
                if i > 0 { out += "," }
                Self.quote(k, into: &out)
                out += ":"
                o[k]!.write(into: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most text needs no escape: append it whole (0xE2 leads U+2028/U+2029, escaped for JavaScript readers).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}

extension FHIRJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                    ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral v: String) { self = .string(v) }
    public init(integerLiteral v: Int) { self = .int(v) }
    public init(booleanLiteral v: Bool) { self = .bool(v) }
    public init(dictionaryLiteral pairs: (String, FHIRJSON)...) {
        self = .object(Dictionary(pairs, uniquingKeysWith: { _, b in b }))
    }
    public init(arrayLiteral items: FHIRJSON...) { self = .array(items) }
}

/// Building objects with optional members: a nil value leaves the key out (FHIR forbids null and empty).
struct FHIRObject {
    var members: [String: FHIRJSON] = [:]
    init(_ members: [String: FHIRJSON] = [:]) { self.members = members }
    subscript(_ key: String) -> FHIRJSON? {
        get { members[key] }
        set {
            guard let v = newValue else { members[key] = nil; return }
            if case .array(let a) = v, a.isEmpty { members[key] = nil; return }
            if case .string(let s) = v, s.isEmpty { members[key] = nil; return }
            members[key] = v
        }
    }
    var json: FHIRJSON { .object(members) }
}

/// FHIR dateTime / instant text in UTC with milliseconds ("2026-12-06T08:11:14.960Z"), and the
/// date ("2026-12-06"), computed without a formatter object (none is Sendable on every platform).
enum FHIRTime {
    static func instant(_ d: Date) -> String {
        let ms = Int64((d.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, msOfDay) = floorDivide(ms, 86_400_000)
        // Days since 1970-01-01 → civil date (H. Hinnant's days_from_civil, inverted).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let secs = msOfDay / 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2)).\(pad(msOfDay % 1000, 3))Z"
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// "08:00" → "08:00:00" (FHIR time); nil for anything that is not HH:MM.
    static func time(_ hhmm: String) -> String? {
        let parts = hhmm.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        return String(format: "%02d:%02d:00", h, m)
    }
}
