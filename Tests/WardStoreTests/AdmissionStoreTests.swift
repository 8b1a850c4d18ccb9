import Foundation
import TestTools
import Testing
import WardCore
@testable import WardStore

/// The demo ward seeded into a temporary database at a fixed time.
struct SeededDemoWard {
    let dir: TempDir, clock: FixedClock, store: Store
    let pg: PostgresTestWard?
    init(_ backend: TestBackend = .sqlite) throws {
        dir = try TempDir()
        clock = FixedClock(iso8601: "2026-11-28T14:05:00Z")
        pg = backend == .postgres ? try PostgresTestWard() : nil
        store = try Store.open(path: pg?.url(owner: true, keyFile: dir.path("audit-key")) ?? dir.path("demo.sqlite"), create: true, clock: clock)
        try DemoWard.seed(store: store, clock: clock, protocol: wardProtocol, policy: testPolicy)
    }
    func cleanup() { try? store.close(); pg?.drop(); dir.cleanup() }
}

@Suite struct AdmissionStoreTests {
    /// Issue 13 "Done when": beds 2, 16 and 17 (PRN-only diazepam) show the reconciliation warning.
    @Test(arguments: TestBackend.both) func demoWardWarnsOnBeds2_16_17(_ backend: TestBackend) throws {
        let demo = try SeededDemoWard(backend); defer { demo.cleanup() }
        let store = demo.store, clock = demo.clock
        let snap = try store.loadWard(protocol: wardProtocol)
        let alerts = AlertEngine(wardProtocol).alerts(BoardInput(snap), now: clock.now()).filter { $0.rule == .admissionDoseCut }
        #expect(Set(alerts.compactMap(\.bed)).isSuperset(of: ["2", "16", "17"]), "\(alerts.map { "\($0.bed ?? "-"): \($0.message)" })")
        let drinkers = snap.patients.filter { $0.usesAlcohol(wardProtocol) }
        #expect(drinkers.count == 5)
        #expect(snap.patients.allSatisfy { $0.substances.allSatisfy { $0.source != nil } })
        let bed7 = try #require(snap.patient(inBed: "7"))
        #expect(bed7.allergyStatus == .notYetKnown)
        #expect(snap.patient(inBed: "19")?.admissionFlags == [.hepaticImpairment])
    }

    @Test(arguments: TestBackend.both) func admissionChecksTheDateOfBirthAndKeepsFlagsApart(_ backend: TestBackend) throws {
        let demo = try SeededDemoWard(backend); defer { demo.cleanup() }
        let store = demo.store, clock = demo.clock
        let charge = try store.signIn(staffID: "C2001", secret: "222222", terminal: "t", policy: testPolicy)
        let s = Session(staff: charge, terminal: "t")
        let future = refusal { _ = try store.admit(AdmitPatient(mrn: "X1", name: "Late, Born", dateOfBirth: CalendarDate("2030-01-01")!,
                                                                sex: .male, bed: nil), session: s, protocol: wardProtocol) }
        #expect(future?.kind == .invalid && future?.message.contains("not in the past") == true)
        let old = refusal { _ = try store.admit(AdmitPatient(mrn: "X2", name: "Old, Very", dateOfBirth: CalendarDate("1890-01-01")!,
                                                             sex: .male, bed: nil), session: s, protocol: wardProtocol) }
        #expect(old?.message.contains("gives age") == true)
        let p = try store.admit(AdmitPatient(mrn: "X3", name: "New, Pat", dateOfBirth: CalendarDate("1980-02-29")!, sex: .female, bed: nil,
                                             riskFlags: ["injecting"], admissionFlags: [.pregnancy]), session: s, protocol: wardProtocol)
        let back = try #require(try store.loadWard(protocol: wardProtocol).patients.first { $0.id == p.id })
        #expect(back.riskFlags == ["injecting"] && back.admissionFlags == [.pregnancy] && back.allergyStatus == .notYetKnown)
    }

    /// Issue 13 item 7: SpO2 scale 2 is a prescriber's decision; the store enforces the role.
    @Test(arguments: TestBackend.both) func spo2Scale2IsSetByAPrescriberOnly(_ backend: TestBackend) throws {
        let demo = try SeededDemoWard(backend); defer { demo.cleanup() }
        let store = demo.store
        func session(_ id: String, _ pin: String) throws -> Session {
            Session(staff: try store.signIn(staffID: id, secret: pin, terminal: "t", policy: testPolicy), terminal: "t")
        }
        let charge = try session("C2001", "222222"), nurse = try session("N1001", "111111"), doctor = try session("P3001", "333333")
        let refused = refusal { _ = try store.admit(AdmitPatient(mrn: "X9", name: "Copd, Pat", dateOfBirth: CalendarDate("1955-01-01")!,
                                                                 sex: .male, bed: nil, allergies: ["NKDA"], spo2Scale2: true),
                                                    session: charge, protocol: wardProtocol) }
        #expect(refused?.kind == .notPermitted && refused?.message.contains("prescriber") == true)
        let p = try store.admit(AdmitPatient(mrn: "X9", name: "Copd, Pat", dateOfBirth: CalendarDate("1955-01-01")!, sex: .male, bed: nil,
                                             allergies: ["NKDA"]), session: charge, protocol: wardProtocol)
        #expect(refusal { try store.setSpO2Scale2(patientID: p.id, true, reason: "COPD", session: nurse) }?.kind == .notPermitted)
        #expect(refusal { try store.setSpO2Scale2(patientID: p.id, true, reason: " ", session: doctor) }?.kind == .invalid)
        try store.setSpO2Scale2(patientID: p.id, true, reason: "COPD with hypercapnia (ABG)", session: doctor)
        func current() throws -> Bool? { try store.loadWard(protocol: wardProtocol).patients.first { $0.id == p.id }?.spo2Scale2 }
        #expect(try current() == true)
        #expect(refusal { try store.setSpO2Scale2(patientID: p.id, true, reason: "again", session: doctor) }?.message.contains("already") == true)
        try store.setSpO2Scale2(patientID: p.id, false, reason: "ABG normal", session: doctor)
        #expect(try current() == false)
        #expect(try store.auditEvents().filter { $0.action == "patient.spo2-scale" }.count == 2)
        #expect(try store.auditVerify().isIntact)
    }

    /// A row written before issue 13 (free-text flag list, substance without the new fields, and a
    /// date of birth the old check let through) still loads: the patient stays on the ward list.
    @Test func anOlderPatientRowStillLoads() throws {
        let demo = try SeededDemoWard(); defer { demo.cleanup() }
        let r = try sqlite3(demo.dir.path("demo.sqlite"), """
            INSERT INTO patients(mrn, name, date_of_birth, sex, admitted_at, substances, allergies, seizure_history, risk_flags,
                                 spo2_scale2, admitted_by, entered_at)
            VALUES ('OLD1', 'Older, Row', '1980-02-30', 'male', '2026-11-27T10:00:00.000Z',
                    '[{"dailyAmount":"4 mg","dailyMg":4,"duration":"3 years","substance":"alprazolam"}]', '[]', 0, '["injecting"]',
                    0, (SELECT min(id) FROM staff), '2026-11-27T10:00:00.000Z');
            """)
        #expect(r.status == 0, "\(r.err)")
        let p = try #require(try demo.store.loadWard(protocol: wardProtocol).patients.first { $0.mrn == "OLD1" })
        #expect(p.dateOfBirth.description == "1980-02-30")
        #expect(p.riskFlags == ["injecting"] && p.admissionFlags.isEmpty && p.allergyStatus == .notYetKnown)
        #expect(p.substances.first?.dailyMg == 4 && p.substances.first?.source == nil)
    }
}
