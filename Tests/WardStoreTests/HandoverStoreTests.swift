import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

@Suite struct HandoverStoreTests {
    /// The day shift that began at 07:30 UTC on the fixture's date (the clock is 12:00Z).
    func shiftStart(_ f: Fixture) -> Date { f.clock.now().addingTimeInterval(-(4 * 3600 + 30 * 60)) }

    @Test(arguments: TestBackend.both) func noteIsStoredAuditedAndLoadedPerShift(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let start = shiftStart(f)
        let n = try f.store.addHandoverNote(patientID: p.id, shiftStart: start, text: "if CIWA-B rises above band then call Dr",
                                            session: f.session(.nurse))
        let other = start.addingTimeInterval(-12 * 3600)
        try f.store.addHandoverNote(patientID: p.id, shiftStart: other, text: "last night's note", session: f.session(.nurse))
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.handover.notes(for: p.id, shiftStart: start).map(\.text) == ["if CIWA-B rises above band then call Dr"])
        #expect(snap.handover.notes(for: p.id, shiftStart: other).map(\.text) == ["last night's note"])
        #expect(snap.handover.notes(for: p.id, shiftStart: start).first?.writtenByName == "Nurse, Test")
        let events = try f.store.auditEvents(filter: AuditFilter(patientMRN: "MRN1")).filter { $0.action == "handover.note" }
        #expect(events.count == 2)
        #expect(events[0].details.contains("\"note\":\(n.id)"))
        #expect(events[0].details.contains("call Dr"))
    }

    @Test(arguments: TestBackend.both) func notesAreAppendOnlyAndAmendedWithAReason(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let n = try f.store.addHandoverNote(patientID: p.id, shiftStart: shiftStart(f), text: "if agitated then PRN", session: f.session(.nurse))
        try f.store.markHandover(.handedOver, patientID: p.id, shiftStart: shiftStart(f), session: f.session(.nurse))
        try f.store.overrideSeverity(patientID: p.id, shiftStart: shiftStart(f), level: .watcher, reason: "r", session: f.session(.nurse))
        #expect(try f.outside("UPDATE handover_notes SET text = 'x' WHERE id = \(n.id);").status != 0)
        #expect(try f.outside("DELETE FROM handover_notes;").status != 0)
        #expect(try f.outside("DELETE FROM handover_marks;").status != 0)
        #expect(try f.outside("UPDATE severity_overrides SET reason = 'x';").status != 0)
        let fixed = try f.store.amendHandoverNote(n.id, text: "if agitated then reassess CIWA-B first", reason: "wrong order",
                                                  session: f.session(.nurse))
        #expect(fixed.supersedes == n.id)
        var snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.handover.notes(for: p.id, shiftStart: shiftStart(f)).map(\.text) == ["if agitated then reassess CIWA-B first"])
        #expect(snap.handover.notes.count == 2)                // the old note is still there
        #expect(throws: CommandRefusal.self) {
            try f.store.amendHandoverNote(n.id, text: "again", reason: "r", session: f.session(.nurse))
        }
        try f.store.amendHandoverNote(fixed.id, text: nil, reason: "resolved", session: f.session(.nurse))
        snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.handover.notes(for: p.id, shiftStart: shiftStart(f)).isEmpty)
        let amend = try #require(try f.store.auditEvents().last)
        #expect(amend.action == "handover.note-amend")
        #expect(amend.details.contains("\"change\":\"withdrawn\""))
        #expect(amend.details.contains("resolved"))
    }

    @Test(arguments: TestBackend.both) func badNoteTextIsRefusedWithAMessage(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        for (text, words) in [("   ", "empty"), ("if \u{1B}[2J then", "control character"),
                              (String(repeating: "x", count: Store.handoverTextLimit + 1), "longer than")] {
            let e = #expect(throws: CommandRefusal.self) {
                try f.store.addHandoverNote(patientID: p.id, shiftStart: shiftStart(f), text: text, session: f.session(.nurse))
            }
            #expect(e?.message.contains(words) == true)
        }
        let future = #expect(throws: CommandRefusal.self) {
            try f.store.addHandoverNote(patientID: p.id, shiftStart: f.clock.now().addingTimeInterval(3600), text: "x",
                                        session: f.session(.nurse))
        }
        #expect(future?.message.contains("not started") == true)
    }

    @Test(arguments: TestBackend.both) func severityOverrideNeedsAReasonAndNewestWins(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let start = shiftStart(f)
        #expect(throws: CommandRefusal.self) {
            try f.store.overrideSeverity(patientID: p.id, shiftStart: start, level: .unstable, reason: " ", session: f.session(.nurse))
        }
        try f.store.overrideSeverity(patientID: p.id, shiftStart: start, level: .unstable, reason: "new confusion",
                                     session: f.session(.nurse))
        f.clock.advance(minutes: 5)
        var snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.handover.override(for: p.id, shiftStart: start)?.level == .unstable)
        #expect(snap.handover.override(for: p.id, shiftStart: start)?.reason == "new confusion")
        try f.store.overrideSeverity(patientID: p.id, shiftStart: start, level: nil, reason: "settled after review",
                                     session: f.session(.chargeNurse))
        snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.handover.override(for: p.id, shiftStart: start)?.level == nil)
        #expect(snap.handover.overrides.count == 2)
        let events = try f.store.auditEvents().filter { $0.action == "handover.severity" }
        #expect(events.map(\.actor) == ["N1", "C1"])
        #expect(events[0].details.contains("\"severity\":\"unstable\""))
        #expect(events[1].details.contains("\"severity\":null"))
    }

    @Test(arguments: TestBackend.both) func onlyNursesAndChargeNursesHandOverOrAccept(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        for role in [StaffRole.studentNurse, .prescriber, .admin] {
            let e = #expect(throws: CommandRefusal.self) {
                try f.store.markHandover(.accepted, patientID: p.id, shiftStart: shiftStart(f), session: f.session(role))
            }
            #expect(e?.kind == .notPermitted)
            #expect(e?.message.contains("a nurse or a charge nurse") == true)
            #expect(throws: CommandRefusal.self) {
                try f.store.addHandoverNote(patientID: p.id, shiftStart: shiftStart(f), text: "if x then y", session: f.session(role))
            }
        }
        #expect(try f.store.auditEvents().filter { $0.action == "refused" }.count == 6)
        #expect(try f.store.loadWard(protocol: wardProtocol).handover.marks.isEmpty)
    }

    @Test(arguments: TestBackend.both) func acceptanceIsOncePerShiftAndNotByTheNurseWhoHandedOver(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let start = shiftStart(f)
        try f.store.markHandover(.handedOver, patientID: p.id, shiftStart: start, session: f.session(.nurse))
        let own = #expect(throws: CommandRefusal.self) {
            try f.store.markHandover(.accepted, patientID: p.id, shiftStart: start, session: f.session(.nurse))
        }
        #expect(own?.message.contains("You handed Doe, Jane over") == true)
        var snap = try f.store.loadWard(protocol: wardProtocol)
        guard case .handedOver(let h) = snap.handover.status(for: p.id, shiftStart: start) else {
            Issue.record("expected handed over"); return
        }
        #expect(h.byStaffID == "N1")
        f.clock.advance(minutes: 20)
        let a = try f.store.markHandover(.accepted, patientID: p.id, shiftStart: start, session: f.session(.chargeNurse))
        #expect(a.at == f.clock.now())
        let twice = #expect(throws: CommandRefusal.self) {
            try f.store.markHandover(.accepted, patientID: p.id, shiftStart: start, session: f.session(.chargeNurse))
        }
        #expect(twice?.kind == .conflict)
        #expect(twice?.message.contains("already accepted for this shift by Charge nurse, Test") == true)
        snap = try f.store.loadWard(protocol: wardProtocol)
        guard case .accepted(let m) = snap.handover.status(for: p.id, shiftStart: start) else {
            Issue.record("expected accepted"); return
        }
        #expect(m.byStaffID == "C1")
        #expect(snap.handover.status(for: p.id, shiftStart: start.addingTimeInterval(-12 * 3600)) == .none)
        let ev = try #require(try f.store.auditEvents(filter: AuditFilter(patientMRN: "MRN1")).last { $0.action == "handover.accepted" })
        #expect(ev.actor == "C1")
        #expect(ev.at == f.clock.now())
    }

    @Test(arguments: TestBackend.both) func dischargesAreLoadedForTheCensus(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        try f.admit("MRN2", bed: "2")
        try f.store.discharge(patientID: p.id, session: f.session(.chargeNurse))
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.discharges.map(\.patientID) == [p.id])
        #expect(snap.discharges.first?.dischargedAt == f.clock.now())
        #expect(snap.patients.map(\.mrn) == ["MRN2"])
    }
}
