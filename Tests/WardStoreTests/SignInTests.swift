import TestTools
import Foundation
import GRDB
import Testing
import WardCore
@testable import WardStore

@Suite struct SignInTests {
    @Test(arguments: TestBackend.both) func rightPINSignsInAndIsAudited(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse]); defer { f.cleanup() }
        let m = try f.store.signIn(staffID: "n1", secret: pin(for: .nurse), terminal: "/dev/pts/3", policy: testPolicy)
        #expect(m.staffID == "N1")
        #expect(m.role == .nurse)
        let e = try #require(try f.store.auditEvents().last)
        #expect(e.action == "signin")
        #expect(e.actor == "N1")
        #expect(e.terminal == "/dev/pts/3")
    }

    @Test(arguments: TestBackend.both) func wrongPINUnknownIDAndDisabledAccountGetTheSameMessage(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse, .prescriber]); defer { f.cleanup() }
        try f.store.disableStaff(staffID: "P1", session: f.session(.admin))
        let wrong = try #require(refusal { _ = try f.store.signIn(staffID: "N1", secret: "000000", terminal: "t", policy: testPolicy) })
        let unknown = try #require(refusal { _ = try f.store.signIn(staffID: "Z9", secret: "000000", terminal: "t", policy: testPolicy) })
        let disabled = try #require(refusal { _ = try f.store.signIn(staffID: "P1", secret: pin(for: .prescriber), terminal: "t", policy: testPolicy) })
        #expect(wrong == unknown)
        #expect(wrong == disabled)
        #expect(wrong.message == Store.signInRejected)
        let failures = try f.store.auditEvents().filter { $0.action == "signin.failed" }
        #expect(failures.map(\.actor) == ["N1", "Z9", "P1"])
        #expect(failures[1].details.contains("unknown staff ID"))
        #expect(failures[2].details.contains("account disabled"))
    }

    @Test(arguments: TestBackend.both) func locksAfterMaxFailuresForTheLockoutTime(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse]); defer { f.cleanup() }
        for _ in 1..<testPolicy.maxFailedAttempts {
            let r = try #require(refusal { _ = try f.store.signIn(staffID: "N1", secret: "999999", terminal: "t", policy: testPolicy) })
            #expect(r.message == Store.signInRejected)
        }
        let last = try #require(refusal { _ = try f.store.signIn(staffID: "N1", secret: "999999", terminal: "t", policy: testPolicy) })
        #expect(last.message.contains("locked for \(testPolicy.lockoutMinutes) more minutes"))
        // Locked: even the right PIN is refused, and no PIN is checked.
        f.clock.advance(minutes: Double(testPolicy.lockoutMinutes) - 1)
        let stillLocked = try #require(refusal { _ = try f.store.signIn(staffID: "N1", secret: pin(for: .nurse), terminal: "t", policy: testPolicy) })
        #expect(stillLocked.message.contains("locked for 1 more minute"))
        #expect(try f.store.auditEvents().last?.action == "signin.refused-locked")
        f.clock.advance(minutes: 1)
        let m = try f.store.signIn(staffID: "N1", secret: pin(for: .nurse), terminal: "t", policy: testPolicy)
        #expect(m.staffID == "N1")
        let counters = try f.store.read { db in try db.row("SELECT failed_attempts, locked_until FROM staff WHERE staff_id = 'N1'") }
        #expect(counters?["failed_attempts"] == 0)
        #expect((counters?["locked_until"] as String?) == nil)
    }

    @Test(arguments: TestBackend.both) func anUnknownIDLocksExactlyLikeARealOne(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse]); defer { f.cleanup() }
        var real: [String] = [], fake: [String] = []
        for _ in 0...testPolicy.maxFailedAttempts {
            real.append(refusal { _ = try f.store.signIn(staffID: "N1", secret: "999999", terminal: "t", policy: testPolicy) }?.message ?? "")
            fake.append(refusal { _ = try f.store.signIn(staffID: "GHOST", secret: "999999", terminal: "t", policy: testPolicy) }?.message ?? "")
        }
        #expect(real == fake)
        #expect(real.last?.contains("locked") == true)
    }

    @Test(arguments: TestBackend.both) func successResetsTheFailureCount(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse]); defer { f.cleanup() }
        for _ in 1..<testPolicy.maxFailedAttempts {
            _ = refusal { _ = try f.store.signIn(staffID: "N1", secret: "999999", terminal: "t", policy: testPolicy) }
        }
        _ = try f.store.signIn(staffID: "N1", secret: pin(for: .nurse), terminal: "t", policy: testPolicy)
        let r = try #require(refusal { _ = try f.store.signIn(staffID: "N1", secret: "999999", terminal: "t", policy: testPolicy) })
        #expect(r.message == Store.signInRejected)
    }

    @Test(arguments: TestBackend.both) func resetPINUnlocksAndReplacesTheOldPIN(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: [.nurse]); defer { f.cleanup() }
        for _ in 0..<testPolicy.maxFailedAttempts {
            _ = refusal { _ = try f.store.signIn(staffID: "N1", secret: "999999", terminal: "t", policy: testPolicy) }
        }
        try f.store.resetPIN(staffID: "N1", newSecret: "246813", policy: testPolicy, session: f.session(.admin))
        #expect(refusal { _ = try f.store.signIn(staffID: "N1", secret: pin(for: .nurse), terminal: "t", policy: testPolicy) } != nil)
        #expect(try f.store.signIn(staffID: "N1", secret: "246813", terminal: "t", policy: testPolicy).staffID == "N1")
    }

    @Test(arguments: TestBackend.both) func pinPolicyIsEnforced(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: []); defer { f.cleanup() }
        let short = try #require(refusal { _ = try f.store.addStaff(staffID: "N5", name: "A, B", role: .nurse, secret: "12345",
                                                                     policy: testPolicy, session: f.session(.admin)) })
        #expect(short.message.contains("at least 6 digits"))
        let letters = try #require(refusal { _ = try f.store.addStaff(staffID: "N5", name: "A, B", role: .nurse, secret: "12345a",
                                                                       policy: testPolicy, session: f.session(.admin)) })
        #expect(letters.message.contains("digits 0–9 only"))
        var phrase = testPolicy; phrase.pinDigitsOnly = false; phrase.pinMinLength = 10
        _ = try f.store.addStaff(staffID: "N5", name: "A, B", role: .nurse, secret: "correct horse", policy: phrase, session: f.session(.admin))
        let dup = try #require(refusal { _ = try f.store.addStaff(staffID: "n5", name: "C, D", role: .nurse, secret: "123456",
                                                                   policy: testPolicy, session: f.session(.admin)) })
        #expect(dup.kind == .conflict)
        let badID = try #require(refusal { _ = try f.store.addStaff(staffID: "N 5", name: "C, D", role: .nurse, secret: "123456",
                                                                     policy: testPolicy, session: f.session(.admin)) })
        #expect(badID.kind == .invalid)
    }
}

@Suite struct SecretStorageTests {
    @Test(arguments: TestBackend.both) func kdfIsArgon2idAtLeastLibsodiumsInteractiveCost(_ backend: TestBackend) throws {
        let h = try #require(SecretHasher.hash("73915284"))
        // $argon2id$v=19$m=65536,t=2,p=1$salt$hash
        let parts = h.split(separator: "$")
        #expect(parts.first == "argon2id")
        let params = Dictionary(uniqueKeysWithValues: parts[2].split(separator: ",").map {
            let kv = $0.split(separator: "="); return (String(kv[0]), Int(kv[1]) ?? -1)
        })
        let memKiB = try #require(params["m"]), ops = try #require(params["t"])
        #expect(memKiB * 1024 >= SecretHasher.memLimit)
        #expect(UInt64(ops) >= SecretHasher.opsLimit)
        // libsodium's own judgement: no rehash needed at the interactive limits.
        #expect(!SecretHasher.needsRehash(h))
        #expect(SecretHasher.memLimit >= 64 * 1024 * 1024)   // libsodium 1.0.18 INTERACTIVE: 64 MiB, 2 passes
        #expect(SecretHasher.opsLimit >= 2)
    }

    @Test(arguments: TestBackend.both) func saltedSoTheSamePINHashesDifferently(_ backend: TestBackend) throws {
        let a = try #require(SecretHasher.hash("73915284")), b = try #require(SecretHasher.hash("73915284"))
        #expect(a != b)
        #expect(SecretHasher.verify("73915284", against: a))
        #expect(SecretHasher.verify("73915284", against: b))
        #expect(!SecretHasher.verify("73915285", against: a))
        #expect(!SecretHasher.verify("73915284", against: "not a hash"))
    }

    @Test(arguments: TestBackend.both) func pinIsNeverStoredInPlainText(_ backend: TestBackend) throws {
        let f = try Fixture(backend, roles: []); defer { f.cleanup() }
        let secret = "73915284"
        _ = try f.store.addStaff(staffID: "N7", name: "Plain, Text", role: .nurse, secret: secret, policy: testPolicy, session: f.session(.admin))
        _ = try f.store.signIn(staffID: "N7", secret: secret, terminal: "t", policy: testPolicy)
        _ = refusal { _ = try f.store.signIn(staffID: "N7", secret: "73915200", terminal: "t", policy: testPolicy) }
        let stored = try f.outside("SELECT pin_hash FROM staff WHERE staff_id = 'N7';").out
        #expect(stored.hasPrefix("$argon2id$"))
        #expect(!stored.contains(secret))
        try f.store.close()
        for file in [f.path, f.path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "PIN found in \(file)")
            #expect(bytes.range(of: Data("73915200".utf8)) == nil, "wrong PIN found in \(file)")
        }
    }
}
