import Foundation
import Testing
import WardCore
@testable import WardReports

/// Dose records marked entered in error reach the handover marked, and are
/// never counted: the 12:00 dose whose "held" record was voided is overdue again.
@Suite struct HandoverDoseAmendTests {
    typealias M = HandoverMedicationTests

    static func snapshot() throws -> WardSnapshot {
        var s = M.snapshot()
        let void = DoseEnteredInError(reason: "charted for the wrong patient", by: 2, byName: "Nurse B", at: M.at("13:00"))
        var list = s.administrations[1] ?? []
        var held = try #require(list.first { $0.id == 3 }), prn = try #require(list.first { $0.id == 5 })
        list.removeAll { $0.id == 3 || $0.id == 5 }
        held.enteredInError = void; prn.enteredInError = void
        s.administrations[1] = list
        s.voidedAdministrations[1] = [prn, held]
        return s
    }

    @Test func voidedRecordsAreListedMarkedAndNotCounted() throws {
        let p = try M.kowalski(M.input(try Self.snapshot()))
        // 22:05 yesterday and 09:30 (10 + 10) and the 10:40 PRN (5): the voided 15:10 PRN is left out.
        #expect(p.summary.diazepamEquivalent24hMg == 25)
        let sched = try #require(p.numbers.scheduledDoses)
        #expect(sched.map(\.due) == [M.at("08:00"), M.at("12:00")])
        #expect(sched[1].outcome == .held && sched[1].enteredInError == "charted for the wrong patient")
        let prn = try #require(p.numbers.prnDoses)
        #expect(prn.map(\.at) == [M.at("10:40"), M.at("15:10")])
        #expect(prn[0].enteredInError == nil && prn[1].enteredInError == "charted for the wrong patient")
        // The 12:00 dose has no record that counts: overdue; the voided PRN's follow-up is not an action.
        #expect(p.actions.items.contains { $0.kind == .overdue && $0.text == "diazepam 10 mg oral not recorded (window closed 13:00)" })
        #expect(!p.actions.items.contains { $0.kind == .prnFollowUp })
    }

    @Test func theRenderedPageMarksThem() throws {
        let text = HandoverTextRenderer(columns: .c132).render(M.input(try Self.snapshot()))
        #expect(text.contains("PRN doses (1, and 1 entered in error):"))
        #expect(text.contains("15:10 diazepam 5 mg oral: ENTERED IN ERROR (not counted): charted for the wrong patient"))
        #expect(text.contains("Scheduled doses: 0 given, 0 held, 0 refused, 1 late, 0 omitted; 1 record entered in error (not counted)"))
        #expect(text.contains("due 12:00 diazepam 10 mg oral: held (\(ReasonCode.heldSedation.label)) — ENTERED IN ERROR (not counted): charted for the wrong patient"))
    }
}
