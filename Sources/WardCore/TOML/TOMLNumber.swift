/// The TOML 1.0 number grammar, on one token.
enum TOMLNumber {
    enum Result { case value(TOMLValue), outOfRange }

    static func parse(_ w: String) -> Result? {
        var s = Substring(w)
        var sign: Character? = nil
        if let f = s.first, f == "+" || f == "-" { sign = f; s = s.dropFirst() }
        if s == "inf" { return .value(.float(sign == "-" ? -.infinity : .infinity)) }
        if s == "nan" { return .value(.float(sign == "-" ? -.nan : .nan)) }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where s.hasPrefix(prefix) {
            guard sign == nil, let digits = digits(s.dropFirst(2), radix: radix, leadingZeros: true) else { return nil }
            guard let n = Int(digits, radix: radix) else { return .outOfRange }
            return .value(.integer(n))
        }
        // decimal: int [frac] [exp]
        let expAt = s.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = expAt.map { s[..<$0] } ?? s
        let exponent = expAt.map { s[s.index(after: $0)...] }
        let dot = mantissa.firstIndex(of: ".")
        let intPart = dot.map { mantissa[..<$0] } ?? mantissa
        let frac = dot.map { mantissa[mantissa.index(after: $0)...] }
        guard let intDigits = digits(intPart, radix: 10, leadingZeros: false) else { return nil }
        var text = (sign == "-" ? "-" : "") + intDigits
        if let frac {
            guard let f = digits(frac, radix: 10, leadingZeros: true) else { return nil }
            text += "." + f
        }
        if var e = exponent {
            var esign = ""
            if let f = e.first, f == "+" || f == "-" { esign = String(f); e = e.dropFirst() }
            guard let d = digits(e, radix: 10, leadingZeros: true) else { return nil }
            text += "e" + esign + d
        }
        if frac == nil && exponent == nil {
            guard let n = Int(text) else { return .outOfRange }
            return .value(.integer(n))
        }
        guard let d = Double(text) else { return nil }
        return .value(.float(d))
    }

    /// Digits of `radix` with single underscores between digits; without
    /// `leadingZeros`, no leading zero unless the whole is "0".
    private static func digits(_ s: Substring, radix: Int, leadingZeros: Bool) -> String? {
        guard let first = s.first, let last = s.last, first != "_", last != "_", !s.contains("__") else { return nil }
        let d = s.filter { $0 != "_" }
        guard !d.isEmpty, d.allSatisfy({ $0.isASCII && $0.isHexDigit && Int(String($0), radix: radix) != nil }) else { return nil }
        if !leadingZeros && d.count > 1 && d.first == "0" { return nil }
        return String(d)
    }
}
