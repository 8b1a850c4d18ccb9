import Foundation
import Glibc
import Synchronization

/// The PostgreSQL cluster the tests talk to: the one `.ci/run` started (its `.ci/pg-cluster` env
/// in this process's environment), else one this process starts with the same script on first use
/// and stops at exit, so that `swift test` on a fresh machine of this kind does its own set-up.
/// It cannot be had (no root to install Debian's postgresql-15, a script failure): the tests fail
/// with the reason, never skip.
public struct PostgresCluster: Sendable {
    /// `postgresql://wardline_owner@127.0.0.1:PORT/wardline`: the role that owns the wards' schemas.
    public let ownerURL: String
    /// `postgresql://wardline_app@…`: the terminals' role.
    public let appURL: String
    public let port: Int
    /// A synchronous standby of the same cluster (read-only), when one was started.
    public let standbyPort: Int?
    /// The pgpass file with every role's password (0600).
    public let passFile: String
    /// Its folder, when known (`.ci/pg-cluster start ROOT`).
    public var root: String? = nil
    /// The CA that signed the servers' certificate (for sslmode=verify-full).
    public var caFile: String? = nil

    /// PGPASSFILE for the programs and links of a test.
    public var environment: [String: String] { ["PGPASSFILE": passFile] }

    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    private static let started = Mutex<Result<PostgresCluster, Unavailable>?>(nil)
    static let stopAtExit = Mutex<String?>(nil)

    /// The cluster, started once per test process when CI did not start one.
    public static func shared() throws -> PostgresCluster {
        try started.withLock { cached in
            if cached == nil { cached = Result { try fromEnvironment() ?? start() }.mapError { $0 as? Unavailable ?? Unavailable(description: "\($0)") } }
            return try cached!.get()
        }
    }

    /// Runs SQL through psql as `user` (the superuser by default) on the primary or `port`.
    @discardableResult
    public func psql(_ sql: String, as user: String = "postgres", port: Int? = nil, database: String = "wardline") throws -> String {
        let r = try runProcess(Self.bin + "/psql", ["-h", "127.0.0.1", "-p", String(port ?? self.port), "-U", user, "-d", database,
                                                    "-v", "ON_ERROR_STOP=1", "-Atq", "-c", sql],
                               environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, timeout: 60)
        guard r.status == 0 else { throw Unavailable(description: "psql as \(user): \(r.stderr)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static let bin = "/usr/lib/postgresql/15/bin"
    static let packages = (paths: [bin + "/initdb", bin + "/pg_ctl", bin + "/psql", bin + "/pg_basebackup", "/usr/bin/openssl"],
                           packages: ["postgresql-15", "postgresql-client-15", "openssl"])

    private static func fromEnvironment() -> PostgresCluster? {
        let env = ProcessInfo.processInfo.environment
        guard let owner = env["WARDLINE_TEST_PG_URL"], let app = env["WARDLINE_TEST_PG_APP_URL"],
              let port = env["WARDLINE_TEST_PG_PORT"].flatMap(Int.init), let pass = env["PGPASSFILE"] else { return nil }
        return PostgresCluster(ownerURL: owner, appURL: app, port: port,
                               standbyPort: env["WARDLINE_TEST_PG_STANDBY_PORT"].flatMap(Int.init), passFile: pass, root: env["WARDLINE_TEST_PG_ROOT"],
                               caFile: env["WARDLINE_TEST_PG_CA"])
    }

    /// `.ci/pg-cluster start` into a folder of this process (a folder left by a crashed run is
    /// stopped and removed first), with a synchronous standby.
    private static func start() throws -> PostgresCluster {
        if getuid() == 0 {   // Debian must not create and start its own cluster on 5432 when it installs the server
            try? FileManager.default.createDirectory(atPath: "/etc/postgresql-common", withIntermediateDirectories: true)
            let conf = "/etc/postgresql-common/createcluster.conf"
            let text = (try? String(contentsOfFile: conf, encoding: .utf8)) ?? ""
            if !text.contains("create_main_cluster = false") { try? (text + "\ncreate_main_cluster = false\n").write(toFile: conf, atomically: true, encoding: .utf8) }
        }
        try SystemPackages.ensure(packages)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".ci/pg-cluster").path
        let system = FileManager.default.temporaryDirectory.path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: system)) ?? [] where name.hasPrefix("wardline-pg-tests-") {
            if let pid = Int32(name.dropFirst("wardline-pg-tests-".count)), kill(pid, 0) != 0, errno == ESRCH {
                _ = try? runProcess(URL(fileURLWithPath: script), ["stop", system + "/" + name], timeout: 60)
            }
        }
        let root = system + "/wardline-pg-tests-\(getpid())"
        let cluster = try startCluster(root)
        stopAtExit.withLock { $0 = root }
        atexit {
            guard let root = PostgresCluster.stopAtExit.withLock({ $0 }) else { return }
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".ci/pg-cluster")
            _ = try? runProcess(script, ["stop", root], timeout: 60)
        }
        return cluster
    }

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".ci/pg-cluster")
    }

    /// `.ci/pg-cluster start ROOT --standby`, read back from its env file.
    private static func startCluster(_ root: String) throws -> PostgresCluster {
        let r = try runProcess(script, ["start", root, "--standby"], timeout: 300)
        guard r.status == 0 else { throw Unavailable(description: ".ci/pg-cluster start failed (\(r.status)): \(r.stderr)") }
        // The env file is shell: export NAME='value' lines.
        var values: [String: String] = [:]
        let text = try String(contentsOfFile: root + "/env", encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("export ") {
            let kv = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            values[String(kv[0])] = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        guard let owner = values["WARDLINE_TEST_PG_URL"], let app = values["WARDLINE_TEST_PG_APP_URL"],
              let port = values["WARDLINE_TEST_PG_PORT"].flatMap(Int.init), let pass = values["PGPASSFILE"] else {
            throw Unavailable(description: "\(root)/env is missing a value: \(text)")
        }
        return PostgresCluster(ownerURL: owner, appURL: app, port: port,
                               standbyPort: values["WARDLINE_TEST_PG_STANDBY_PORT"].flatMap(Int.init), passFile: pass, root: root,
                               caFile: values["WARDLINE_TEST_PG_CA"])
    }

    /// A primary and a synchronous standby of this test's own (the failover test kills the primary:
    /// never the shared cluster). Stop it with `stopOwn()`.
    public static func startOwn() throws -> PostgresCluster {
        try SystemPackages.ensure(packages)
        return try startCluster(FileManager.default.temporaryDirectory.path + "/wardline-pg-failover-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }

    /// kill -9 of the primary's postmaster and backends: it dies mid-shift, without a shutdown.
    public func killPrimary() throws { try step("kill-primary") }
    /// The standby becomes the primary.
    public func promoteStandby() throws { try step("promote") }
    /// Stops both servers and removes their folder.
    public func stopOwn() { _ = try? step("stop") }

    private func step(_ command: String) throws {
        guard let root else { throw Unavailable(description: "this cluster's folder is not known") }
        let r = try runProcess(Self.script, [command, root], timeout: 120)
        guard r.status == 0 else { throw Unavailable(description: ".ci/pg-cluster \(command) failed: \(r.stderr)") }
    }
}

/// Where a test's ward lives: the store's tests and the end-to-end subset run against both (issue 18).
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres
    public var description: String { rawValue }
    /// Both, as the arguments of a test that runs on each.
    public static let both = allCases
}

/// A ward of its own in the test cluster: a fresh schema `ward_<code>`, created by the schema's
/// owner; the store then signs in as the terminals' role, as a ward's terminals do.
public struct PostgresTestWard: Sendable {
    public let cluster: PostgresCluster
    public let code: String

    public init() throws {
        cluster = try PostgresCluster.shared()
        setenv("PGPASSFILE", cluster.passFile, 1)   // the store and the programs a test starts read it as a terminal does
        code = "t" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// The ward's URL for the terminals' role (or the owner), with its audit key file.
    public func url(owner: Bool = false, keyFile: String) -> String {
        (owner ? cluster.ownerURL : cluster.appURL) + "?ward=\(code)&auditkey=\(keyFile)"
    }

    /// psql in the ward's schema as `user` (`wardline_app`, `wardline_owner` or `postgres`).
    public func psql(_ sql: String, as user: String = "wardline_app") throws -> ProcessResult {
        try runProcess(URL(fileURLWithPath: PostgresCluster.bin + "/psql"),
                       ["-h", "127.0.0.1", "-p", String(cluster.port), "-U", user, "-d", "wardline",
                        "-v", "ON_ERROR_STOP=1", "-Atq", "-c", "SET search_path = ward_\(code); " + sql],
                       environment: ProcessInfo.processInfo.environment.merging(cluster.environment) { $1 })
    }

    public func drop() { _ = try? cluster.psql("DROP SCHEMA IF EXISTS ward_\(code) CASCADE", as: "wardline_owner") }
}
