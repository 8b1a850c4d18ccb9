import Foundation

extension WardSnapshot {
    /// The board's observation and medication values for one patient, read
    /// from the snapshot's own records (vital signs, sedation, checks not
    /// done, orders and doses, seizure/delirium events) and the dose gate of
    /// a CIWA-triggered PRN order.
    public func boardExtras(for id: PatientID, now: Date, protocol p: WardProtocol,
                            calendar: Calendar) -> PatientBoardExtras {
        let vitals = currentVitals(for: id).map { TimedVitals($0.vitals, at: $0.stamp.recordedAt) }
        let sedation = currentSedation(for: id).map { TimedSedation($0.score, at: $0.stamp.recordedAt) }
        let lastPRN = lastPRNGivenAt(for: id, now: now)
        let hasOrders = !(orders[id] ?? []).isEmpty
        var doses: [ScheduledDoseDue]? = nil
        var total: Double? = nil
        var caps: [PRNCapUse] = []
        if hasOrders {
            doses = marRows(for: id, now: now, protocol: p, calendar: calendar).map { row in
                let done: Bool
                if case .recorded = row.status { done = true } else { done = false }
                return ScheduledDoseDue(label: Self.doseLabel(row.dose.drug, row.dose.mg), dueAt: row.dose.dueAt, given: done)
            }
            let t = diazepamTotal(for: id, now: now, protocol: p)
            total = t.totalMg
            if let lastPRN {
                caps = self.orders(.prn, for: id).filter(\.isActive).compactMap { o in
                    o.terms.prn.map { PRNCapUse(order: o.drug, countedMg: t.countedMg, capMg: $0.maxPer24hDiazepamMg, lastDoseAt: lastPRN) }
                }
            }
        }
        var extras = PatientBoardExtras(vitals: vitals, sedation: sedation, lastPRNAt: lastPRN,
                                        exceptions: exceptionsForClock(id), diazepamEquivalent24hMg: total,
                                        doses: doses, prnCaps: caps,
                                        events: (clinicalEvents[id] ?? []).map(\.boardEvent),
                                        ciwaGate: ciwaOrderGate(for: id, protocol: p))
        let given = administrations[id] ?? []
        extras.prnEffectsDue = openPRNFollowUps(for: id).compactMap { f in
            given.first { $0.id == f.administrationID }.map { a in
                PRNEffectDue(label: Self.doseLabel(a.drug, a.mg), givenAt: a.at, dueAt: f.dueAt)
            }
        }
        return extras
    }

    /// "diazepam 10 mg", "diazepam 2.5 mg": the board's name for a dose.
    static func doseLabel(_ drug: String, _ mg: Double) -> String {
        let amount = mg.rounded() == mg ? String(Int(mg)) : String(mg)
        return "\(drug) \(amount) mg"
    }
}

extension BoardInput {
    /// From a ward snapshot at `now`: withdrawal scores, plus the vital
    /// signs, sedation, doses and PRN use the snapshot records (an explicit
    /// `snapshot.board` entry wins).
    public init(_ snapshot: WardSnapshot, now: Date, protocol p: WardProtocol, calendar: Calendar) {
        var s = snapshot
        for patient in snapshot.patients where s.board[patient.id] == nil {
            s.board[patient.id] = snapshot.boardExtras(for: patient.id, now: now, protocol: p, calendar: calendar)
        }
        self.init(s)
    }
}
