import Foundation
import Synchronization
import WardPostgres

/// The change feed of a PostgreSQL ward: a connection of its own LISTENs on the ward's channel,
/// where the schema NOTIFYs every audit event as "seq action" when its transaction commits. The
/// callback gets the newest event that is not the alert log's upkeep, as on SQLite. When the
/// connection is lost (a failover) the feed connects again through the host list, LISTENs again
/// and reports the version read then, so nothing that committed in the gap is missed.
enum PostgresChangeFeed {
    /// What the listener knows (the newest clinical event it reported).
    private final class State: Sendable {
        let reported = Atomic<Int>(-1)
        let queue = DispatchQueue(label: "wardline.change-feed")
    }

    static func start(_ ward: PostgresWard, flag: ChangeFeed.StopFlag, interval: Duration,
                      onConnection: @escaping @Sendable (Bool) -> Void,
                      onChange: @escaping @Sendable (Int) -> Void) throws {
        let channel = try PostgresSchema.channel(ward: ward.ward)
        // The first connection is made here, so a feed that cannot start says so to the caller.
        let first = try connect(ward)
        let state = State()
        state.reported.store(try clinicalVersion(first), ordering: .relaxed)
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        Thread.detachNewThread {
            var link: PostgresLink? = first
            while !flag.stopped.load(ordering: .acquiring) {
                if link == nil {
                    Thread.sleep(forTimeInterval: max(seconds, 0.2))
                    guard let again = try? connect(ward), let version = try? clinicalVersion(again) else { continue }
                    link = again
                    onConnection(true)
                    report(version, state, onChange, always: true)   // whatever committed while the feed was away
                }
                guard let current = link else { continue }
                do {
                    try current.listen(channel) { payload in
                        let parts = payload.split(separator: " ", maxSplits: 1)
                        guard parts.count == 2, let seq = Int(parts[0]) else { return }
                        // A transfer sent here or accepted from here (hospital.transfers): no event of this
                        // ward's chain, so no number to compare; always news (the reload reads the count).
                        if parts[1].hasPrefix("transfer.") { state.queue.async { onChange(-1) }; return }
                        state.queue.async {
                            let clinical = parts[1] == "alert.sync" ? state.reported.load(ordering: .relaxed) : seq
                            report(clinical, state, onChange, always: true)
                        }
                    }
                } catch {
                    current.close(); link = nil; continue
                }
                while !flag.stopped.load(ordering: .acquiring) && !current.isClosed {
                    Thread.sleep(forTimeInterval: seconds)
                }
                current.close()
                link = nil
                if !flag.stopped.load(ordering: .acquiring) { onConnection(false) }
            }
            link?.close()
        }
    }

    /// Calls back with `version` (always: every commit is reported, as SQLite's data_version is).
    private static func report(_ version: Int, _ state: State, _ onChange: @escaping @Sendable (Int) -> Void, always: Bool = false) {
        let before = state.reported.exchange(max(version, state.reported.load(ordering: .relaxed)), ordering: .relaxed)
        if always || version != before { onChange(max(version, before)) }
    }

    private static func connect(_ ward: PostgresWard) throws -> PostgresLink {
        let link = try PostgresLink.connect(ward.target, passwords: ward.passwords)
        do { try link.query("SET search_path = \(ward.schema)") } catch { link.close(); throw error }
        return link
    }

    private static func clinicalVersion(_ link: PostgresLink) throws -> Int {
        guard case .int(let v) = try link.query(Store.clinicalVersionSQL).first?.first else { return 0 }
        return Int(v)
    }
}
