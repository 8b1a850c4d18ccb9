import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

@Suite struct ClinicalEventStoreTests {
    @Test(arguments: TestBackend.both) func seizureIsSavedAuditedLoadedAndAppendOnly(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.studentNurse, .admin]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let e = try f.store.record(RecordClinicalEvent(patientID: p.id, kind: .seizure, note: "tonic-clonic 2 min"),
                                   session: f.session(.studentNurse))
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.clinicalEvents[p.id] == [e])
        #expect(snap.clinicalEvents[p.id]?.first?.note == "tonic-clonic 2 min")
        let board = snap.boardExtras(for: p.id, now: f.clock.now(), protocol: wardProtocol, calendar: Calendar(identifier: .gregorian))
        #expect(board.events.map(\.kind) == [.seizure])
        let actions = try f.store.auditEvents(filter: AuditFilter(patientMRN: "MRN1")).map(\.action)
        #expect(actions.last == "event.record")
        #expect(try f.store.auditVerify().isIntact)
        #expect(try f.outside("UPDATE clinical_events SET note = 'x';").status != 0)
        #expect(try f.outside("DELETE FROM clinical_events;").status != 0)
        // Admin accounts may not record one (recordObservation).
        #expect(refusal { _ = try f.store.record(RecordClinicalEvent(patientID: p.id, kind: .delirium, note: ""),
                                                 session: f.session(.admin)) }?.kind == .notPermitted)
        #expect(try f.store.loadWard(protocol: wardProtocol).clinicalEvents[p.id]?.count == 1)
    }

    /// An event recorded after the fact carries the time it happened; the
    /// store refuses a time in the future or before admission.
    @Test(arguments: TestBackend.both) func eventTimeIsWhenItHappenedBetweenAdmissionAndNow(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN2", bed: "2")
        let earlier = f.clock.now().addingTimeInterval(-1200)
        let e = try f.store.record(RecordClinicalEvent(patientID: p.id, kind: .seizure, note: "", takenAt: earlier),
                                   session: f.session(.nurse))
        #expect(e.recordedAt == earlier)
        #expect(try f.store.loadWard(protocol: wardProtocol).clinicalEvents[p.id]?.first?.recordedAt == earlier)
        let future = refusal { _ = try f.store.record(RecordClinicalEvent(patientID: p.id, kind: .seizure, note: "",
                                                                          takenAt: f.clock.now().addingTimeInterval(60)),
                                                      session: f.session(.nurse)) }
        #expect(future?.message.contains("future") == true)
        let early = refusal { _ = try f.store.record(RecordClinicalEvent(patientID: p.id, kind: .delirium, note: "",
                                                                         takenAt: p.admittedAt.addingTimeInterval(-60)),
                                                     session: f.session(.nurse)) }
        #expect(early?.message.contains("before") == true)
        #expect(try f.store.loadWard(protocol: wardProtocol).clinicalEvents[p.id]?.count == 1)
    }
}
