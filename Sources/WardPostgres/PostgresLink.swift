import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// One connection to a ward's PostgreSQL primary, used from one thread at a time by blocking calls
/// (the store's style: each terminal runs its commands on one serial queue).
///
/// Every call has a deadline, and a connection the server closed fails at once: postgres-nio
/// 1.33.2 leaves a query on a closed connection waiting forever (vapor/postgres-nio#487, reverted
/// in #501), which would freeze a terminal after a failover.
public final class PostgresLink: Sendable {
    /// The URL it was opened with.
    public let target: PostgresTarget
    /// The host that answered as the primary.
    public let host: PostgresTarget.Host
    let connection: PostgresConnection
    /// How long one statement may take before the link gives up on it.
    public let deadline: Duration
    /// The statement waiting for its answer: failed at once when the server closes the connection.
    private let waiting = Mutex<EventLoopPromise<PostgresQueryResult>?>(nil)

    /// One event-loop thread for every PostgreSQL link of the process, made at the first link (a
    /// ward on SQLite never starts it).
    static let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    static let logger = Logger(label: "wardline.postgres")

    private init(target: PostgresTarget, host: PostgresTarget.Host, connection: PostgresConnection, deadline: Duration) {
        self.target = target; self.host = host; self.connection = connection; self.deadline = deadline
        // One watcher for the link's life (not one per statement): the guard of the hang.
        let name = "\(host.name):\(host.port)"
        connection.closeFuture.whenComplete { [weak self] _ in
            self?.waiting.withLock { $0?.fail(PostgresQueryError(.connectionLost, "the connection to \(name) was closed")) }
        }
    }

    /// Connects to the first host of the list that answers as a primary (not in recovery). The
    /// error names every host tried and what each said.
    public static func connect(_ target: PostgresTarget, passwords: PGPass,
                               deadline: Duration = .seconds(30)) throws(PostgresConnectError) -> PostgresLink {
        var tried: [String] = []
        var lastKind = PostgresConnectError.Kind.unreachable
        for host in target.hosts {
            let name = "\(host.name):\(host.port)"
            guard let password = passwords.password(host: host.name, port: host.port, database: target.database, user: target.user) else {
                tried.append("\(name): no line for user \(target.user) in \(passwords.path)")
                lastKind = .noPassword
                continue
            }
            do {
                let connection = try open(target, host: host, password: password)
                let link = PostgresLink(target: target, host: host, connection: connection, deadline: deadline)
                if try link.query("SELECT pg_is_in_recovery()").first?.first == .bool(false) { return link }
                link.close()
                tried.append("\(name): a standby (read-only)")
                lastKind = .noPrimary
            } catch {
                let error = error as? PostgresQueryError ?? PostgresQueryError(error)
                tried.append("\(name): \(error.description)")
                lastKind = error.refusedLogin ? .refused : .unreachable
            }
        }
        let what = lastKind == .noPrimary ? "no primary" : "could not connect"
        throw PostgresConnectError(lastKind, "\(target): \(what) (" + tried.joined(separator: "; ") + ")")
    }

    private static func open(_ target: PostgresTarget, host: PostgresTarget.Host, password: String) throws -> PostgresConnection {
        var config = PostgresConnection.Configuration(host: host.name, port: host.port, username: target.user, password: password,
                                                      database: target.database, tls: try target.sslMode.tls(rootCert: target.sslRootCert))
        config.options.connectTimeout = .seconds(Int64(target.connectTimeout))
        // The host's name is checked against the certificate (and sent as SNI) by postgres-nio itself when
        // the URL gives a name; an IP address cannot be sent as SNI, so then the chain alone is checked.
        config.options.additionalStartupParameters = [("application_name", target.applicationName)]
        let future = PostgresConnection.connect(on: loops.next(), configuration: config, id: 1, logger: logger)
        let loop = future.eventLoop
        let promise = loop.makePromise(of: PostgresConnection.self)
        future.cascade(to: promise)
        let timer = loop.scheduleTask(in: .seconds(Int64(target.connectTimeout) + 1)) {
            promise.fail(PostgresQueryError(.timedOut, "no answer in \(target.connectTimeout) s"))
        }
        defer { timer.cancel() }
        return try promise.futureResult.wait()
    }

    /// Runs one statement (`$1`, `$2` … for the values) and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ values: [PostgresValue] = []) throws(PostgresQueryError) -> [[PostgresValue]] {
        try run(sql, values).rows.map { row in row.map(PostgresValue.init) }
    }

    /// Runs one statement and returns its column names and rows (no names when there is no row).
    public func queryNamed(_ sql: String, _ values: [PostgresValue] = []) throws(PostgresQueryError) -> (names: [String], rows: [[PostgresValue]]) {
        let rows = try run(sql, values).rows
        return (rows.first.map { $0.map(\.columnName) } ?? [], rows.map { row in row.map(PostgresValue.init) })
    }

    /// Whether the server has closed the connection (or it was closed here).
    public var isClosed: Bool { connection.isClosed }

    /// Calls `onNotify` with each payload NOTIFYed on `channel` (on the event-loop thread: hand it
    /// on, never block there), from the moment this returns.
    public func listen(_ channel: String, onNotify: @escaping @Sendable (String) -> Void) throws(PostgresQueryError) {
        connection.addListener(channel: channel) { _, message in onNotify(message.payload) }
        // addListener sends LISTEN itself; a round trip here makes sure the server has it.
        try query("SELECT 1")
    }

    private func run(_ sql: String, _ values: [PostgresValue]) throws(PostgresQueryError) -> PostgresQueryResult {
        guard !connection.isClosed else { throw PostgresQueryError(.connectionLost, "the connection to \(host.name):\(host.port) is closed") }
        var binds = PostgresBindings(capacity: values.count)
        for v in values { v.bind(into: &binds) }
        let future = connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.logger)
        let loop = future.eventLoop
        let promise = loop.makePromise(of: PostgresQueryResult.self)
        future.cascade(to: promise)
        // The guard of the hang: a closed connection (the watcher set up with the link, or closed
        // just now) or a passed deadline fails the query.
        waiting.withLock { $0 = promise }
        defer { waiting.withLock { $0 = nil } }
        if connection.isClosed {
            promise.fail(PostgresQueryError(.connectionLost, "the connection to \(host.name):\(host.port) is closed"))
        }
        let seconds = deadline.components.seconds
        let timer = loop.scheduleTask(in: .seconds(seconds)) {
            promise.fail(PostgresQueryError(.timedOut, "no answer from \(self.host.name):\(self.host.port) in \(seconds) s"))
        }
        defer { timer.cancel() }
        do {
            return try promise.futureResult.wait()
        } catch let error as PostgresQueryError {
            if error.kind == .timedOut || error.kind == .connectionLost { close() }
            throw error
        } catch {
            throw PostgresQueryError(error)
        }
    }

    /// A link let go without `close()` (a store never closed before exit) still says goodbye: postgres-nio
    /// requires every connection to be closed before it goes.
    deinit { if !connection.isClosed { close() } }

    /// Closes the connection (waits at most a second for the server to hear it).
    public func close() {
        let done: EventLoopFuture<Void> = connection.close()
        let promise = done.eventLoop.makePromise(of: Void.self)
        done.cascade(to: promise)
        let timer = done.eventLoop.scheduleTask(in: TimeAmount.seconds(1)) { promise.succeed(()) }
        _ = try? promise.futureResult.wait()
        timer.cancel()
    }
}
