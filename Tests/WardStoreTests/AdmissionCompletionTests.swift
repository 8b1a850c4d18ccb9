import Foundation
import TestTools
import Testing
import WardCore
@testable import WardStore

/// Issue 20: an admission by the ADT feed lacks the seizure and substance history; the charge nurse
/// completes it, through the store, and a later A08 keeps those answers.
@Suite struct AdmissionCompletionTests {
    static func adt(_ event: String, _ control: String, name: String) -> [UInt8] {
        Array(["MSH|^~\\&|PAS|GEN|WL|DETOX|20261128130000||ADT^\(event)^ADT_\(event)|\(control)|P|2.5",
               "EVN|\(event)|20261128130000", "PID|1||P77^^^GEN^MR||\(name)||19800214|F", "PV1|1|I|DETOX^^", "AL1|1|DA|^Latex"]
            .joined(separator: "\r").utf8)
    }

    @Test(arguments: TestBackend.both) func theChargeNurseCompletesWhatTheFeedCouldNotSay(_ backend: TestBackend) throws {
        let demo = try SeededDemoWard(backend); defer { demo.cleanup() }
        let store = demo.store
        let feed = try store.interfaceSession(terminal: "hl7 test")
        #expect(feed.staff.staffID == "ADT-INTERFACE" && feed.staff.role == .admin)
        let admitted = store.receiveHL7(Self.adt("A01", "K1", name: "Ward^Ann"), peer: "127.0.0.1", pointOfCare: "DETOX",
                                        session: feed, protocol: wardProtocol)
        #expect(admitted.code == "AA", "\(admitted.detail)")
        let before = try #require(try store.patient(mrn: "P77"))
        #expect(before.admissionIncomplete && !before.seizureHistory && before.substances.isEmpty && before.bed == nil)

        let charge = Session(staff: try store.signIn(staffID: "C2001", secret: "222222", terminal: "t", policy: testPolicy), terminal: "t")
        let nurse = Session(staff: try store.signIn(staffID: "N1001", secret: "111111", terminal: "t", policy: testPolicy), terminal: "t")
        var answers = AdmitPatient(mrn: "P77", name: "Ward, Ann", dateOfBirth: before.dateOfBirth, sex: .female, bed: nil,
                                   substances: [SubstanceUse(substance: "alprazolam", dailyAmount: "4 mg", dailyMg: 4, duration: "3 y")],
                                   allergies: ["Latex", "Penicillin"], seizureHistory: true,
                                   riskFlags: before.riskFlags + ["injecting"], admissionFlags: [.fallsRisk])
        #expect(refusal { _ = try store.completeAdmission(patientID: before.id, answers, session: nurse, protocol: wardProtocol) }?.kind == .notPermitted)
        let after = try store.completeAdmission(patientID: before.id, answers, session: charge, protocol: wardProtocol)
        #expect(after.seizureHistory && after.substances.map(\.substance) == ["alprazolam"] && after.admissionFlags == [.fallsRisk])
        #expect(after.riskFlags == ["injecting"], "the not-asked flag is gone, the typed one kept")
        #expect(after.allergies == ["Latex", "Penicillin"] && after.mrn == "P77")
        answers.seizureHistory = false
        let again = refusal { _ = try store.completeAdmission(patientID: before.id, answers, session: charge, protocol: wardProtocol) }
        #expect(again?.message.contains("complete already") == true)

        // The PAS corrects the name later: the charge nurse's answers stay.
        let update = store.receiveHL7(Self.adt("A08", "K2", name: "Ward-Smith^Ann"), peer: "127.0.0.1", pointOfCare: "DETOX",
                                      session: feed, protocol: wardProtocol)
        #expect(update.code == "AA", "\(update.detail)")
        let now = try #require(try store.loadWard(protocol: wardProtocol).patients.first { $0.mrn == "P77" })
        #expect(now.name == "Ward-Smith, Ann" && now.seizureHistory && now.substances.count == 1 && now.admissionFlags == [.fallsRisk])
        #expect(now.allergies == ["Latex", "Penicillin"])
        let events = try store.read { db in try db.scalars(String.self, "SELECT action FROM audit_events WHERE patient_mrn = 'P77' ORDER BY seq") }
        #expect(events == ["patient.admit", "interface.message", "patient.complete-admission", "patient.update-demographics", "interface.message"],
                "\(events)")
    }
}
