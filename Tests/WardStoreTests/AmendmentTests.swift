import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

@Suite struct AmendmentTests {
    @Test(arguments: TestBackend.both) func correctionSupersedesAndKeepsTheOldRowUntouched(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let first = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(18)),
                                       session: f.session(.nurse), protocol: wardProtocol)
        let before = try f.outside("SELECT * FROM assessments WHERE id = \(first.id);").out
        f.clock.advance(minutes: 10)
        let fixed = try f.store.amend(AmendEntry(entryID: first.id, change: .correctedItems(f.ciwa(23)), reason: "scored item a twice"),
                                      session: f.session(.nurse), protocol: wardProtocol)
        #expect(fixed.supersedes == first.id)
        #expect(fixed.total == 23)
        #expect(fixed.band == "moderate")
        #expect(fixed.recordedAt == first.recordedAt)     // the observation time is the original one
        #expect(try f.outside("SELECT * FROM assessments WHERE id = \(first.id);").out == before)

        let snap = try f.store.loadWard(protocol: wardProtocol)
        let history = try #require(snap.assessments[p.id])
        #expect(history.count == 2)
        let old = try #require(history.first { $0.id == first.id })
        #expect(old.supersededBy == fixed.id)
        #expect(!old.isCurrent)
        #expect(snap.latest(.ciwaB, for: p.id)?.id == fixed.id)
        #expect(snap.latest(.ciwaB, for: p.id)?.supersedes == first.id)   // the "amended" marker
        #expect(snap.current(.ciwaB, for: p.id).count == 1)

        let event = try #require(try f.store.auditEvents(filter: AuditFilter(patientMRN: "MRN1")).last)
        #expect(event.action == "assessment.amend")
        #expect(event.details.contains("\"before\":{\"band\":\"mild\""))
        #expect(event.details.contains("\"after\":{\"band\":\"moderate\""))
        #expect(event.details.contains("scored item a twice"))
        #expect(event.at == f.clock.now())
    }

    @Test(arguments: TestBackend.both) func enteredInErrorVoidsWithoutAReplacement(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN2", bed: "2")
        let keep = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(30),
                                                       takenAt: f.clock.now().addingTimeInterval(-1800)),
                                      session: f.session(.nurse), protocol: wardProtocol)
        let wrong = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(5)),
                                       session: f.session(.nurse), protocol: wardProtocol)
        try f.store.amend(AmendEntry(entryID: wrong.id, change: .enteredInError, reason: "wrong patient"),
                          session: f.session(.nurse), protocol: wardProtocol)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.latest(.ciwaB, for: p.id)?.id == keep.id)
        #expect(snap.assessments[p.id]?.count == 3)
        #expect(snap.assessments[p.id]?.contains { $0.enteredInError && $0.supersedes == wrong.id } == true)
        let again = try #require(refusal { try f.store.amend(AmendEntry(entryID: wrong.id, change: .enteredInError, reason: "again"),
                                                              session: f.session(.nurse), protocol: wardProtocol) })
        #expect(again.kind == .conflict)
        #expect(again.message.contains("already amended"))
    }

    @Test(arguments: TestBackend.both) func reasonIsMandatoryAndAnAmendmentMustChangeSomething(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN3", bed: "3")
        let a = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(9)),
                                   session: f.session(.nurse), protocol: wardProtocol)
        let noReason = try #require(refusal { try f.store.amend(AmendEntry(entryID: a.id, change: .enteredInError, reason: "  "),
                                                                 session: f.session(.nurse), protocol: wardProtocol) })
        #expect(noReason.message.contains("Reason"))
        let same = try #require(refusal { try f.store.amend(AmendEntry(entryID: a.id, change: .correctedItems(f.ciwa(9)), reason: "x"),
                                                             session: f.session(.nurse), protocol: wardProtocol) })
        #expect(same.message.contains("same"))
        let missing = try #require(refusal { try f.store.amend(AmendEntry(entryID: 999, change: .enteredInError, reason: "x"),
                                                                session: f.session(.nurse), protocol: wardProtocol) })
        #expect(missing.kind == .notFound)
    }
}
