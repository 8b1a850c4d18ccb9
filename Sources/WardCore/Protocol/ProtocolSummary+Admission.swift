extension ProtocolSummary {
    /// `[admission.*]`: reconciliation, seizure risk, co-sedation, order set, date of birth.
    static func admissionLines(_ p: WardProtocol) -> [String] {
        let a = p.admission
        var out: [String] = []
        func head(_ title: String, _ prov: Provenance) {
            out += ["", "[\(title)] \(prov.status.rawValue)", "  source: \(prov.source)"]
        }
        let r = a.reconciliation
        head("admission reconciliation", r.provenance)
        out.append("  warn when the orders (taper + PRN 24-h maxima, first \(r.firstDays) days) cut the admission diazepam equivalent by more than \(fmt(r.cutWarnAbove * 100))%")
        let s = a.seizureRisk
        head("withdrawal-seizure risk", s.provenance)
        out.append("  high dose above \(fmt(s.highDailyDiazepamMg)) mg DE/day; high-potency short-acting: \(s.highPotencyShortActing.joined(separator: ", ")); abrupt cessation: last use \(s.abruptCessationDays)+ days before admission")
        let c = a.coSedation
        head("co-sedation", c.provenance)
        out.append("  opioids: \(c.opioids.joined(separator: ", "))")
        out.append("  opioid substitution: \(c.opioidSubstitution.joined(separator: ", ")); gabapentinoids: \(c.gabapentinoids.joined(separator: ", "))")
        out.append("  alcohol: \(c.alcohol.joined(separator: ", "))")
        head("admission order-set flags", a.orderSet.provenance)
        out.append("  age flag at ≥ \(a.orderSet.olderAdultAge); hepatic impairment: \(a.orderSet.hepaticHint)")
        head("date of birth", a.dateOfBirth.provenance)
        out.append("  a real past date giving an age of \(a.dateOfBirth.minAgeYears)–\(a.dateOfBirth.maxAgeYears)")
        return out
    }
}
