import Foundation
import GRDB
import Synchronization

/// Tells a terminal that some process committed a change to the ward
/// database. SQLite: a background thread polls `PRAGMA data_version` on its own
/// read-only connection (the value changes whenever any other connection
/// commits) and calls `onChange` with the number of the newest audit event
/// that is not the alert log's upkeep (`alert.sync`): every terminal logs the
/// same alert changes, and one terminal's upkeep is no news to the others.
/// PostgreSQL: every audit event is NOTIFYed at its commit and heard on a
/// connection of the feed's own (PostgresChangeFeed).
/// The callback runs on a background thread: hand it to the UI inbox.
public final class ChangeFeed: Sendable {
    final class StopFlag: Sendable {
        let stopped = Atomic<Bool>(false)
    }
    private let flag = StopFlag()

    /// Starts polling at once. `interval` is how often to look (not a clinical number).
    /// `onConnection`: PostgreSQL only — false when the feed lost the ward's server (the terminal says
    /// "reconnecting…"), true when it has it again (after a failover: the new primary).
    public init(store: Store, interval: Duration = .milliseconds(100),
                onConnection: (@Sendable (Bool) -> Void)? = nil,
                onChange: @escaping @Sendable (Int) -> Void) throws {
        if case .postgres(let ward) = store.backend {
            try PostgresChangeFeed.start(ward, flag: flag, interval: interval, onConnection: onConnection ?? { _ in }, onChange: onChange)
            return
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        config.label = "wardline.change-feed"
        let queue = try DatabaseQueue(path: store.path, configuration: config)
        let start = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        let flag = self.flag
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        Thread.detachNewThread {
            var last = start
            while !flag.stopped.load(ordering: .acquiring) {
                Thread.sleep(forTimeInterval: seconds)
                if flag.stopped.load(ordering: .acquiring) { break }
                guard let (dv, version) = try? queue.read({ db in
                    (try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0,
                     try Int.fetchOne(db, sql: Store.clinicalVersionSQL) ?? 0)
                }) else { continue }
                if dv != last {
                    last = dv
                    onChange(version)
                }
            }
            try? queue.close()
        }
    }

    /// Stops polling; no callback starts after this returns... except one already under way.
    public func stop() { flag.stopped.store(true, ordering: .releasing) }

    deinit { stop() }
}
