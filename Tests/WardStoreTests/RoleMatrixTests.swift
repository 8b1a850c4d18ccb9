import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

/// Every store command tried by every role: allowed exactly when the role ×
/// action matrix says so, otherwise refused with a message naming the roles
/// that may, and the refusal audited.
@Suite struct RoleMatrixTests {
    struct Attempt {
        let name: String
        let action: StaffAction
        let run: (Fixture, Session) throws(CommandRefusal) -> Void
    }

    static func attempts(_ f: Fixture, role: StaffRole) throws -> [Attempt] {
        let p = try f.admit("MRN-A", bed: "1")
        let leaving = try f.admit("MRN-B", bed: "2")
        let waiting = try f.admit("MRN-C", bed: nil)
        let nurseEntry = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(10)),
                                            session: f.session(.nurse), protocol: wardProtocol)
        let otherRecorder: StaffRole = role == .nurse ? .chargeNurse : .nurse
        let othersEntry = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(11)),
                                             session: f.session(otherRecorder), protocol: wardProtocol)
        let ownEntry = role.may(.recordObservation)
            ? try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(12)),
                                 session: f.session(role), protocol: wardProtocol)
            : nurseEntry
        _ = try f.store.addStaff(staffID: "X1", name: "Spare, Staff", role: .nurse, secret: "778899",
                                 policy: testPolicy, session: f.session(.admin))
        return [
            Attempt(name: "record", action: .recordObservation) { f, s throws(CommandRefusal) in
                _ = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(3)), session: s, protocol: wardProtocol)
            },
            Attempt(name: "amend own", action: .amendOwnEntry) { f, s throws(CommandRefusal) in
                try f.store.amend(AmendEntry(entryID: ownEntry.id, change: .correctedItems(f.ciwa(13)), reason: "typo"), session: s, protocol: wardProtocol)
            },
            Attempt(name: "amend another's", action: .amendAnyEntry) { f, s throws(CommandRefusal) in
                try f.store.amend(AmendEntry(entryID: othersEntry.id, change: .enteredInError, reason: "wrong patient"), session: s, protocol: wardProtocol)
            },
            Attempt(name: "admit", action: .admitPatient) { f, s throws(CommandRefusal) in
                _ = try f.store.admit(AdmitPatient(mrn: "MRN-NEW", name: "New, Person", dateOfBirth: CalendarDate("1990-01-01")!,
                                                   sex: .male, bed: "3"), session: s)
            },
            Attempt(name: "discharge", action: .dischargePatient) { f, s throws(CommandRefusal) in
                try f.store.discharge(patientID: leaving.id, session: s)
            },
            Attempt(name: "assign bed", action: .assignBed) { f, s throws(CommandRefusal) in
                try f.store.assignBed(patientID: waiting.id, bed: "4", session: s)
            },
            Attempt(name: "add staff", action: .manageStaff) { f, s throws(CommandRefusal) in
                _ = try f.store.addStaff(staffID: "X2", name: "Extra, Staff", role: .nurse, secret: "665544", policy: testPolicy, session: s)
            },
            Attempt(name: "list staff", action: .manageStaff) { f, s throws(CommandRefusal) in
                _ = try f.store.listStaff(session: s)
            },
            Attempt(name: "disable staff", action: .manageStaff) { f, s throws(CommandRefusal) in
                try f.store.disableStaff(staffID: "X1", session: s)
            },
            Attempt(name: "reset PIN", action: .manageStaff) { f, s throws(CommandRefusal) in
                try f.store.resetPIN(staffID: "X1", newSecret: "112233", policy: testPolicy, session: s)
            },
            Attempt(name: "configure ward", action: .configureWard) { f, s throws(CommandRefusal) in
                try f.store.configureWard(name: "Renamed", bedLabels: ["7"], session: s)
            },
        ]
    }

    /// The hospital's site and bed managers see the site and the wards, and do nothing on a ward
    /// (they are never a ward's staff either: `checkRoleFits`, HospitalCLITests).
    @Test func siteRolesMaySeeOnly() {
        for role in StaffRole.allCases {
            for action in StaffAction.allCases {
                let expected = role.isSiteRole ? (action == .viewWard || action == .viewSite) : role.may(action)
                #expect(role.may(action) == expected, "\(role) \(action)")
            }
            #expect(role.may(.viewSite) == role.isSiteRole)
        }
    }

    @Test(arguments: TestBackend.both, StaffRole.allCases.filter { !$0.isSiteRole })
    func everyCommandForRole(_ backend: TestBackend, _ role: StaffRole) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        for attempt in try Self.attempts(f, role: role) {
            var allowed = role.may(attempt.action)
            if attempt.action == .amendAnyEntry { allowed = allowed && role.may(.amendOwnEntry) }
            let before = try f.store.auditEvents(filter: AuditFilter(staffID: staffID(for: role))).count
            let r = refusal { try attempt.run(f, f.session(role)) }
            if allowed {
                #expect(r == nil, "\(role.rawValue) should be allowed to \(attempt.name): \(r?.message ?? "")")
            } else {
                let refused = try #require(r, "\(role.rawValue) should not be allowed to \(attempt.name)")
                #expect(refused.kind == .notPermitted)
                let needed = attempt.action == .amendAnyEntry && !role.may(.amendOwnEntry) ? StaffAction.amendOwnEntry : attempt.action
                for ok in needed.allowedRoles {
                    #expect(refused.message.contains(ok.withArticle), "'\(refused.message)' does not name \(ok.withArticle)")
                }
                let after = try f.store.auditEvents(filter: AuditFilter(staffID: staffID(for: role)))
                #expect(after.count == before + 1)
                #expect(after.last?.action == "refused")
            }
        }
        #expect(try f.store.auditVerify().isIntact)
    }

    @Test(arguments: TestBackend.both) func disabledStaffCanDoNothing(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        try f.store.disableStaff(staffID: "N1", session: f.session(.admin))
        let r = try #require(refusal { _ = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(1)),
                                                               session: f.session(.nurse), protocol: wardProtocol) })
        #expect(r.kind == .notPermitted)
        #expect(r.message.contains("disabled"))
    }

    @Test(arguments: TestBackend.both) func aForgedSessionRoleIsNotTrusted(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.studentNurse]); defer { f.cleanup() }
        var forged = f.session(.studentNurse)
        forged.staff.role = .admin
        let r = try #require(refusal { try f.store.configureWard(name: "Mine", bedLabels: [], session: forged) })
        #expect(r.kind == .notPermitted)
        #expect(r.message.contains("student nurse"))
    }

    @Test(arguments: TestBackend.both) func lastAdminCannotBeDisabled(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: []); defer { f.cleanup() }
        let r = try #require(refusal { try f.store.disableStaff(staffID: "A1", session: f.session(.admin)) })
        #expect(r.kind == .conflict)
    }

    @Test func refusalTextNamesTheRoles() {
        #expect(StaffRole.refusalText(.admitPatient, role: .nurse)
                == "Admitting a patient needs a charge nurse or ward IT (an admin); you are signed in as a nurse.")
        #expect(StaffRole.nurse.may(.giveControlledDrugAlone))
        #expect(!StaffRole.studentNurse.may(.giveControlledDrugAlone))
        #expect(!StaffRole.studentNurse.may(.witnessControlledDrug))
        #expect(StaffAction.writeOrder.allowedRoles == [.prescriber])
        #expect(StaffAction.manageStaff.allowedRoles == [.admin])
    }
}
