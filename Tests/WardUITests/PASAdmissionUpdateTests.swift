import Foundation
import Testing
@testable import WardUI
import WardCore

/// Issue 20: what the ADT feed leaves for the charge nurse on the overview — patients admitted
/// without a bed (placed from an empty bed's A), and the PAS's discharge notices (confirmed with D).
@Suite struct PASAdmissionUpdateTests {
    static func waiting(_ w: WardSnapshot) -> Patient {
        var p = w.patients[0]
        p.id = 9_001; p.mrn = "M9001"; p.name = "Kowalski, Jan"; p.bed = nil
        p.admittedAt = Fixture.now.addingTimeInterval(-1800)
        return p
    }

    @Test func anEmptyBedOffersThePatientsWaitingForABed() {
        var d = TransferUpdateTests.onOverview { $0.patients.append(Self.waiting($0)) }
        #expect(d.text.split(separator: "\n").first?.contains("1 need a bed (A)") == true, "\(d.text.prefix(200))")
        let small = TransferUpdateTests.onOverview(size: Fixture.small) { $0.patients.append(Self.waiting($0)) }
        #expect(small.text.split(separator: "\n").first?.contains("1 need a bed (A)") == true, "at 80 columns too")
        d.key(.key(.end))
        let bed = d.state.overviewRows(OverviewState()).last!
        #expect(bed.isEmpty)
        d.key(.char("A"))
        guard case .picker(let p) = d.top else { Issue.record("no picker: \(String(describing: d.top))"); return }
        #expect(p.choices.map(\.label).first == "A new patient (the admission form)")
        #expect(p.choices.count == 2 && p.choices[1].label.hasPrefix("Kowalski, Jan (MRN M9001) admitted by the PAS "))
        #expect(p.choices[1].label.hasSuffix("waiting for a bed"))
        #expect(d.text.contains("or one waiting"), "the picker's title says what it offers")
        d.key(.key(.down)); d.key(.key(.enter))
        guard case .transfer(let pid, let into, _)? = d.effects.last else { Issue.record("no placement: \(d.effects)"); return }
        #expect(pid == 9_001 && into == bed.bed)
    }

    @Test func aPASDischargeMarksTheRowAndLeadsTheDischargeScreen() {
        var d = TransferUpdateTests.onOverview { w in
            w.pasNotices[w.patients[0].id] = PASNotice(kind: .discharged, receivedAt: Fixture.now.addingTimeInterval(-300))
        }
        let patient = BoardFixture.ward.patients[0]
        #expect(d.text.contains("1 PAS discharge"), "\(d.text.prefix(200))")
        #expect(d.text.contains("d/c? "), "the row is marked")
        // Select that patient's row and press D: the discharge screen starts with the notice.
        let rows = d.state.overviewRows(OverviewState())
        let index = rows.firstIndex { $0.patient?.id == patient.id }!
        for _ in 0..<index { d.key(.key(.down)) }
        d.key(.char("D"))
        guard case .discharge(let s) = d.top else { Issue.record("no discharge screen: \(String(describing: d.top))"); return }
        #expect(s.summary.first?.hasPrefix("The PAS discharged this patient at ") == true, "\(s.summary.first ?? "")")
        #expect(d.effects.isEmpty, "nothing is discharged before y")
    }

    /// `A` on the row of a patient the PAS admitted opens the admission form filled with what the PAS
    /// sent, at the substances; saving completes that admission (the store's command), not a new one.
    @Test func aOnAPatientThePASAdmittedCompletesTheAdmission() {
        var d = TransferUpdateTests.onOverview { w in
            w.patients[0].riskFlags = [Patient.pasNotAskedFlag, "injecting"]
        }
        let patient = BoardFixture.ward.patients[0]
        let rows = d.state.overviewRows(OverviewState())
        for _ in 0..<rows.firstIndex(where: { $0.patient?.id == patient.id })! { d.key(.key(.down)) }
        d.key(.char("A"))
        guard case .admit(let f) = d.top else { Issue.record("no admission form: \(String(describing: d.top))"); return }
        #expect(f.completing == patient.id && f.fields.field == 5)
        #expect(f.fields.values[0] == patient.mrn && f.fields.values[1] == patient.name && f.fields.values[8] == "injecting")
        #expect(d.text.contains("Complete the PAS's admission"))
        // The bed is not moved from here: a changed bed is refused with what to do.
        var moved = d
        moved.key(.key(.up)); moved.type("9")
        for _ in 0..<6 { moved.key(.key(.enter)) }
        moved.type("y"); for _ in 0..<4 { moved.key(.key(.enter)) }
        #expect(moved.effects.isEmpty && moved.text.contains("does not move the bed"), "\(moved.effects)")
        d.type("alprazolam 2 mg/d 1 y"); d.key(.key(.enter))
        d.type("y")
        for _ in 0..<4 { d.key(.key(.enter)) }
        guard case .completeAdmission(let id, let r, _)? = d.effects.last else { Issue.record("no completion: \(d.effects)"); return }
        #expect(id == patient.id && r.seizureHistory && r.substances.map(\.substance) == ["alprazolam"] && r.mrn == patient.mrn)
        // Another patient's row still says the bed is taken.
        var e = TransferUpdateTests.onOverview { _ in }
        e.key(.char("A"))
        #expect(e.state.flash?.text.contains("is taken") == true, "\(String(describing: e.state.flash))")
    }
}
