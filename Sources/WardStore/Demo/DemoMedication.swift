import Foundation
import WardCore

extension DemoWard {
    /// Taper and PRN orders for a few demo patients, one order changed
    /// (a second version with its reason), and today's doses so far: given
    /// a few minutes after their time with a witness, one held for sedation,
    /// one PRN. The dose nearest now is left for the nurse to give.
    static func seedMedication(store: Store, clock: any WardClock, protocol ward: WardProtocol, terminal: String) throws(CommandRefusal) {
        let now = clock.now()
        let cal = Calendar.wardDefault
        func signIn(_ id: String) throws(CommandRefusal) -> Session {
            let d = staff.first { $0.staffID == id }!
            return Session(staff: try store.signIn(staffID: id, secret: d.pin, terminal: terminal, policy: ward.security), terminal: terminal)
        }
        func witness(_ id: String) -> WitnessCredentials { WitnessCredentials(staffID: id, pin: staff.first { $0.staffID == id }!.pin) }
        let prescriber = try signIn("P3001")
        let nurses = [(try signIn("N1001"), witness("N1002")), (try signIn("N1002"), witness("C2001"))]
        let times = ward.taper.doseTimes.map(\.description)

        struct Plan { let mrn: String; let startMg: Double; let phases: [OrderPhase]; let prn: Bool; let change: Double? }
        let plans = [
            Plan(mrn: "100231", startMg: 30, phases: [OrderPhase(untilMg: 10, step: 5, everyDays: 14), OrderPhase(untilMg: 0, step: 2, everyDays: 14)],
                 prn: true, change: nil),
            Plan(mrn: "100252", startMg: 40, phases: [OrderPhase(untilMg: 20, step: 5, everyDays: 14), OrderPhase(untilMg: 0, step: 2, everyDays: 14)],
                 prn: false, change: 36),
            Plan(mrn: "100267", startMg: 20, phases: [OrderPhase(untilMg: 0, step: 10, percent: true, everyDays: 14)], prn: true, change: nil),
        ]
        for (n, plan) in plans.enumerated() {
            guard let patient = try? store.patient(mrn: plan.mrn) else { continue }
            let startDay = MedicationSchedule.dayKey(patient.admittedAt, cal)
            var taper = OrderTerms(kind: .taper, drug: ward.taper.defaultDrug,
                                   strengthMg: ward.taper.stock(for: ward.taper.defaultDrug)?.strengths.map(\.mg).min(),
                                   indication: "benzodiazepine withdrawal (taper)", doseTimes: times,
                                   taper: TaperTerms(startDailyMg: plan.startMg, phases: plan.phases, startDay: startDay))
            // Written an hour after admission, as the admitting prescriber would.
            let written = store.at(FixedClock(patient.admittedAt.addingTimeInterval(3600)))
            var order = try written.writeOrder(WriteOrder(patientID: patient.id, terms: taper), session: prescriber, protocol: ward)
            if let lower = plan.change {
                taper.taper?.startDailyMg = lower
                order = try written.changeOrder(ChangeOrder(orderID: order.id, basedOn: order.version, terms: taper,
                                                          reason: "drowsy at the starting dose; lower start"),
                                              session: prescriber, protocol: ward)
            }
            let window = TimeInterval(ward.administration.windowMinutes * 60)
            let doses = MedicationSchedule.doses(for: order, on: now, rules: ward.taper, calendar: cal)
                .filter { $0.dueAt < now.addingTimeInterval(-window) && $0.dueAt > patient.admittedAt }
            for (i, d) in doses.enumerated() where order.schedules(d.dueAt, ward.administration) {
                let (nurse, w) = nurses[(n + i) % nurses.count]
                let at = d.dueAt.addingTimeInterval(Double(5 + (n * 7 + i * 3) % 20) * 60)
                let then = store.at(FixedClock(at))
                if plan.mrn == "100252" && i == doses.count - 1 {
                    try then.recordDose(RecordDose(orderID: order.id, scheduledFor: d.dueAt, status: .held, reason: .heldSedation,
                                                   note: nil), session: nurse, protocol: ward)
                } else {
                    try preDoseChecks(then, patient: patient, at: at, nurse: nurse, protocol: ward)
                    try then.recordDose(RecordDose(orderID: order.id, scheduledFor: d.dueAt, status: .given, witness: w),
                                        session: nurse, protocol: ward)
                }
            }
            if plan.prn, let t = ward.prn.templates.first {
                let prn = try written.writeOrder(WriteOrder(patientID: patient.id, terms: OrderTerms(
                    kind: .prn, drug: t.drug, indication: "withdrawal symptoms (\(t.scale.displayName) ≥ \(t.threshold))",
                    prn: PRNTerms(t))), session: prescriber, protocol: ward)
                let at = now.addingTimeInterval(-3 * 3600)
                if plan.mrn == "100231", at > patient.admittedAt, cal.isDate(at, inSameDayAs: now) {
                    let (nurse, w) = nurses[0]
                    let then = store.at(FixedClock(at))
                    try preDoseChecks(then, patient: patient, at: at, nurse: nurse, protocol: ward)
                    // The demo follows the clock: whether a rule holds this PRN then depends on the scores before it.
                    // A prescriber's override when one does (the MAR shows it); a plain dose when none does.
                    let snapshot: WardSnapshot
                    do { snapshot = try then.loadWard(protocol: ward) } catch { throw CommandRefusal(.storage, "demo: \(error)") }
                    let decision = snapshot.doseSafety(order: prn, mg: prn.terms.prn?.doseMg ?? 0, scheduledFor: nil, at: at, protocol: ward)
                    let override = decision.isClear ? nil : DoseOverride(prescriberStaffID: "P3001", instruction: .present, readBack: false,
                                                                         reason: "restless and tremulous between scores; reviewed at the bedside")
                    try then.recordDose(RecordDose(orderID: prn.id, scheduledFor: nil, status: .given, witness: w, override: override),
                                        session: nurse, protocol: ward)
                }
            }
        }
        // Everyone else past their first day is on symptom-triggered PRN only (the protocol's first
        // template); today's admissions wait for the prescriber's review, as on a real ward.
        guard let t = ward.prn.templates.first else { return }
        let tapered = Set(plans.map(\.mrn))
        for d in patients where d.day > 1 && !tapered.contains(d.mrn) {
            guard let patient = try? store.patient(mrn: d.mrn) else { continue }
            _ = try store.at(FixedClock(patient.admittedAt.addingTimeInterval(3600))).writeOrder(WriteOrder(patientID: patient.id, terms: OrderTerms(
                kind: .prn, drug: t.drug, indication: "withdrawal symptoms (\(t.scale.displayName) ≥ \(t.threshold))",
                prn: PRNTerms(t))), session: prescriber, protocol: ward)
        }
    }

    /// The sedation score and vital signs a nurse takes just before a
    /// benzodiazepine dose when the last ones are older than the hold rules
    /// accept (the store refuses the dose otherwise).
    static func preDoseChecks(_ store: Store, patient: Patient, at: Date, nurse: Session, protocol ward: WardProtocol) throws(CommandRefusal) {
        let before = at.addingTimeInterval(-5 * 60)
        _ = try store.record(RecordSedation(patientID: patient.id, score: .rass(0), takenAt: before), session: nurse)
        _ = try store.record(RecordVitals(patientID: patient.id, vitals: VitalSigns(
            respirationRate: 16, spo2: 97, onOxygen: false, systolic: 124, diastolic: 78, pulse: 84, acvpu: .alert,
            temperature: 36.7), takenAt: before), session: nurse, protocol: ward)
    }
}
