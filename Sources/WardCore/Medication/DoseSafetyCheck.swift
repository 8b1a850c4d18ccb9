import Foundation

/// A dose-safety rule, as recorded with an override and named in a refusal.
public enum DoseRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The PRN order is held or stopped.
    case orderNotActive = "order-not-active"
    /// The observations the hold rules read are missing or too old: observe first.
    case observeFirst = "observe-first"
    /// A hold rule is met (sedation, respiration rate, SpO2, consciousness).
    case hold
    /// The ward's 24-hour ceiling across every benzodiazepine dose.
    case ceiling = "ceiling-24h"
    /// The PRN order's own 24-hour maximum.
    case orderCap = "order-prn-cap"
    /// Another benzodiazepine PRN dose (any drug, any order) inside the minimum interval.
    case classInterval = "prn-class-interval"
    /// A PRN criterion: no recent score, score below threshold, or the CIWA gate not met.
    case prnCriterion = "prn-criterion"
}

/// Who may decide to give a dose despite a finding.
public enum OverrideNeed: Int, Sendable, Hashable, Comparable {
    /// The nurse, with a note (clinical judgement), or a prescriber.
    case nurseJudgement = 1
    /// Only a named prescriber (a recorded override, co-signed later).
    case prescriber = 2
    /// No one: do what the finding says first (observe, wait, change the order).
    case never = 3
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public struct DoseFinding: Sendable, Hashable {
    public var rule: DoseRule
    /// One sentence naming the rule, the values and their times.
    public var message: String
    public var overridableBy: OverrideNeed
    public init(_ rule: DoseRule, _ message: String, _ need: OverrideNeed) { self.rule = rule; self.message = message; self.overridableBy = need }
}

/// What the dose-safety rules say about giving one dose at one moment. The
/// store computes it inside the recording transaction and refuses on it;
/// the screens compute the same from their snapshot, only to show it.
public struct DoseSafetyDecision: Sendable, Hashable {
    public var findings: [DoseFinding]
    /// The dose in diazepam-equivalent mg (upper end of a range).
    public var doseDiazepamMg: Double
    /// Benzodiazepine already given in the 24 h before the dose, DE mg (every order, scheduled and PRN).
    public var given24hDiazepamMg: Double
    public var ceilingDiazepamMg: Double

    public var isClear: Bool { findings.isEmpty }
    /// The strictest override any finding needs (nil when clear).
    public var need: OverrideNeed? { findings.map(\.overridableBy).max() }
    public var line: String { findings.map(\.message).joined(separator: "; ") }
    /// The first observation the nurse must take before the dose, if any.
    public var observeFirst: [DoseFinding] { findings.filter { $0.rule == .observeFirst } }

    /// Why recording the dose must be refused (nil: it may be recorded), given
    /// what accompanies it: a prescriber override, or the nurse's judgement with a note.
    public func refusal(prescriberOverride: Bool, nurseJudgement: Bool) -> String? {
        guard let need else {
            if prescriberOverride { return "no dose-safety rule holds this dose now, so there is nothing to override; give it without an override" }
            if nurseJudgement { return "every PRN criterion is met now; give it without a judgement reason" }
            return nil
        }
        let blocking = findings.filter { $0.overridableBy == need }.map(\.message).joined(separator: "; ")
        switch need {
        case .never:
            return blocking
        case .prescriber where !prescriberOverride:
            return "\(blocking) — only a prescriber's recorded override allows this dose"
        case .nurseJudgement where !(prescriberOverride || nurseJudgement):
            return "\(blocking) — give only on a prescriber's override or your clinical judgement with a note"
        default:
            return nil
        }
    }
}

extension WardSnapshot {
    /// The dose-safety decision for giving `mg` of `order`'s drug at `at`
    /// (a scheduled dose when `scheduledFor` is set, else a PRN dose).
    /// Reads only what the snapshot holds for the patient: its latest
    /// vitals and sedation, its non-voided administrations, its latest
    /// withdrawal score and the gate answers recorded with it.
    public func doseSafety(order: MedicationOrder, mg: Double, scheduledFor: Date?, at: Date,
                           protocol p: WardProtocol) -> DoseSafetyDecision {
        var out: [DoseFinding] = []
        let pid = order.patientID
        let patient = self.patient(pid)
        let isPRN = scheduledFor == nil

        if isPRN && order.terms.status != .active {
            out.append(DoseFinding(.orderNotActive, "order #\(order.id) is \(order.terms.status.rawValue): no PRN may be given under it", .never))
        }

        // Hold rules on the latest observations taken by then (a dose charted
        // afterwards is judged on what was known when it was given).
        let by = at.addingTimeInterval(60)
        let vitals = currentVitals(for: pid).first { $0.stamp.recordedAt <= by }.map { TimedVitals($0.vitals, at: $0.stamp.recordedAt) }
        let sedation = currentSedation(for: pid).first { $0.stamp.recordedAt <= by }.map { TimedSedation($0.score, at: $0.stamp.recordedAt) }
        let hold = p.hold.evaluate(vitals: vitals, sedation: sedation, spo2Scale2: patient?.spo2Scale2 ?? false, now: at)
        for (f, m) in zip(hold.findings, hold.messages) {
            switch f {
            case .noRecentVitals, .noRecentSedation: out.append(DoseFinding(.observeFirst, m, .never))
            default:
                let taken: Date?
                switch f {
                case .rass, .poss: taken = sedation?.takenAt
                default: taken = vitals?.takenAt
                }
                let when = taken.map { " at \(DoseText.clock($0))" } ?? ""
                out.append(DoseFinding(.hold, "hold: \(m)\(when)", .prescriber))
            }
        }

        // The 24-hour ceiling across every benzodiazepine given (scheduled and PRN, all drugs).
        let given = (administrations[pid] ?? []).filter { $0.status == .given && !$0.isEnteredInError }
        var unconverted: [String] = []
        func de(_ drug: String, _ mg: Double) -> Double {
            if let r = try? p.equivalence.convert(drug: drug, mg: mg) { return r.diazepamMgHigh }
            if !unconverted.contains(drug) { unconverted.append(drug) }
            return 0
        }
        let thisDE = de(order.drug, mg)
        let doses = given.map { (at: $0.at, de: de($0.drug, $0.mg)) } + [(at: at, de: thisDE)]
        let before = given.filter { $0.at > at.addingTimeInterval(-86_400) && $0.at <= at }.map { de($0.drug, $0.mg) }.reduce(0, +)
        let ceiling = p.doseSafety.ceiling24hDiazepamMg
        // Every 24-hour window that holds this dose: those ending at it or at a later dose already charted.
        let ends = doses.map(\.at).filter { $0 >= at && $0 < at.addingTimeInterval(86_400) }
        var worst = 0.0, worstEnd = at
        for e in ends {
            let sum = doses.filter { $0.at > e.addingTimeInterval(-86_400) && $0.at <= e }.map(\.de).reduce(0, +)
            if sum > worst { worst = sum; worstEnd = e }
        }
        if worst > ceiling + 1e-9 {
            let window = worstEnd == at ? "the 24 h up to now" : "the 24 h up to \(DoseText.clock(worstEnd))"
            out.append(DoseFinding(.ceiling, "24-h ceiling: \(DoseText.mg(clean(before))) mg diazepam-equivalent given in \(window) + this \(DoseText.mg(clean(thisDE))) mg = \(DoseText.mg(clean(worst))) mg, above the ward's \(DoseText.mg(ceiling)) mg (\(p.doseSafety.ceilingProvenance.status.rawValue))", .prescriber))
        }
        if !unconverted.isEmpty {
            out.append(DoseFinding(.ceiling, "\(unconverted.joined(separator: ", ")) is not in the equivalence table in force: the 24-h total cannot be checked", .prescriber))
        }

        if isPRN, let terms = order.terms.prn {
            // The minimum interval across the class: any benzodiazepine PRN, any drug, any order.
            let gap = TimeInterval(terms.minIntervalMinutes * 60)
            if let near = given.filter({ $0.isPRN && abs($0.at.timeIntervalSince(at)) < gap }).max(by: { $0.at < $1.at }) {
                let ago = Int(at.timeIntervalSince(near.at) / 60)
                let when = ago >= 0 ? "\(ago) min ago" : "\(-ago) min after this time"
                out.append(DoseFinding(.classInterval, "a benzodiazepine PRN (\(near.drug) \(DoseText.mg(near.mg)) mg) was given by \(near.byName) at \(DoseText.clock(near.at)), \(when); minimum \(terms.minIntervalMinutes) min between PRN doses of any benzodiazepine", .never))
            }
            // The order's own 24-hour maximum.
            let prnCounted = given.filter { $0.at > at.addingTimeInterval(-86_400) && $0.at <= at && (p.prn.capCounts == .all || $0.isPRN) }
                .map { de($0.drug, $0.mg) }.reduce(0, +)
            if prnCounted + thisDE > terms.maxPer24hDiazepamMg + 1e-9 {
                out.append(DoseFinding(.orderCap, "order #\(order.id) PRN maximum: \(DoseText.mg(clean(prnCounted))) mg DE counted in 24 h + this \(DoseText.mg(clean(thisDE))) mg would pass \(DoseText.mg(terms.maxPer24hDiazepamMg)) mg", .prescriber))
            }
            // PRN criteria: a recent score at or above the threshold, and a gate that lets it guide the dose.
            let scale = ScaleKind(rawValue: terms.scale)
            let latest = scale.flatMap { s in current(s, for: pid).first { $0.recordedAt <= by } }
            let maxAge = TimeInterval(p.hold.observationMaxAgeMinutes * 60)
            let name = scale?.displayName ?? terms.scale
            if let s = latest, at.timeIntervalSince(s.recordedAt) <= maxAge, s.recordedAt <= at.addingTimeInterval(60) {
                if s.total < terms.threshold {
                    out.append(DoseFinding(.prnCriterion, "\(name) \(s.total) at \(DoseText.clock(s.recordedAt)) is below the order's threshold \(terms.threshold)", .nurseJudgement))
                }
                let gate = doseGate(for: s, protocol: p)
                if !gate.scaleMayGuideDosing {
                    out.append(DoseFinding(.prnCriterion, "\(name) at \(DoseText.clock(s.recordedAt)) is \(gate.message)", .nurseJudgement))
                }
            } else {
                out.append(DoseFinding(.prnCriterion, "no \(name) in the last \(p.hold.observationMaxAgeMinutes) min: score first", .nurseJudgement))
            }
        }
        return DoseSafetyDecision(findings: out, doseDiazepamMg: clean(thisDE), given24hDiazepamMg: clean(before),
                                  ceilingDiazepamMg: ceiling)
    }

    /// The gate of a withdrawal score: the answers recorded with it; a score
    /// saved without them is monitoring only.
    public func doseGate(for a: Assessment, protocol p: WardProtocol) -> DoseGateDecision {
        p.appropriateness.evaluate(answers: doseGates[a.id])
    }
}

extension AppropriatenessRules {
    /// The gate from the answers recorded with a score; none recorded means
    /// the score was saved as monitoring only.
    public func evaluate(answers: DoseGateAnswers?) -> DoseGateDecision {
        guard let answers else {
            return DoseGateDecision(scaleMayGuideDosing: false, reasons: ["the gate questions were not answered with this score"],
                                    observerScale: observerScale,
                                    message: "monitoring only (saved without the gate questions)")
        }
        return evaluate(recentUseConfirmed: answers.recentUseConfirmed, canCommunicate: answers.canCommunicate)
    }
}

extension DoseSafetyRules {
    /// The benzodiazepines (as the equivalence tables name them) that a free
    /// text names, by drug name or synonym, as whole words: "alprazolam
    /// (counterfeit tablets)" → ["alprazolam"], "Xanax bars" → ["alprazolam"].
    public func drugs(in text: String, equivalence: EquivalenceRules) -> [String] {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        var out: [String] = []
        for w in words {
            let drug = equivalence.tables.values.contains { $0.doses[w] != nil } ? w : synonyms[w]
            if let drug, !out.contains(drug), !equivalence.zDrugs.contains(drug) { out.append(drug) }
        }
        return out
    }
}
