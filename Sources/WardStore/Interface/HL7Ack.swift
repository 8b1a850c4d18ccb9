import Foundation

/// The acknowledgement a message gets (HL7 v2 original mode): MSH, MSA with AA / AE / AR and the
/// message's control ID, and for AE / AR an ERR segment with the field's place (ERR-2), the code of
/// HL7 table 0357 (ERR-3), severity E (ERR-4) and the sentence (ERR-8).
public enum HL7Ack {
    static let codeNames: [Int: String] = [
        100: "Segment sequence error", 101: "Required field missing", 102: "Data type error",
        103: "Table value not found", 200: "Unsupported message type", 201: "Unsupported event code",
        203: "Unsupported version id", 204: "Unknown key identifier", 205: "Duplicate key identifier",
        206: "Application record locked", 207: "Application internal error",
    ]

    /// The ACK's text (segments ended by carriage returns), in UTF-8.
    public static func build(answering h: HL7Header?, code: String, text: String, problem: ADTProblem?,
                             sender: String, at now: Date, ackID: String) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC"); f.dateFormat = "yyyyMMddHHmmss"
        let trigger = h?.messageType.split(separator: "^").dropFirst().first.map(String.init) ?? ""
        let version = (h?.version.hasPrefix("2.") ?? false) ? h!.version : "2.5"
        var segs = [
            ["MSH", "^~\\&", "WARDLINE", esc(sender), esc(h?.sendingApplication ?? ""), esc(h?.sendingFacility ?? ""),
             f.string(from: now) + "+0000", "", "ACK^" + esc(trigger) + "^ACK", esc(ackID), "P", esc(version)].joined(separator: "|"),
            ["MSA", code, esc(h?.controlID ?? ""), esc(String(text.prefix(80)))].joined(separator: "|"),
        ]
        if let p = problem {
            // ERR-2 (ERL): segment ^ sequence ^ field [^ repetition ^ component].
            let parts = p.location.split(separator: "-")
            let nums = parts.count > 1 ? parts[1].split(separator: ".").map(String.init) : []
            let place = ([String(parts.first ?? "")] + (nums.isEmpty ? [] : ["1", nums[0]] + (nums.count > 1 ? ["1", nums[1]] : []))).joined(separator: "^")
            segs.append(["ERR", "", place, "\(p.code)^\(esc(codeNames[p.code] ?? "Error"))^HL70357", "E", "", "", "", esc(p.message)]
                .joined(separator: "|"))
        }
        return segs.joined(separator: "\r") + "\r"
    }

    /// Our own text inside a field, with the delimiters escaped.
    static func esc(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\E\\"
            case "|": out += "\\F\\"
            case "^": out += "\\S\\"
            case "&": out += "\\T\\"
            case "~": out += "\\R\\"
            case "\r", "\n": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
