import Foundation
import GRDB
import Testing
import WardCore
@testable import WardStore

@Suite struct CommandTests {
    @Test func recordedAssessmentIsDurableAndAudited() throws {
        let f = try Fixture(roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
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

    @Test func anotherProcessSeesTheCommittedRow() throws {
        let f = try Fixture(roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN2", bed: "2")
        let saved = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(44)),
                                       session: f.session(.nurse), protocol: wardProtocol)
        // The store is still open; the sqlite3 shell is a separate process.
        let r = try sqlite3(f.path, "SELECT total || '|' || band FROM assessments WHERE id = \(saved.id);")
        #expect(r.status == 0)
        #expect(r.out == "44|severe")
        // And the other way round: a row another process commits is seen here.
        #expect(try sqlite3(f.path, "INSERT INTO settings(key, value) VALUES ('probe', 'from-outside');").status == 0)
        let seen = try f.store.pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'probe'") }
        #expect(seen == "from-outside")
    }

    @Test func badItemScoresAreRefusedWithTheItemNamed() throws {
        let f = try Fixture(roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
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

    @Test func observationTimeMustBeBetweenAdmissionAndNow() throws {
        let f = try Fixture(roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
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

    @Test func admissionBedsAndDischarge() throws {
        let f = try Fixture(roles: [.chargeNurse]); defer { f.cleanup() }
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

    @Test func controlCharactersInNamesAreRefused() throws {
        let f = try Fixture(roles: [.chargeNurse]); defer { f.cleanup() }
        let r = try #require(refusal { try f.admit("MRN20", bed: nil, name: "\u{1B}]2;pwned\u{07}") })
        #expect(r.kind == .invalid)
        #expect(r.message.contains("control character"))
        #expect(InputText.visible("\u{1B}]2;pwned\u{07}") == "^[]2;pwned^G")
        #expect(InputText.visible("a\u{9B}b") == "a\\u{9B}b")
    }

    @Test func clinicalRowsRefuseUpdateAndDelete() throws {
        let f = try Fixture(roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
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
            #expect(throws: DatabaseError.self, "\(sql) was allowed") {
                try f.store.pool.write { db in try db.execute(sql: sql) }
            }
            let shell = try sqlite3(f.path, sql)
            #expect(shell.status != 0, "\(sql) was allowed from the shell")
        }
        #expect(try sqlite3(f.path, "SELECT total FROM assessments WHERE id = \(a.id);").out == "12")
        // The staff table's mutable columns do change.
        #expect(try sqlite3(f.path, "UPDATE staff SET failed_attempts = 1 WHERE staff_id = 'N1';").status == 0)
    }
}
