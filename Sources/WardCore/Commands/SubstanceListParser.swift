import Foundation

/// Reads the admission form's substance list: entries separated by `;`,
/// each `NAME [AMOUNT/d] [DURATION] [last YYYY-MM-DD] [pt|rx|screen]`, e.g.
/// `alprazolam 4 mg/d 3 y last 2026-12-03 rx; alcohol 1 bottle wine/d 10 y`.
/// An amount in mg ("4 mg/d") is a drug dose (counted in the diazepam
/// equivalent); anything else ("1 bottle wine/d") is kept as typed. Every
/// problem names the entry and what to fix.
public enum SubstanceListParser {
    public static let syntax = "NAME AMOUNT/d DURATION [last YYYY-MM-DD] [pt|rx|screen]; …"

    public static func parse(_ text: String) -> Result<[SubstanceUse], SubstanceListError> {
        var out: [SubstanceUse] = []
        let entries = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (i, raw) in entries.enumerated() {
            switch entry(raw) {
            case .success(let s): out.append(s)
            case .failure(let m): return .failure(SubstanceListError(entry: i + 1, text: raw, message: m.message))
            }
        }
        return .success(out)
    }

    struct Problem: Error { var message: String }

    static func entry(_ raw: String) -> Result<SubstanceUse, Problem> {
        var words = raw.split(separator: " ").map(String.init)
        var source = SubstanceSource.patientReport
        let sources: [String: SubstanceSource] = ["pt": .patientReport, "patient": .patientReport, "rx": .prescription,
                                                  "screen": .drugScreen, "uds": .drugScreen]
        if let last = words.last, let s = sources[last.lowercased()] { source = s; words.removeLast() }
        var lastUse: CalendarDate?
        if let i = words.firstIndex(where: { $0.lowercased() == "last" }) {
            guard i + 1 < words.count, let d = CalendarDate(words[i + 1]) else {
                return .failure(Problem(message: "after 'last' type the day of last use as YYYY-MM-DD (a real date)"))
            }
            lastUse = d
            words.removeSubrange(i...(i + 1))
        }
        let text = words.joined(separator: " ")
        var head = text, tail = ""
        let perDay = text.range(of: #"/(d|day)\b"#, options: [.regularExpression, .caseInsensitive])
        if let r = perDay {
            head = String(text[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            tail = String(text[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        let parts = head.split(separator: " ").map(String.init)
        let firstNumber = parts.firstIndex { $0.first?.isNumber == true } ?? parts.count
        let name = parts[..<firstNumber].joined(separator: " ")
        let amount = parts[firstNumber...].joined(separator: " ")
        guard !name.isEmpty else { return .failure(Problem(message: "start with the substance's name")) }
        if perDay != nil && amount.isEmpty {
            return .failure(Problem(message: "'\(head)' has no amount before /d: type a number first, e.g. 4 mg/d or 1 bottle wine/d"))
        }
        if perDay == nil && !amount.isEmpty {
            return .failure(Problem(message: "write the amount per day with /d, e.g. \(name) 4 mg/d 3 y"))
        }
        var mg: Double?
        let a = amount.lowercased().replacingOccurrences(of: " ", with: "")
        if a.hasSuffix("mg") {
            guard let v = Double(a.dropLast(2)), v.isFinite, v >= 0 else {
                return .failure(Problem(message: "'\(amount)' is not a dose in mg: type e.g. 4 mg/d or 2.5 mg/d"))
            }
            mg = v
        }
        let duration: String
        switch self.duration(tail) {
        case .success(let d): duration = d
        case .failure(let p): return .failure(p)
        }
        return .success(SubstanceUse(substance: name.lowercased(), dailyAmount: amount, dailyMg: mg, duration: duration,
                                     lastUse: lastUse, source: source, asEntered: raw))
    }

    /// "3 y" → "3 years", "18 mo" → "18 months"; empty stays empty.
    static func duration(_ t: String) -> Result<String, Problem> {
        guard !t.isEmpty else { return .success("") }
        let units: [String: String] = ["y": "years", "yr": "years", "yrs": "years", "year": "years", "years": "years",
                                       "mo": "months", "month": "months", "months": "months",
                                       "w": "weeks", "wk": "weeks", "week": "weeks", "weeks": "weeks",
                                       "d": "days", "day": "days", "days": "days"]
        let p = t.lowercased().split(separator: " ").map(String.init)
        var num = p.first ?? "", unit = p.count > 1 ? p[1] : ""
        if p.count == 1, let i = num.firstIndex(where: { $0.isLetter }) { unit = String(num[i...]); num = String(num[..<i]) }
        guard p.count <= 2, let n = Double(num), n > 0, let u = units[unit] else {
            return .failure(Problem(message: "'\(t)' is not a duration: type e.g. 3 y, 18 mo, 6 w or 10 d"))
        }
        let shown = n == n.rounded() ? String(Int(n)) : String(n)
        return .success("\(shown) \(n == 1 ? String(u.dropLast()) : u)")
    }
}

/// A substance entry the form cannot read: which one and what to fix.
public struct SubstanceListError: Error, Sendable, Hashable, CustomStringConvertible {
    public var entry: Int
    public var text: String
    public var message: String
    public var description: String { "Substance \(entry) (\(text)): \(message)." }
}
