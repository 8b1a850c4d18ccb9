import Foundation

/// The admission daily use in diazepam equivalents against what the orders
/// allow over the first days (facts.md 7.2: SA Health starts at 1/2 the
/// estimated dose). Drug doses are converted through the table in force
/// (the upper end where it gives a range); `lowMg…highMg` is the spread
/// across every table of the protocol that lists the drugs.
public struct AdmissionReconciliation: Sendable, Hashable {
    /// The recognised benzodiazepine doses, each converted.
    public var parts: [EquivalenceResult]
    /// Benzodiazepines named without a dose in mg, or not in the table in force: not counted.
    public var uncounted: [String]
    /// Admission daily DE through the table in force.
    public var admissionMg: Double
    public var lowMg: Double
    public var highMg: Double
    /// The most the active orders allow on any of the first days (taper dose that day + PRN 24-h maxima).
    public var orderedMg: Double
    /// 0…1: how much of the admission DE the orders take away.
    public var cut: Double
    /// True when `cut` exceeds the protocol's threshold.
    public var warns: Bool
    public var table: String

    /// "Admission 80 mg DE/day (40–80 across tables); orders allow at most 20 mg/day over the first 3 days: a 75 % cut".
    public func message(firstDays: Int) -> String {
        let range = lowMg != highMg ? " (\(DoseText.mg(lowMg))–\(DoseText.mg(highMg)) across tables)" : ""
        let ordered = orderedMg > 0 ? "orders allow at most \(DoseText.mg(orderedMg)) mg/day" : "no benzodiazepine ordered"
        return "Admission \(DoseText.mg(admissionMg)) mg DE/day\(range); \(ordered)"
            + " over the first \(firstDays) days: a \(Int((cut * 100).rounded())) % cut"
    }
}

extension WardProtocol {
    /// The reconciliation of `patient`'s admission list with `orders` (the
    /// patient's current orders); nil when no benzodiazepine with a dose in mg
    /// is on the list.
    public func reconcile(_ patient: Patient, orders: [OrderTerms], calendar: Calendar = .wardDefault) -> AdmissionReconciliation? {
        var parts: [EquivalenceResult] = [], uncounted: [String] = []
        var low = 0.0, high = 0.0
        for s in patient.substances {
            for drug in doseSafety.drugs(in: s.substance, equivalence: equivalence) {
                guard let mg = s.dailyMg, let r = try? equivalence.convert(drug: drug, mg: mg) else { uncounted.append(drug); continue }
                parts.append(r)
                let spread = equivalence.acrossTables(drug: drug, mg: mg)
                low += spread?.diazepamMgLow ?? r.diazepamMgLow
                high += spread?.diazepamMgHigh ?? r.diazepamMgHigh
            }
        }
        guard !parts.isEmpty else { return nil }
        let total = parts.map(\.diazepamMgHigh).reduce(0, +)
        let ordered = orderedDailyMg(orders, from: patient.admittedAt, calendar: calendar)
        let cut = total > 0 ? max(0, 1 - ordered / total) : 0
        return AdmissionReconciliation(parts: parts, uncounted: uncounted, admissionMg: total, lowMg: low, highMg: high,
                                       orderedMg: ordered, cut: cut, warns: cut > admission.reconciliation.cutWarnAbove + 1e-9,
                                       table: equivalence.selected)
    }

    /// The most benzodiazepine (mg DE) the active orders allow on any of the
    /// first `firstDays` ward days from `start`: each taper order's daily dose
    /// that day plus every PRN order's 24-hour maximum.
    func orderedDailyMg(_ orders: [OrderTerms], from start: Date, calendar: Calendar) -> Double {
        let active = orders.filter { $0.status == .active }
        let prn = active.compactMap(\.prn).map(\.maxPer24hDiazepamMg).reduce(0, +)
        let day0 = calendar.startOfDay(for: start)
        var best = 0.0
        for k in 0..<admission.reconciliation.firstDays {
            guard let day = calendar.date(byAdding: .day, value: k, to: day0) else { continue }
            var scheduled = 0.0
            for o in active where o.kind == .taper {
                guard let t = o.taper, let n = MedicationSchedule.planDay(t, on: day, calendar: calendar),
                      let plan = try? MedicationSchedule.plan(o, rules: taper) else { continue }
                let mg = plan.dailyMg(onDay: n)
                scheduled += (try? equivalence.convert(drug: o.drug, mg: mg).diazepamMgHigh) ?? 0
            }
            best = max(best, scheduled + prn)
        }
        return best
    }
}
