import Foundation

/// Wards of a hospital of the test's own in the test cluster (issue 19): random codes, each with a
/// login role of its own made by the superuser (as a DBA does), and a pgpass file of the test's that
/// holds the cluster's passwords and these roles'. `drop()` takes the wards out of the register and
/// drops their schemas; the roles stay (the cluster is thrown away), so that a ward another test is
/// installing at the same moment never grants to a role that has just gone.
public struct PostgresTestHospital: Sendable {
    public let cluster: PostgresCluster
    public let folder: String
    public let passFile: String
    /// The codes made, by the name the test gave them ("a", "b", "site").
    public let codes: [String: String]

    public init(_ names: [String]) throws {
        cluster = try PostgresCluster.shared()
        folder = TemporaryFolders.make("hospital").path
        passFile = folder + "/pgpass"
        var codes: [String: String] = [:]
        var lines = try String(contentsOfFile: cluster.passFile, encoding: .utf8)
        for name in names {
            let code = "h" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            codes[name] = code
            let password = String(UInt64.random(in: 0...UInt64.max), radix: 36) + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            try cluster.psql("CREATE ROLE \(Self.role(code)) LOGIN PASSWORD '\(password)'")
            lines += "\n127.0.0.1:*:*:\(Self.role(code)):\(password)\n"
        }
        self.codes = codes
        FileManager.default.createFile(atPath: passFile, contents: Data(lines.utf8), attributes: [.posixPermissions: 0o600])
    }

    /// The role made for a ward code (the test passes it to `ward add --app-role`).
    public static func role(_ code: String) -> String { "wl_role_" + code }
    public func code(_ name: String) -> String { codes[name]! }
    public func role(_ name: String) -> String { Self.role(code(name)) }

    /// The database as the wards' owner (for `ward add`, `ward list`), with this pgpass file.
    public var ownerURL: String { cluster.ownerURL + "?passfile=\(passFile)" }
    /// A ward as its owner (`ward book`).
    public func ownerURL(_ name: String) -> String { cluster.ownerURL + "?ward=\(code(name))&passfile=\(passFile)&auditkey=\(keyFile(name))" }
    /// The ward `ward` opened with the role of `as` (its own by default): the terminals' URL.
    public func url(_ ward: String, as role: String? = nil) -> String {
        let r = Self.role(code(role ?? ward))
        return cluster.ownerURL.replacingOccurrences(of: "wardline_owner@", with: "\(r)@")
            + "?ward=\(code(ward))&passfile=\(passFile)&auditkey=\(keyFile(ward))"
    }
    public func keyFile(_ name: String) -> String { folder + "/\(code(name)).audit-key" }
    public var environment: [String: String] { ["PGPASSFILE": passFile] }

    /// psql as `role` (a role name) on the primary, with this pgpass file.
    public func psql(_ sql: String, as role: String) throws -> ProcessResult {
        try runProcess(URL(fileURLWithPath: PostgresCluster.bin + "/psql"),
                       ["-h", "127.0.0.1", "-p", String(cluster.port), "-U", role, "-d", "wardline", "-v", "ON_ERROR_STOP=1", "-Atq", "-c", sql],
                       environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    public func drop() {
        let list = codes.values.map { "'\($0)'" }.joined(separator: ",")
        let schemas = codes.values.map { "ward_\($0)" }.joined(separator: ", ")
        _ = try? cluster.psql("""
            SELECT pg_advisory_xact_lock(hashtext('wardline.hospital')); SET LOCAL session_replication_role = replica; \
            DO $$ BEGIN IF to_regclass('hospital.transfers') IS NOT NULL THEN \
                DELETE FROM hospital.transfer_arrivals a USING hospital.transfers t WHERE t.id = a.transfer_id \
                    AND (t.from_ward IN (\(list)) OR t.to_ward IN (\(list))); \
                DELETE FROM hospital.transfers WHERE from_ward IN (\(list)) OR to_ward IN (\(list)); END IF; END $$; \
            DELETE FROM hospital.wards WHERE code IN (\(list)); \
            DROP SCHEMA IF EXISTS \(schemas) CASCADE
            """)
        try? FileManager.default.removeItem(atPath: folder)
    }
}
