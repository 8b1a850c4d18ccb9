/// The protocol in force as plain text lines, every value with its source
/// and status (for `wardline protocol show` and for printouts).
public enum ProtocolSummary {
    public static func lines(_ p: WardProtocol) -> [String] {
        var out: [String] = []
        func head(_ title: String, _ prov: Provenance) {
            out.append("")
            out.append("[\(title)] \(prov.status.rawValue)")
            out.append("  source: \(prov.source)")
        }
        func mins(_ m: Int) -> String { m == 0 ? "continuous" : (m % 60 == 0 ? "\(m / 60) h" : "\(m) min") }
        out.append("Ward protocol \(p.version)")
        out.append("Approved by: \(p.approvedBy)")
        out.append("These values are configuration, not clinical advice.")

        for kind in ScaleKind.allCases {
            guard let s = p.scales[kind] else { continue }
            head("scale \(kind.displayName)", Provenance(source: s.source, status: EvidenceStatus(rawValue: s.status) ?? .unconfirmed))
            out.append("  in use: \(s.inUse ? "yes" : "no")" + (s.itemMax.map { "; item score 0–\($0)" } ?? ""))
            for b in s.bands { out.append("  \(b.min)–\(b.max): \(b.name) (level \(b.level))") }
        }

        let n = p.news2
        head("NEWS2", n.provenance)
        func bands(_ name: String, _ b: BandedParameter) {
            let text = b.bands.map { "\($0.rangeText)→\($0.score)" }.joined(separator: "  ")
            out.append("  \(name): \(text)")
        }
        bands("respiration rate", n.respirationRate)
        bands("SpO2 scale 1", n.spo2Scale1)
        bands("SpO2 scale 2 on air", n.spo2Scale2OnAir)
        bands("SpO2 scale 2 on oxygen", n.spo2Scale2OnOxygen)
        out.append("  air \(n.airScore), oxygen \(n.oxygenScore); Alert \(n.alertScore), new confusion/V/P/U \(n.confusionVPUScore); red score \(n.redScore)")
        bands("systolic BP", n.systolicBP)
        bands("pulse", n.pulse)
        bands("temperature", n.temperature)
        for t in n.tiers {
            out.append("  total \(t.minTotal)–\(t.maxTotal): \(t.response.risk.rawValue), \(t.response.monitoring) — \(t.response.response)")
        }
        out.append("  single red parameter: \(n.singleRed.risk.rawValue), \(n.singleRed.monitoring) — \(n.singleRed.response)")
        out.append("  response source: \(n.singleRed.source)")

        let e = p.entryLimits
        head("entry limits (typing-error checks)", e.provenance)
        out.append("  RR \(fmt(e.respirationRate.lowerBound))–\(fmt(e.respirationRate.upperBound)), SpO2 \(fmt(e.spo2.lowerBound))–\(fmt(e.spo2.upperBound)), SBP \(fmt(e.systolic.lowerBound))–\(fmt(e.systolic.upperBound)), DBP \(fmt(e.diastolic.lowerBound))–\(fmt(e.diastolic.upperBound)), pulse \(fmt(e.pulse.lowerBound))–\(fmt(e.pulse.upperBound)), temperature \(fmt(e.temperature.lowerBound))–\(fmt(e.temperature.upperBound))")

        let r = p.reassessment
        head("re-assessment", r.provenance)
        for kind in ScaleKind.allCases {
            guard let m = r.intervals[kind], let s = p.scales[kind] else { continue }
            out.append("  \(kind.displayName): " + s.bands.map { "\($0.name) every \(mins(m[$0.name] ?? 0))" }.joined(separator: ", "))
        }
        out.append("  after a PRN dose: withdrawal score \(mins(r.afterPRNMinutes)), sedation \(mins(r.sedationAfterPRNMinutes)), vital signs \(mins(r.vitalsAfterPRNMinutes)); routine sedation every \(mins(r.sedationMinutes))")
        for kind in ScaleKind.allCases {
            guard let sd = r.stepDown[kind] else { continue }
            out.append("  step-down \(kind.displayName) [\(sd.provenance.status.rawValue)]: below \(sd.below) on \(sd.consecutive) checks in a row → "
                       + sd.intervalsMinutes.map { "every \(mins($0))" }.joined(separator: ", then after \(sd.consecutive) more → "))
            out.append("    source: \(sd.provenance.source)")
        }

        let q = p.equivalence
        head("diazepam equivalence (table in force: \(q.selected))", q.provenance)
        for name in q.tables.keys.sorted() {
            let t = q.tables[name]!
            out.append("  \(name)\(name == q.selected ? " (in force)" : ""): \(t.title) — \(t.provenance.status.rawValue): \(t.provenance.source)")
            let doses = t.doses.keys.sorted().map { d -> String in
                let v = t.doses[d]!
                return "\(d) \(v.isRange ? "\(fmt(v.low))–\(fmt(v.high))" : fmt(v.low))"
            }
            out.append("    mg ≈ diazepam \(fmt(q.referenceDiazepamMg)) mg: " + doses.joined(separator: ", "))
        }
        out.append("  Z-drugs: \(q.zDrugs.sorted().joined(separator: ", "))")
        if let n = q.noAgreedEquivalent {
            out.append("  no agreed equivalent (\(n.provenance.status.rawValue)): \(n.drugs.joined(separator: ", ")) — \(n.note) (\(n.provenance.source))")
        }

        head("PRN order templates (cap counts: \(p.prn.capCounts.rawValue))", p.prn.provenance)
        for t in p.prn.templates {
            out.append("  \(t.name): \(t.label) — \(t.drug) \(fmt(t.doseMg)) mg when \(t.scale.displayName) ≥ \(t.threshold), at least \(mins(t.minIntervalMinutes)) apart, at most \(fmt(t.maxPer24hDiazepamMg)) mg diazepam-equivalent per 24 h (\(t.provenance.status.rawValue): \(t.provenance.source))")
        }

        let h = p.hold
        head("hold a dose", h.provenance)
        out.append("  RASS ≤ \(h.rassAtOrBelow); POSS ≥ \(h.possAtOrAbove); respiration rate < \(h.respirationRateBelow); SpO2 < \(h.spo2Below)% (scale-2 patients < \(h.spo2Scale2Below)%)\(h.holdOnNewConfusion ? "; consciousness not Alert" : ""); observations older than \(mins(h.observationMaxAgeMinutes)) do not count")
        head("escalation", p.escalation.provenance)
        out.append("  NEWS2 ≥ \(p.escalation.news2TotalAtOrAbove)\(p.escalation.singleRedParameter ? "; any single red parameter" : "")")

        let t = p.taper
        head("taper: reduction rate, outpatient (ASAM) profile", t.reductionProvenance)
        out.append("  warn above \(fmt(t.maxReductionPercent))% reduction within \(t.reductionWindowDays) days")
        if let r = t.inpatientRate {
            head("taper: reduction rate, inpatient reducing profile", r.provenance)
            out.append("  warn above \(fmt(r.maxPercent))% reduction within \(r.windowDays) day\(r.windowDays == 1 ? "" : "s"), of the \(r.percentOf == .current ? "dose before (geometric reading)" : "start dose (linear reading)")")
        }
        head("taper: stabilisation cap", t.capProvenance)
        out.append("  warn when the starting dose is above \(fmt(t.stabilisationCapMg)) mg/day diazepam-equivalent (other drugs through the equivalence table in force; the upper value of a range)")
        for drug in t.stock.keys.sorted() {
            let s = t.stock[drug]!
            head("taper: ward stock of \(drug)\(drug == t.defaultDrug ? " (default drug for a new taper)" : "")", s.provenance)
            out.append("  \(s.strengthsText); doses round to what whole tablets and halves of scored tablets make: \(s.makeableText)")
        }
        out.append("  a drug with no stock listed: taper doses are not rounded, and its plan warns that no ward stock is listed")
        head("taper: dose times", t.doseTimesProvenance)
        out.append("  " + t.doseTimes.map(\.description).joined(separator: ", "))

        let w = p.witness
        head("witness", w.provenance)
        for k in w.schedules.keys.sorted() {
            let s = w.schedules[k]!
            out.append("  \(k) (\(s.label)): administration \(s.administration ? "witnessed" : "no witness"), wastage \(s.wastage ? "witnessed" : "no witness")\(k == w.defaultSchedule ? " — default for unlisted drugs" : "")")
        }
        out.append("  drugs: " + w.drugSchedule.keys.sorted().map { "\($0) \(w.drugSchedule[$0]!)" }.joined(separator: ", "))

        head("shifts", p.shifts.provenance)
        out.append("  " + p.shifts.shifts.map { "\($0.name) \($0.start)–\($0.end)" }.joined(separator: ", "))
        head("dose administration window", p.administration.provenance)
        out.append("  ±\(p.administration.windowMinutes) min")
        let a = p.appropriateness
        head("CIWA dose gate", a.provenance)
        out.append("  requires\(a.requireRecentUseConfirmed ? " recent use confirmed" : "")\(a.requireCanCommunicate ? " and patient can communicate" : ""); otherwise monitoring only with \(a.observerScale.displayName)")
        head("observation timing", p.observations.provenance)
        out.append("  due \(mins(p.observations.dueSoonMinutes)) before the time; stale when overdue by more than \(mins(p.observations.staleAfterMinutes))")
        let b = p.bedside, u = b.usual
        head("bedside entry and checks not done", b.provenance)
        out.append("  confirm values outside: RR \(fmt(u.respirationRate.lowerBound))–\(fmt(u.respirationRate.upperBound)), SpO2 \(fmt(u.spo2.lowerBound))–\(fmt(u.spo2.upperBound)), SBP \(fmt(u.systolic.lowerBound))–\(fmt(u.systolic.upperBound)), DBP \(fmt(u.diastolic.lowerBound))–\(fmt(u.diastolic.upperBound)), pulse \(fmt(u.pulse.lowerBound))–\(fmt(u.pulse.upperBound)), temperature \(fmt(u.temperature.lowerBound))–\(fmt(u.temperature.upperBound))")
        out.append("  check not done, try again after: " + ExceptionReason.allCases.map { "\($0.label) \(mins(b.recheckMinutes[$0] ?? 0))" }.joined(separator: ", "))
        head("security", p.securityProvenance)
        let s = p.security
        out.append("  PIN at least \(s.pinMinLength)\(s.pinDigitsOnly ? " digits" : " characters"); lock after \(s.maxFailedAttempts) failures for \(s.lockoutMinutes) min; idle lock \(s.idleLockSeconds) s")
        head("alerts", p.alerts.provenance)
        out.append("  NEWS2 alert at ≥ \(p.alerts.news2AtOrAbove); PRN cap warning at \(fmt(p.alerts.prnCapApproachingFraction * 100))%; ward sort: \(p.alerts.wardSortOrder.map(\.rawValue).joined(separator: ", ")); handover style \(p.alerts.handoverStyle.rawValue)")
        out += admissionLines(p)
        return out
    }
}
