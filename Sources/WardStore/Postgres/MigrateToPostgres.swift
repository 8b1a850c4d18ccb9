import Foundation
import GRDB
import WardCore
import WardPostgres

/// What `wardline migrate` moved and found.
public struct MigrationReport: Sendable {
    /// Rows copied per table, in the order they were copied.
    public var tables: [(name: String, rows: Int)]
    /// The audit chain's head on both sides (they are the same event).
    public var headSeq: Int64
    public var headHash: String
    /// Tracked rows whose hash was compared on both sides.
    public var rowsCompared: Int
    /// Where the ward's audit key now is for the PostgreSQL ward.
    public var keyFile: String
}

/// Why a migration did not happen (nothing was written to the target) or did not verify.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case usage, source, target, copy, mismatch }
    public var kind: Kind
    public var description: String
    init(_ kind: Kind, _ text: String) { self.kind = kind; description = text }
}

extension Store {
    /// Moves a ward's whole record and audit chain from its SQLite file into a new PostgreSQL ward
    /// (`to`: the schema owner's URL with `ward=`), in one transaction, then verifies both sides: the
    /// chain on each checks intact with the same head, and every tracked row hashes the same. The
    /// source must check clean and the target must be empty; the ward's audit key goes with it
    /// (the chain is keyed with it). Ids, times and text are copied as they are, so the row hashes
    /// the events recorded still match.
    public static func migrate(from path: String, to url: String, group: String? = nil) throws(MigrationError) -> MigrationReport {
        guard !isPostgresLocation(path) else { throw MigrationError(.usage, "--from is the ward's SQLite file") }
        guard isPostgresLocation(url) else { throw MigrationError(.usage, "--to is the PostgreSQL ward: postgresql://OWNER@HOST/DB?ward=CODE") }
        let source: Store
        do { source = try Store.open(path: path, create: false) } catch { throw MigrationError(.source, error.message) }
        defer { try? source.close() }
        do {
            let report = try source.integrityReport()
            guard report.isClean else {
                throw MigrationError(.source, "\(path) does not check clean; `wardline check --db \(path)` lists what is wrong (a ward is moved only whole and intact)")
            }
        } catch let e as MigrationError { throw e } catch { throw MigrationError(.source, "\(path): \(error)") }

        do { _ = try installPostgres(url: url) } catch { throw MigrationError(.target, error.message) }
        let target: PostgresTarget, passwords: PGPass, ward: PostgresWard
        do {
            target = try PostgresTarget(url: url)
            passwords = try PGPass.load(file: target.passFile)
            ward = try PostgresWard(target: target, passwords: passwords, ward: target.ward ?? "")
        } catch { throw MigrationError(.target, "\(error)") }
        defer { ward.close() }
        let keyFile = target.auditKeyFile(ward: ward.ward)
        try carryKey(source.auditKey, to: keyFile, group: group)

        let copied: [(String, Int)]
        do {
            copied = try ward.withLink { link in try copy(source, into: ward, on: link) }
        } catch let e as MigrationError { throw e } catch { throw MigrationError(.copy, "nothing was moved: \(error)") }
        // A bulk load leaves the planner without statistics until autovacuum comes round: gather them
        // now, so the ward's first reads are planned on what is there (a failure here costs speed only).
        _ = try? ward.withLink { link in
            for (table, _) in copied where PostgresTarget.isWardCode(table) { try link.query("ANALYZE \(ward.schema).\(table)") }
        }

        // Both sides, as the terminals will read them.
        let moved: Store
        do { moved = try Store.open(path: url, create: false) } catch { throw MigrationError(.mismatch, "the copy cannot be opened: \(error.message)") }
        defer { try? moved.close() }
        do {
            let before = try source.auditVerify(), after = try moved.auditVerify()
            guard after.isIntact, before.headSeq == after.headSeq, before.headHash == after.headHash, let head = after.headSeq, let hash = after.headHash else {
                throw MigrationError(.mismatch, "the audit chain does not verify the same on both sides (source head \(before.headSeq ?? 0), target head \(after.headSeq ?? 0): \(after.firstBreak?.message ?? "different heads"))")
            }
            let a = try source.read { try rowHashes($0) }, b = try moved.read { try rowHashes($0) }
            guard a == b else {
                let tables = Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
                throw MigrationError(.mismatch, "rows differ between the two sides in: \(tables.joined(separator: ", "))")
            }
            return MigrationReport(tables: copied, headSeq: head, headHash: hash, rowsCompared: a.values.reduce(0) { $0 + $1.count }, keyFile: keyFile)
        } catch let e as MigrationError { throw e } catch { throw MigrationError(.mismatch, "\(error)") }
    }

    /// The ward's key where the PostgreSQL ward's terminals read it: written (0640, group) when
    /// absent; refused when a different key is already there.
    private static func carryKey(_ key: [UInt8], to file: String, group: String?) throws(MigrationError) {
        do {
            let there = try AuditKey.load(file)
            guard there == key else {
                throw MigrationError(.target, "\(file) holds another ward's audit key; name a new place with auditkey=PATH")
            }
        } catch let e as MigrationError {
            throw e
        } catch {
            guard case .missing = error as? AuditKey.Problem else { throw MigrationError(.target, "\(error)") }
            do { try AuditKey.write(key, to: file, gid: group.flatMap { getgrnam($0)?.pointee.gr_gid }) } catch {
                throw MigrationError(.target, error.description)
            }
        }
    }

    /// Every table of the source into the (empty) ward schema, parents before children, in one transaction.
    private static func copy(_ source: Store, into ward: PostgresWard, on link: PostgresLink) throws -> [(String, Int)] {
        try link.query("SET search_path = \(ward.schema)")
        try link.query("BEGIN")
        do {
            let used = try link.query("SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM audit_events)")
            guard used == [[.int(0)]] else {
                throw MigrationError(.target, "ward_\(ward.ward) already holds staff or events: a ward is moved only into an empty one")
            }
            let order = try copyOrder(source, on: link)
            var out: [(String, Int)] = []
            var amendments: [SQLRow] = []
            for table in order where table != "administration_amendments" {
                let pgColumns = try ward.columns(table, on: link).all
                var rows: [SQLRow] = []
                try source.read { tx in
                    try tx.forEachRow("SELECT rowid AS \"__rid\", * FROM \"\(table)\" ORDER BY rowid") { rows.append($0) }
                }
                if table == "administrations" {
                    amendments = try source.read { tx in try tx.rows("SELECT rowid AS \"__rid\", * FROM administration_amendments ORDER BY administration_id") }
                    // A dose voided and given again claims its slot's next generation, counted from the voids
                    // already there: each void goes in before the next dose is copied.
                    var pending = amendments[...]
                    for row in rows {
                        let id = row.integer("id") ?? 0
                        while let next = pending.first, (next.integer("administration_id") ?? 0) < id {
                            try insert([next], into: "administration_amendments", columns: try ward.columns("administration_amendments", on: link).all, on: link)
                            pending = pending.dropFirst()
                        }
                        try insert([row], into: table, columns: pgColumns, on: link)
                    }
                    try insert(Array(pending), into: "administration_amendments", columns: try ward.columns("administration_amendments", on: link).all, on: link)
                    out.append((table, rows.count))
                    out.append(("administration_amendments", amendments.count))
                    continue
                }
                try insert(rows, into: table, columns: pgColumns, on: link)
                out.append((table, rows.count))
            }
            // New rows continue after the copied ones.
            for row in try link.query("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = $1 AND is_identity = 'YES' ORDER BY table_name
                """, [.text(ward.schema)]) {
                guard case .text(let t) = row[0], case .text(let c) = row[1] else { continue }
                try link.query("SELECT setval(pg_get_serial_sequence('\(ward.schema).\(t)', '\(c)'), coalesce((SELECT max(\(c)) FROM \(t)), 0) + 1, false)")
            }
            try link.query("COMMIT")
            return out
        } catch {
            if !link.isClosed { _ = try? link.query("ROLLBACK") }
            throw error
        }
    }

    /// The source's tables, each after every table it references (PostgreSQL's foreign keys say which).
    private static func copyOrder(_ source: Store, on link: PostgresLink) throws -> [String] {
        let tables = try source.read { tx in
            try tx.scalars(String.self, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name")
        }
        var parents: [String: Set<String>] = [:]
        for row in try link.query("""
            SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            """) {
            guard case .text(let child) = row[0], case .text(let parent) = row[1], child != parent else { continue }
            parents[child, default: []].insert(parent)
        }
        var done: [String] = [], left = tables
        while !left.isEmpty {
            guard let next = left.first(where: { (parents[$0] ?? []).allSatisfy { done.contains($0) || !tables.contains($0) } }) else {
                throw MigrationError(.copy, "the tables' references go round in a circle: \(left)")
            }
            done.append(next); left.removeAll { $0 == next }
        }
        return done
    }

    /// Inserts rows as they are: every SQLite column by name, and a table's SQLite rowid into its
    /// explicit `rowid` column where PostgreSQL has one. Many rows per statement.
    private static func insert(_ rows: [SQLRow], into table: String, columns: [String], on link: PostgresLink) throws {
        guard let first = rows.first else { return }
        let names = first.names.filter { $0 != "__rid" && columns.contains($0) } + (columns.contains("rowid") ? ["rowid"] : [])
        let perStatement = max(1, min(500, 60_000 / max(1, names.count)))
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            var values: [PostgresValue] = [], tuples: [String] = []
            for row in chunk {
                var marks: [String] = []
                for name in names {
                    values.append((name == "rowid" ? row.value("__rid") : row.value(name)).postgres)
                    marks.append("$\(values.count)")
                }
                tuples.append("(" + marks.joined(separator: ", ") + ")")
            }
            let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
            try link.query("INSERT INTO \(table) (\(list)) VALUES " + tuples.joined(separator: ", "), values)
            start += chunk.count
        }
    }

    /// Per tracked table, each row's hash by the number that names it.
    private static func rowHashes(_ tx: any SQLTx) throws -> [String: [Int64: String]] {
        var out: [String: [Int64: String]] = [:]
        for table in try tx.trackedTables() {
            var rows: [Int64: String] = [:]
            try tx.forEachHashedRow(table, rid: nil) { rid, row in rows[rid] = AuditRows.hash(table: table, rid: rid, row: row) }
            out[table] = rows
        }
        return out
    }
}
