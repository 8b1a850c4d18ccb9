import Foundation
import Testing
import WardCore
@testable import WardStore

/// A dose is never checked against a record with an unreadable entry in it.
@Suite struct UnreadableDoseTests {
    @Test func anUnreadableEarlierDoseRefusesTheNextAndTheSnapshotNamesIt() throws {
        let f = try Fixture(); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let prn = try f.prn(p)
        try f.score(p, 30)
        try f.observe(p)
        let first = try f.give(prn)
        try #require(try sqlite3(f.path, "DROP TRIGGER administrations_no_update; UPDATE administrations SET mg = 1e308 WHERE id = \(first.id);").status == 0)

        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.unreadable(for: p.id).map(\.text) == ["unreadable entry #\(first.id) (administrations, dose (mg) is not a number the record can carry)"])
        #expect(snap.administrations[p.id, default: []].isEmpty, "the unreadable dose is named, not read")

        f.clock.advance(minutes: 150)
        try f.score(p, 30)
        try f.observe(p)
        let r = refusal { _ = try f.give(prn) }
        #expect(r?.kind == .unsafe)
        #expect(r?.message.contains("unreadable entry #\(first.id) (administrations") == true, "\(r?.message ?? "")")
    }
}
