import Foundation
import TestTools
import Testing
import WardCore
@testable import WardStore

@Suite struct DemoWardTests {
    @Test(arguments: TestBackend.both) func demoWardIsRealisticAndFullyAudited(_ backend: TestBackend) throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let clock = FixedClock(iso8601: "2026-11-28T14:05:00Z")
        let pg = backend == .postgres ? try PostgresTestWard() : nil
        defer { pg?.drop() }
        let store = try Store.open(path: pg?.url(owner: true, keyFile: dir.path("audit-key")) ?? dir.path("demo.sqlite"), create: true, clock: clock)
        defer { try? store.close() }
        let summary = try DemoWard.seed(store: store, clock: clock, protocol: wardProtocol, policy: testPolicy)
        let snap = try store.loadWard(protocol: wardProtocol)
        #expect((12...20).contains(snap.patients.count))
        #expect(snap.ward.beds.count == 20)
        #expect(!summary.emptyBeds.isEmpty)
        #expect(summary.emptyBeds.allSatisfy { snap.patient(inBed: $0) == nil })
        let names = snap.patients.map(\.name)
        #expect(names.contains("Müller, Grete"))
        #expect(names.contains("李, 娜"))
        #expect(Set(snap.patients.map { $0.detoxDay(at: clock.now()) }).count >= 4)
        #expect(snap.patients.contains { $0.seizureHistory })
        #expect(snap.patients.contains { !$0.allergies.isEmpty })
        #expect(snap.patients.contains { $0.substances.contains { $0.substance == "alcohol" } })
        let window = clock.now().addingTimeInterval(-72 * 3600)
        var high = 0
        for p in snap.patients {
            let history = snap.current(.ciwaB, for: p.id)
            #expect(history.count >= 2, "\(p.name) has too short a history")
            #expect(history.allSatisfy { $0.recordedAt >= window && $0.recordedAt <= clock.now() && $0.recordedAt >= p.admittedAt })
            let gaps = zip(history, history.dropFirst()).map { $0.0.recordedAt.timeIntervalSince($0.1.recordedAt) }
            #expect(gaps.allSatisfy { $0 >= 2 * 3600 && $0 <= 4 * 3600 }, "\(p.name): gaps \(gaps)")
            high += history.filter { $0.total > 40 }.count
        }
        #expect(high >= 3)
        // Staff of every role, each with the documented PIN.
        #expect(Set(DemoWard.staff.map(\.role)) == Set(StaffRole.allCases.filter { !$0.isSiteRole }), "every ward role (site roles belong to a site)")
        for s in DemoWard.staff where !s.disabled {
            #expect(try store.signIn(staffID: s.staffID, secret: s.pin, terminal: "t", policy: testPolicy).role == s.role)
        }
        #expect(try store.auditEvents().filter { $0.action == "assessment.record" }.count == summary.assessments)
        #expect(try store.auditVerify().isIntact)
        // Only a new database can be seeded.
        #expect(refusal { _ = try DemoWard.seed(store: store, clock: clock, protocol: wardProtocol, policy: testPolicy) }?.kind == .conflict)
    }
}
