import Foundation
@testable import WardUI
import WardCore

/// Medication for Müller (patient 1) at the fixture moment, 14:05 UTC:
/// a taper with doses at 08:00 (given), 12:00 (overdue), 14:00 (due),
/// 22:00 (later), and a PRN order with one dose given at 10:00.
enum MARFixture {
    static let prescriber = StaffMember(id: 3, staffID: "P3001", name: "Adeyemi, Tolu", role: .prescriber)
    static let student = StaffMember(id: 4, staffID: "S4001", name: "Lindqvist, Emil", role: .studentNurse)
    static func at(_ hhmm: String) -> Date { FixedClock(iso8601: "2026-11-28T\(hhmm):00Z").now() }

    static let taper = MedicationOrder(
        id: 11, patientID: 1, version: 2, versionID: 12,
        terms: OrderTerms(kind: .taper, drug: "diazepam", strengthMg: 5, indication: "benzodiazepine withdrawal",
                          doseTimes: ["08:00", "12:00", "14:00", "22:00"],
                          taper: TaperTerms(startDailyMg: 20, phases: [OrderPhase(untilMg: 0, step: 2, everyDays: 7)], startDay: "2026-11-26")),
        reason: "times moved", writtenBy: 3, writtenByName: prescriber.name, writtenAt: at("07:00"))
    static let prn = MedicationOrder(
        id: 21, patientID: 1, version: 1, versionID: 22,
        terms: OrderTerms(kind: .prn, drug: "diazepam", indication: "withdrawal symptoms", prn: PRNTerms(Fixture.proto.prn.templates[0])),
        reason: nil, writtenBy: 3, writtenByName: prescriber.name, writtenAt: at("07:05"))

    static func given(_ id: Int64, order: MedicationOrder, scheduled: String?, at time: String, mg: Double = 5,
                      by: StaffMember = Fixture.ann, witness: StaffMember = Fixture.ben) -> Administration {
        Administration(id: id, patientID: 1, orderID: order.id, orderVersion: order.version, isPRN: scheduled == nil,
                       scheduledFor: scheduled.map(at), status: .given, drug: "diazepam", mg: mg, route: "oral", at: at(time),
                       by: by.id, byName: by.name, witness: WitnessRecord(staff: witness.id, name: witness.name))
    }

    static func ward(prnAt: String = "10:00") -> WardSnapshot {
        var w = Fixture.ward
        w.orders[1] = [taper, prn]
        w.orderVersions[1] = [taper, prn]
        let p = given(2, order: prn, scheduled: nil, at: prnAt, by: Fixture.ben, witness: Fixture.ann)
        w.administrations[1] = [p, given(1, order: taper, scheduled: "08:00", at: "08:10")].sorted { $0.at > $1.at }
        w.prnFollowUps[1] = [PRNFollowUp(id: 1, administrationID: 2, patientID: 1, dueAt: p.at.addingTimeInterval(3600))]
        // The calm sedation score and vital signs taken at 13:53 that the hold rules need before any dose.
        w.vitals[1] = [VitalSignsEntry(stamp: ObsFixture.stamp(905, hoursAgo: 0.2), vitals: ObsFixture.vitals(), scale2: false)]
        w.sedation[1] = [SedationEntry(stamp: ObsFixture.stamp(953, hoursAgo: 0.2), score: .rass(0))]
        return w
    }

    /// Signed in as `who` on Müller's MAR.
    static func onMAR(_ who: StaffMember = Fixture.ann, size: Size = Fixture.small, ward: WardSnapshot = ward()) -> Driver {
        var d = Driver.signedIn(who, size: size)
        d.send(.wardLoaded(ward))
        d.key(.key(.enter))
        d.key(.char("m"))
        d.effects = []; d.keys = 0
        return d
    }

}

extension Driver {
    var mar: MARState? {
        for case .mar(let m) in state.stack.reversed() { return m }
        return nil
    }
    var recordDose: RecordDose? {
        for case .recordDose(let c, _) in effects.reversed() { return c }
        return nil
    }
}
