import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

@Suite struct ChangeFeedTests {
    /// A commit by another process reaches the callback with the new version.
    @Test(arguments: TestBackend.both) func anotherProcessCommitWakesTheFeed(_ backend: TestBackend) async throws {
        let f = try Fixture(backend, roles: [.chargeNurse]); defer { f.cleanup() }
        let start = try f.store.dataVersion()
        let (stream, cont) = AsyncStream.makeStream(of: Int.self)
        let feed = try ChangeFeed(store: f.store, interval: .milliseconds(20)) { cont.yield($0) }
        defer { feed.stop() }
        var it = stream.makeAsyncIterator()
        if backend == .sqlite {
            // A change from outside this process, like another ward terminal. (On PostgreSQL a write
            // that is no command has no event to be NOTIFYed with; terminals hear commands.)
            #expect(try f.outside("INSERT INTO settings(key, value) VALUES ('x', 'y');").status == 0)
            let first = await it.next()
            #expect(first == start)          // no audit event was written by that change
        }
        // A command on another connection than the feed's wakes it.
        _ = try f.admit("MRN1", bed: "1")
        let second = await it.next()
        #expect(second == start + 1)
        #expect(try f.store.loadWard(protocol: wardProtocol).version == start + 1)
    }

    /// Every terminal logs the same alert changes: one terminal's `alert.sync` is no news to the others,
    /// so the feed reports the newest event that is not one (and the snapshot carries the same number).
    @Test(arguments: TestBackend.both) func alertLogUpkeepIsNotReportedAsNews(_ backend: TestBackend) async throws {
        let f = try Fixture(backend, roles: [.chargeNurse]); defer { f.cleanup() }
        _ = try f.admit("MRN1", bed: "1")
        let clinical = try f.store.loadWard(protocol: wardProtocol).clinicalVersion
        let (stream, cont) = AsyncStream.makeStream(of: Int.self)
        let feed = try ChangeFeed(store: f.store, interval: .milliseconds(20)) { cont.yield($0) }
        defer { feed.stop() }
        try f.store.write { db in
            try AuditChain.append(db, at: f.clock.now(), actor: "system", terminal: "other", action: "alert.sync", details: ["raised": .array([])])
        }
        var it = stream.makeAsyncIterator()
        #expect(await it.next() == clinical, "the commit is seen, its version is not news")
        let snapshot = try f.store.loadWard(protocol: wardProtocol)
        #expect(snapshot.version == clinical + 1 && snapshot.clinicalVersion == clinical)
    }
}
