import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

@Suite struct ObservationStoreTests {
    static let normal = VitalSigns(respirationRate: 16, spo2: 97, onOxygen: false, systolic: 128, diastolic: 78,
                                   pulse: 84, acvpu: .alert, temperature: 36.8)

    @Test(arguments: TestBackend.both) func vitalsSedationAndExceptionAreSavedAuditedAndLoaded(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.studentNurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let student = f.session(.studentNurse)
        let v = try f.store.record(RecordVitals(patientID: p.id, vitals: Self.normal), session: student, protocol: wardProtocol)
        let s = try f.store.record(RecordSedation(patientID: p.id, score: .rass(-2)), session: student)
        let e = try f.store.record(RecordMonitoringException(patientID: p.id, kind: .withdrawal(.ciwaB), reason: .asleep,
                                                             note: "settled after PRN"), session: student, protocol: wardProtocol)
        let minutes = try #require(wardProtocol.bedside.recheckMinutes[.asleep])
        #expect(e.recheckAt == f.clock.now().addingTimeInterval(TimeInterval(minutes * 60)))

        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.vitals[p.id] == [v])
        #expect(snap.sedation[p.id]?.first?.score == .rass(-2))
        #expect(snap.sedation[p.id]?.first?.id == s.id)
        #expect(snap.exceptions[p.id]?.first?.note == "settled after PRN")
        #expect(snap.exceptions[p.id]?.first?.kind == .withdrawal(.ciwaB))
        let actions = try f.store.auditEvents(filter: AuditFilter(patientMRN: "MRN1")).map(\.action)
        #expect(actions.suffix(3) == ["vitals.record", "sedation.record", "exception.record"])
        #expect(try f.outside("SELECT news2_total FROM vital_signs WHERE id = \(v.id);").out
                == String(wardProtocol.news2.score(Self.normal, scale2: false).total))
    }

    @Test(arguments: TestBackend.both) func implausibleVitalsAreRefusedNamingTheRange(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        var bad = Self.normal
        bad.pulse = Int(wardProtocol.entryLimits.pulse.upperBound) + 1
        let r = refusal { _ = try f.store.record(RecordVitals(patientID: p.id, vitals: bad), session: f.session(.nurse), protocol: wardProtocol) }
        #expect(r?.kind == .invalid)
        #expect(r?.message.contains("pulse \(bad.pulse) is outside the accepted range") == true)
        #expect(try f.outside("SELECT count(*) FROM vital_signs;").out == "0")
    }

    @Test(arguments: TestBackend.both) func adminMayNotRecordObservations(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: []); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let r = refusal { _ = try f.store.record(RecordSedation(patientID: p.id, score: .rass(0)), session: f.session(.admin)) }
        #expect(r?.kind == .notPermitted)
    }

    @Test(arguments: TestBackend.both) func amendingVitalsSupersedesAndRowsCannotBeChanged(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse, .chargeNurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let v = try f.store.record(RecordVitals(patientID: p.id, vitals: Self.normal), session: f.session(.nurse), protocol: wardProtocol)
        var fixed = Self.normal; fixed.pulse = 104
        f.clock.advance(minutes: 5)
        let newID = try f.store.amend(AmendObservation(.vitals, entryID: v.id, change: .correctedVitals(fixed), reason: "pulse mistyped"),
                                      session: f.session(.nurse), protocol: wardProtocol)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        let list = try #require(snap.vitals[p.id])
        #expect(list.count == 2)
        #expect(snap.currentVitals(for: p.id).map(\.id) == [newID])
        #expect(snap.currentVitals(for: p.id).first?.vitals.pulse == 104)
        #expect(snap.currentVitals(for: p.id).first?.stamp.amendReason == "pulse mistyped")
        #expect(list.first { $0.id == v.id }?.stamp.supersededBy == newID)
        // Second amendment of the same entry is a conflict; the rows are append-only.
        let again = refusal { try f.store.amend(AmendObservation(.vitals, entryID: v.id, change: .enteredInError, reason: "x"),
                                                session: f.session(.nurse), protocol: wardProtocol) }
        #expect(again?.kind == .conflict)
        #expect(try f.outside("UPDATE vital_signs SET pulse = 1;").status != 0)
        #expect(try f.outside("DELETE FROM vital_signs;").status != 0)
    }

    @Test(arguments: TestBackend.both) func enteredInErrorSedationIsNotCurrent(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse, .chargeNurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let s = try f.store.record(RecordSedation(patientID: p.id, score: .poss(.frequentlyDrowsy)), session: f.session(.nurse))
        // Someone else's entry needs a charge nurse: the nurse is refused, the charge nurse may.
        let other = try f.store.record(RecordSedation(patientID: p.id, score: .rass(1)), session: f.session(.chargeNurse))
        #expect(refusal { try f.store.amend(AmendObservation(.sedation, entryID: other.id, change: .enteredInError, reason: "wrong bed"),
                                            session: f.session(.nurse), protocol: wardProtocol) }?.kind == .notPermitted)
        try f.store.amend(AmendObservation(.sedation, entryID: s.id, change: .enteredInError, reason: "wrong patient"),
                          session: f.session(.chargeNurse), protocol: wardProtocol)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.currentSedation(for: p.id).map(\.id) == [other.id])
        #expect(snap.sedation[p.id]?.contains { $0.stamp.enteredInError && $0.stamp.supersedes == s.id } == true)
    }

    @Test(arguments: TestBackend.both) func gatedAssessmentKeepsTheGateAnswers(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse]); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let items = [1, 2, 1, 0, 0, 0, 0, 0, 1, 0]
        let (a, _) = try f.store.record(RecordGatedAssessment(RecordAssessment(patientID: p.id, scale: .ciwaAr, items: items),
                                                              gate: DoseGateAnswers(recentUseConfirmed: true, canCommunicate: false)),
                                        session: f.session(.nurse), protocol: wardProtocol)
        #expect(a.total == 5)
        #expect(a.band == wardProtocol.band(.ciwaAr, total: 5)?.name)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.doseGates[a.id] == DoseGateAnswers(recentUseConfirmed: true, canCommunicate: false))
        #expect(snap.latest(.ciwaAr, for: p.id)?.id == a.id)
        let event = try #require(try f.store.auditEvents(filter: AuditFilter(patientMRN: "MRN1")).last)
        #expect(event.details.contains("\"mayGuideDose\":false"))
    }
}

@Suite struct DemoObservationTests {
    @Test(arguments: TestBackend.both) func demoWardHasVitalsSedationAndACheckNotDone(_ backend: TestBackend) throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let clock = FixedClock(iso8601: "2026-11-28T14:05:00Z")
        let store = try Store.open(path: dir.path("demo.sqlite"), create: true, clock: clock)
        defer { try? store.close() }
        try DemoWard.seed(store: store, clock: clock, protocol: wardProtocol, policy: testPolicy)
        let snap = try store.loadWard(protocol: wardProtocol)
        for p in snap.patients {
            #expect(!snap.currentVitals(for: p.id).isEmpty, "\(p.name) has no vitals")
            #expect(!snap.currentSedation(for: p.id).isEmpty, "\(p.name) has no sedation score")
            #expect(snap.currentVitals(for: p.id).allSatisfy { $0.stamp.recordedAt >= p.admittedAt && $0.stamp.recordedAt <= clock.now() })
        }
        let news2 = snap.patients.compactMap { snap.currentVitals(for: $0.id).first }
            .map { wardProtocol.news2.score($0.vitals, scale2: $0.scale2).total }
        #expect(news2.contains { $0 >= wardProtocol.alerts.news2AtOrAbove })
        #expect(snap.patients.contains { p in
            if case .rass(let v) = snap.currentSedation(for: p.id).first?.score { v <= wardProtocol.hold.rassAtOrBelow } else { false }
        })
        #expect(snap.exceptions.values.flatMap { $0 }.count == 1)
        #expect(try store.auditVerify().isIntact)
    }
}
