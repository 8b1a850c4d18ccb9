import Foundation

/// Checks on text that comes from a person (names, reasons, IDs) before it
/// is stored. Control characters and escape sequences are refused with a
/// message, so nothing stored can drive a terminal when printed.
public enum InputText {
    /// True for C0/C1 controls, DEL, and the bidi/format overrides that can
    /// make text read differently from what it is.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with every control character shown as visible text
    /// (ESC as "\u{1B}" becomes "^[", others "\u{..}"), for printing anything
    /// read from the database or typed by a user.
    public static func visible(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if isControl(s) {
                if s.value < 0x20 { out += "^" + String(UnicodeScalar(UInt8(s.value + 0x40))) }
                else { out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}" }
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Trimmed text, or a refusal message naming `field` and what to fix.
    static func clean(_ text: String, field: String, maxLength: Int, allowEmpty: Bool = false) -> Result<String, Problem> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if !allowEmpty && t.isEmpty { return .failure(Problem("\(field) is empty; type a value")) }
        if t.unicodeScalars.contains(where: isControl) {
            return .failure(Problem("\(field) contains a control character or escape sequence; retype it as plain text"))
        }
        if t.count > maxLength { return .failure(Problem("\(field) is longer than \(maxLength) characters; shorten it")) }
        return .success(t)
    }

    struct Problem: Error { let message: String; init(_ m: String) { message = m } }
}
