import Foundation
import Logging
import Testing
import WardCore
import WardStore
import WardUI
@testable import wardline

/// Issue 15: a save makes exactly one new snapshot, and this terminal's own
/// commit, seen again by the change feed, makes none; another process's commit
/// makes one.
@Suite(.serialized) struct ReloadCoalescingTests {
    static func collect(_ inbox: Inbox<Msg>, for seconds: TimeInterval) -> [Msg] {
        var out: [Msg] = []
        let end = Date().addingTimeInterval(seconds)
        while Date() < end { out += inbox.drain(); usleep(20_000) }
        return out
    }

    static func loads(_ msgs: [Msg]) -> Int { msgs.filter { if case .wardLoaded = $0 { true } else { false } }.count }

    @Test func aSaveMakesOneSnapshotAndTheFeedIgnoresTheOwnCommit() throws {
        let demo = try DemoWardDB("reload"); defer { demo.remove() }
        let store = try Store.open(path: demo.path, create: false)
        defer { try? store.close() }
        let proto = ProtocolLoader.builtInDefault()
        let inbox = Inbox<Msg>()
        let runner = EffectRunner(store: store, wardProtocol: proto, policy: proto.security, terminalName: "test",
                                  inbox: inbox, log: Logger(label: "test"))
        var posted = runner.run(.loadWard)
        #expect(Self.loads(posted) == 1)
        let feed = try ChangeFeed(store: store, interval: .milliseconds(50)) { version in
            if runner.isNews(version) { inbox.post(.storeChanged) }
        }
        defer { feed.stop() }
        let nurse = try store.signIn(staffID: "N1001", secret: "111111", terminal: "test", policy: proto.security)
        _ = Self.collect(inbox, for: 0.3)      // the sign-in's own commit settles
        runner.requestReload()
        _ = Self.collect(inbox, for: 0.3)
        let patient = try #require(try store.loadWard(protocol: proto).patients.first)

        // The screen's own save, as the UI does it: the command, then the screens ask for a reload too.
        runner.perform(.record(RecordAssessment(patientID: patient.id, scale: .ciwaB, items: Array(repeating: 1, count: 20)),
                               session: Session(staff: nurse, terminal: "test")))
        runner.perform(.loadWard)
        posted = Self.collect(inbox, for: 0.6)   // several change-feed polls
        #expect(posted.contains { if case .finished(.success(.assessment), _) = $0 { true } else { false } })
        #expect(Self.loads(posted) == 1, "one snapshot for one save: \(posted.map { "\($0)".prefix(20) })")
        #expect(!posted.contains { if case .storeChanged = $0 { true } else { false } }, "the feed ignored this terminal's own commit")

        // Another process's commit: the feed says so once, and that makes one reload.
        let other = try Store.open(path: demo.path, create: false)
        let charge = try other.signIn(staffID: "C2001", secret: "222222", terminal: "other", policy: proto.security)
        _ = try other.record(RecordAssessment(patientID: patient.id, scale: .ciwaB, items: Array(repeating: 2, count: 20)),
                             session: Session(staff: charge, terminal: "other"), protocol: proto)
        try other.close()
        let seen = Self.collect(inbox, for: 0.5)
        #expect(seen.contains { if case .storeChanged = $0 { true } else { false } })
        runner.perform(.loadWard)                 // what the screens answer to .storeChanged
        #expect(Self.loads(Self.collect(inbox, for: 0.3)) == 1)
    }
}
