import Foundation
import Testing
@testable import WardUI
import WardCore

/// "My patients" lists a PRN dose whose effect is still to be recorded, and
/// Enter on it (or on a dose) opens the MAR over the chart.
@Suite struct WorklistPRNEffectTests {
    @Test func aPRNEffectIsATaskAndEnterOpensTheMAR() throws {
        var d = Driver.signedIn(Fixture.ann)
        var w = MARFixture.ward(prnAt: "10:00")                  // effect due 11:00: overdue at 14:05
        w.vitals = [:]; w.sedation = [:]                          // no observations yet: due since admission (26 Nov)
        let bed = try #require(w.patient(Fixture.mullerID)?.bed)
        w.assignments = [BedAssignment(bed: bed, staff: Fixture.ann.id, staffID: Fixture.ann.staffID, staffName: Fixture.ann.name,
                                       shift: "day", shiftStart: Fixture.ago(hours: 6), assignedAt: Fixture.ago(hours: 6))]
        d.send(.wardLoaded(w))
        d.key(.char("m"))
        guard case .worklist(let s)? = d.top else { Issue.record("no worklist"); return }
        let tasks = d.state.worklistTasks(s)
        let i = try #require(tasks.firstIndex { if case .prnEffect = $0.kind { true } else { false } })
        #expect(tasks[i].overdue)
        #expect(d.text.contains("OVERDUE PRN effect: diazepam 5 mg 10:00"))
        #expect(d.text.contains(" 26 Nov "), "a task due two days ago shows its day, not a bare time")
        for _ in 0..<i { d.key(.key(.down)) }
        d.key(.key(.enter))
        guard case .mar(let m)? = d.top else { Issue.record("Enter did not open the MAR"); return }
        #expect(m.patientID == Fixture.mullerID)
        d.key(.key(.escape))
        guard case .chart? = d.top else { Issue.record("Esc should come back through the chart"); return }
    }
}
