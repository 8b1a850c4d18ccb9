import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

/// Many guessers at once get no more PIN checks than the policy allows: each
/// attempt is counted under the write lock before its PIN is checked, and a
/// failure never clears a lock another attempt has set. Sign-in and witness PINs alike.
@Suite(.serialized) struct ParallelLockoutTests {
    static let guessers = 12

    /// Runs `body` on `n` threads at once and returns how many returned true.
    func parallel(_ n: Int, _ body: @escaping @Sendable (Int) -> Bool) -> Int {
        let hits = Counter()
        DispatchQueue.concurrentPerform(iterations: n) { i in if body(i) { hits.add() } }
        return hits.value
    }

    @Test(arguments: TestBackend.both) func twelveParallelSignInGuessersGetAtMostTheBudgetOfPINChecks(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse]); defer { f.cleanup() }
        let store = f.store
        // Eleven wrong guesses and, among them, the right PIN: at most `maxFailedAttempts` are ever checked.
        let accepted = parallel(Self.guessers) { i in
            (try? store.signIn(staffID: "N1", secret: i == 7 ? pin(for: .nurse) : String(format: "%06d", 100_000 + i),
                               terminal: "t\(i)", policy: testPolicy)) != nil
        }
        let events = try store.auditEvents()
        let checked = events.filter { $0.action == "signin.failed" || $0.action == "signin" }.count
        #expect(checked <= testPolicy.maxFailedAttempts, "\(checked) PINs checked")
        #expect(events.filter { $0.action == "signin.refused-locked" }.count >= Self.guessers - testPolicy.maxFailedAttempts)
        #expect(accepted <= 1)
        // Whatever order they came in, once the budget is used up the ID is locked: the right PIN is refused now.
        if accepted == 0 {
            let r = refusal { _ = try store.signIn(staffID: "N1", secret: pin(for: .nurse), terminal: "t", policy: testPolicy) }
            #expect(r?.kind == .locked)
        }
    }

    @Test(arguments: TestBackend.both) func sequentialFailuresStillLockAtTheFifthAndTheLockHolds(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse]); defer { f.cleanup() }
        for _ in 0..<testPolicy.maxFailedAttempts { _ = refusal { _ = try f.store.signIn(staffID: "N1", secret: "000000", terminal: "t", policy: testPolicy) } }
        // A late failure (an attempt that started before the lock) cannot clear it.
        let locked = try f.store.read { db in try db.scalar(String.self, "SELECT locked_until FROM staff WHERE staff_id = 'N1'") }
        #expect(locked != nil)
        #expect(refusal { _ = try f.store.signIn(staffID: "N1", secret: "000000", terminal: "t", policy: testPolicy) }?.kind == .locked)
        let after = try f.store.read { db in try db.scalar(String.self, "SELECT locked_until FROM staff WHERE staff_id = 'N1'") }
        #expect(after == locked)
    }

    @Test(arguments: TestBackend.both) func parallelWitnessGuessesShareTheSameBudget(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let o = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.taperTerms()), session: f.session(.prescriber), protocol: wardProtocol)
        try f.observe(p)
        let due = try #require(f.doses(o).first).dueAt
        let store = f.store, nurse = f.session(.nurse)
        _ = parallel(Self.guessers) { i in
            (try? store.recordDose(RecordDose(orderID: o.id, scheduledFor: due, status: .given,
                                              witness: WitnessCredentials(staffID: staffID(for: .chargeNurse), pin: String(format: "%06d", 200_000 + i))),
                                   session: nurse, protocol: wardProtocol)) != nil
        }
        let failed = try store.auditEvents().filter { $0.action == "witness.failed" }.count
        #expect(failed <= wardProtocol.security.maxFailedAttempts, "\(failed) witness PINs checked")
        #expect(try f.count("SELECT count(*) FROM administrations") == 0)
        // The charge nurse's ID is now locked for signing in too.
        #expect(refusal { _ = try store.signIn(staffID: staffID(for: .chargeNurse), secret: pin(for: .chargeNurse), terminal: "t",
                                                policy: wardProtocol.security) }?.kind == .locked)
    }
}

/// A thread-safe tally.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
