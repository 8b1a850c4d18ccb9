import TestTools
import Foundation
import GRDB
import Testing
import WardCore
@testable import WardStore

@Suite struct CommandTests {
    /// "Now" as the clock gives it can lie a hair (one ulp) below the same instant read back from
    /// its stored text: a save at such an instant is not "in the future" (found by the hospital
    /// benchmark: 1 save in 5,000 refused). Each instant here is one where that happens.
    @Test func aSaveAtAnInstantJustBelowItsStoredTextIsNotInTheFuture() throws {
        let f = try Fixture(roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let base = f.clock.now().timeIntervalSince1970
        var instants: [Date] = []
        for ms in 1...5000 where instants.count < 3 {
            let t = Date(timeIntervalSince1970: (base * 1000 + Double(ms)) / 1000).timeIntervalSince1970.nextDown
            let d = Date(timeIntervalSince1970: t)
            if Timestamp.stored(d) > d { instants.append(d) }
        }
        #expect(!instants.isEmpty, "no instant below its stored text in 5,000 ms: the case this guards cannot be made here")
        for d in instants {
            f.clock.set(d)
            _ = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(10)), session: f.session(.nurse), protocol: wardProtocol)
            _ = try f.store.record(RecordVitals(patientID: p.id, vitals: VitalSigns(respirationRate: 16, spo2: 97, onOxygen: false, systolic: 120,
                                                                                    diastolic: 80, pulse: 80, acvpu: .alert, temperature: 36.8)),
                                   session: f.session(.nurse), protocol: wardProtocol)
        }
    }

    @Test(arguments: TestBackend.both) func recordedAssessmentIsDurableAndAudited(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let items = f.ciwa(27)
        let saved = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: items),
                                       session: f.session(.nurse), protocol: wardProtocol)
        #expect(saved.total == 27)
        #expect(saved.band == "moderate")
        #expect(saved.recordedAt == f.clock.now())
        // Closed and reopened: still there, with its audit event.
        try f.store.close()
        let reopened = try Store.open(path: f.path, create: false, clock: f.clock)
        defer { try? reopened.close() }
        let snap = try reopened.loadWard(protocol: wardProtocol)
        #expect(snap.latest(.ciwaB, for: p.id) == saved)
        let events = try reopened.auditEvents(filter: AuditFilter(patientMRN: "MRN1"))
        #expect(events.map(\.action) == ["patient.admit", "assessment.record"])
        let rec = try #require(events.last)
        #expect(rec.actor == "N1")
        #expect(rec.terminal == "test")
        #expect(rec.at == f.clock.now())
        #expect(rec.details.contains("\"entry\":\(saved.id)"))
        #expect(rec.details.contains("\"total\":27"))
        #expect(try reopened.auditVerify().isIntact)
    }

    @Test(arguments: TestBackend.both) func anotherProcessSeesTheCommittedRow(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN2", bed: "2")
        let saved = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(44)),
                                       session: f.session(.nurse), protocol: wardProtocol)
        // The store is still open; the sqlite3 shell is a separate process.
        let r = try f.outside("SELECT total || '|' || band FROM assessments WHERE id = \(saved.id);")
        #expect(r.status == 0)
        #expect(r.out == "44|severe")
        // And the other way round: a row another process commits is seen here.
        #expect(try f.outside("INSERT INTO settings(key, value) VALUES ('probe', 'from-outside');").status == 0)
        let seen = try f.store.read { db in try db.scalar(String.self, "SELECT value FROM settings WHERE key = 'probe'") }
        #expect(seen == "from-outside")
    }

    @Test(arguments: TestBackend.both) func badItemScoresAreRefusedWithTheItemNamed(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN3", bed: "3")
        var items = f.ciwa(10); items[4] = 7
        let r = try #require(refusal { _ = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: items),
                                                               session: f.session(.nurse), protocol: wardProtocol) })
        #expect(r.kind == .invalid)
        #expect(r.message.contains("item 5"))
        let short = try #require(refusal { _ = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: [1, 2]),
                                                                   session: f.session(.nurse), protocol: wardProtocol) })
        #expect(short.message.contains("20 item scores"))
        #expect(try f.store.loadWard(protocol: wardProtocol).assessments[p.id] == nil)
    }

    @Test(arguments: TestBackend.both) func observationTimeMustBeBetweenAdmissionAndNow(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN4", bed: "4")
        let future = try #require(refusal { _ = try f.store.record(
            RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(5), takenAt: f.clock.now().addingTimeInterval(60)),
            session: f.session(.nurse), protocol: wardProtocol) })
        #expect(future.message.contains("future"))
        let early = try #require(refusal { _ = try f.store.record(
            RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(5), takenAt: p.admittedAt.addingTimeInterval(-60)),
            session: f.session(.nurse), protocol: wardProtocol) })
        #expect(early.message.contains("before"))
        let earlier = f.clock.now().addingTimeInterval(-600)
        let ok = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(5), takenAt: earlier),
                                    session: f.session(.nurse), protocol: wardProtocol)
        #expect(ok.recordedAt == earlier)
    }

    @Test(arguments: TestBackend.both) func admissionBedsAndDischarge(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse]); defer { f.cleanup() }
        let a = try f.admit("MRN10", bed: "1", name: "Müller, Grete")
        let b = try f.admit("MRN11", bed: nil, name: "李, 娜")
        let taken = try #require(refusal { try f.store.assignBed(patientID: b.id, bed: "1", session: f.session(.chargeNurse)) })
        #expect(taken.kind == .conflict)
        #expect(taken.message.contains("Müller, Grete"))
        let noBed = try #require(refusal { try f.store.assignBed(patientID: b.id, bed: "99", session: f.session(.chargeNurse)) })
        #expect(noBed.message.contains("no bed 99"))
        try f.store.assignBed(patientID: b.id, bed: "2", session: f.session(.chargeNurse))
        try f.store.discharge(patientID: a.id, session: f.session(.chargeNurse))
        try f.store.assignBed(patientID: b.id, bed: "1", session: f.session(.chargeNurse))
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.patients.map(\.name) == ["李, 娜"])
        #expect(snap.patient(inBed: "1")?.id == b.id)
        #expect(snap.ward.beds.map(\.label) == ["1", "2", "3", "4", "5", "6"])
        #expect(try f.store.patient(mrn: "MRN10")?.dischargedAt == f.clock.now())
        let dup = try #require(refusal { try f.admit("MRN10", bed: nil) })
        #expect(dup.kind == .conflict)
    }

    @Test(arguments: TestBackend.both) func controlCharactersInNamesAreRefused(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse]); defer { f.cleanup() }
        let r = try #require(refusal { try f.admit("MRN20", bed: nil, name: "\u{1B}]2;pwned\u{07}") })
        #expect(r.kind == .invalid)
        #expect(r.message.contains("control character"))
        #expect(InputText.visible("\u{1B}]2;pwned\u{07}") == "^[]2;pwned^G")
        #expect(InputText.visible("a\u{9B}b") == "a\\u{9B}b")
    }

    @Test(arguments: TestBackend.both) func clinicalRowsRefuseUpdateAndDelete(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN30", bed: "1")
        let a = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(12)),
                                   session: f.session(.nurse), protocol: wardProtocol)
        for sql in ["UPDATE assessments SET total = 0 WHERE id = \(a.id)",
                    "DELETE FROM assessments WHERE id = \(a.id)",
                    "UPDATE patients SET name = 'X' WHERE id = \(p.id)",
                    "DELETE FROM placements",
                    "UPDATE audit_events SET actor = 'X'",
                    "DELETE FROM audit_events",
                    "DELETE FROM staff",
                    "UPDATE staff SET role = 'admin' WHERE staff_id = 'N1'"] {
            #expect(throws: CommandRefusal.self, "\(sql) was allowed") {
                try f.store.write { db in try db.execute(sql) }
            }
            let shell = try f.outside(sql)
            #expect(shell.status != 0, "\(sql) was allowed from the shell")
            // PostgreSQL: the terminals' role has no such grant; the schema's owner is stopped by the triggers.
            let owner = try f.outside(sql, as: .owner)
            #expect(owner.status != 0, "\(sql) was allowed to the owner")
        }
        #expect(try f.outside("SELECT total FROM assessments WHERE id = \(a.id);").out == "12")
        // The staff table's mutable columns do change.
        #expect(try f.outside("UPDATE staff SET failed_attempts = 1 WHERE staff_id = 'N1';").status == 0)
    }
}
