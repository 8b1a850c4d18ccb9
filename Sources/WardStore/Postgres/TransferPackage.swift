import Foundation
import WardCore
import WardPostgres

/// A patient's whole record as it leaves a ward (issue 19): every row of the ward's schema that
/// belongs to the patient — found by following the schema's own foreign keys from the patient's
/// row — as PostgreSQL's JSON of the row, and the staff who wrote them. The receiving ward puts
/// the rows back through `json_populate_record` into its own tables of the same schema version,
/// with new numbers, so every rule of the receiving ward (dose limits counting the doses given on
/// the sending ward, overdue checks, alerts, handover) works on the carried record unchanged.
struct TransferPackage: Codable, Sendable {
    static let format = 1

    var format: Int
    var ward: String
    var schemaVersion: Int
    /// The `patients` row.
    var patient: String
    /// Carried into the receiving ward's tables, parents before children.
    var tables: [Table]
    /// Kept with the transfer for the record, not re-entered: the sending ward's alert log (the
    /// receiving ward's own terminals raise the alerts again from the carried entries, to be
    /// acknowledged there).
    var history: [Table]
    var staff: [Author]

    struct Table: Codable, Sendable {
        var name: String
        var rows: [String]
    }

    struct Author: Codable, Sendable {
        var id: Int64
        var staffID: String
        var name: String
        var role: String
    }

    /// Rows that stay with the ward: where the patient lay and who nursed which bed, the discharge the
    /// transfer itself writes, the ward's own chain, configuration and bookkeeping.
    static let stays: Set<String> = ["placements", "discharges", "nurse_assignments", "audit_events", "staff", "beds",
                                     "settings", "signin_throttle", "patients"]
    /// The sending ward's alert log: carried for the record only (see `history`).
    static let historyOnly: Set<String> = ["alert_episodes", "alert_acknowledgements", "alert_escalations", "alert_clearances"]
    /// References the schema does not declare as foreign keys: (table, column) → the table named.
    static let undeclared: [String: [(column: String, table: String)]] = ["administrations": [("observation_id", "sedation_scores")]]

    /// Each table's single-column foreign keys in the current schema: column → referenced table,
    /// plus the undeclared ones.
    static func references(_ db: any SQLTx) throws -> [String: [(column: String, table: String)]] {
        var out: [String: [(column: String, table: String)]] = [:]
        for row in try db.rows("""
            SELECT cl.relname AS tbl, a.attname AS col, rf.relname AS ref
            FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rf ON rf.oid = c.confrelid
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND cardinality(c.conkey) = 1
            ORDER BY 1, 2
            """) {
            guard let t = row.text("tbl"), let c = row.text("col"), let r = row.text("ref") else { continue }
            out[t, default: []].append((c, r))
        }
        for (t, refs) in undeclared { out[t, default: []] += refs }
        return out
    }

    /// The tables to look in, each after every table it references.
    static func tableOrder(_ db: any SQLTx, _ refs: [String: [(column: String, table: String)]]) throws -> [String] {
        let extra = PostgresSchema.extraTables
        let all = try db.scalars(String.self, """
            SELECT table_name::text FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1
            """).filter { !stays.contains($0) && !extra.contains($0) }
        var done: [String] = [], left = all
        while !left.isEmpty {
            guard let next = left.first(where: { t in
                (refs[t] ?? []).allSatisfy { $0.table == t || done.contains($0.table) || !left.contains($0.table) }
            }) else {
                throw CommandRefusal(.storage, "Not sent: the ward's tables refer to each other in a circle (\(left.joined(separator: ", "))); ask ward IT.")
            }
            done.append(next); left.removeAll { $0 == next }
        }
        return done
    }

    /// The patient's rows of the ward the transaction is on.
    static func collect(_ db: any SQLTx, patient: PatientID, ward: String, schemaVersion: Int) throws -> TransferPackage {
        guard let patientRow = try db.scalar(String.self, "SELECT row_to_json(p)::text FROM patients p WHERE id = ?", [patient]) else {
            throw CommandRefusal(.notFound, "Patient #\(patient) is not on record.")
        }
        let refs = try references(db)
        var ids: [String: [Int64]] = ["patients": [patient]]
        var staff: Set<Int64> = []
        var tables: [Table] = [], history: [Table] = []
        staff.formUnion(try staffIDs(in: patientRow, refs["patients"] ?? []))
        for table in try tableOrder(db, refs) {
            let anchors = (refs[table] ?? []).filter { $0.table != table && $0.table != "staff" && ids[$0.table] != nil }
            guard !anchors.isEmpty else {
                // A table that does not lead back to the patient holds nothing of theirs.
                continue
            }
            for r in refs[table] ?? [] where r.table != "staff" && r.table != table && stays.contains(r.table) && r.table != "patients" {
                throw CommandRefusal(.storage, "Not sent: \(table).\(r.column) refers to \(r.table), which stays with the ward; ask ward IT (a transfer cannot carry it).")
            }
            let condition: String = anchors.map { a -> String in
                let list: String = (ids[a.table] ?? []).map { String($0) }.joined(separator: ",")
                return list.isEmpty ? "false" : "\"" + a.column + "\" IN (" + list + ")"
            }.joined(separator: " OR ")
            let columns = try db.columnNames(table)
            let hasID = columns.contains("id")
            let order = hasID ? "id" : "\"\(columns[0])\""
            var rows: [String] = [], rowIDs: [Int64] = []
            try db.forEachRow("SELECT row_to_json(t)::text AS j\(hasID ? ", t.id" : "") FROM \"\(table)\" t WHERE \(condition) ORDER BY \(order)") { r in
                guard let j = r.text("j") else { return }
                rows.append(j)
                if hasID, let id = r.integer("id") { rowIDs.append(id) }
            }
            ids[table] = rowIDs
            for row in rows { staff.formUnion(try staffIDs(in: row, refs[table] ?? [])) }
            if historyOnly.contains(table) { history.append(Table(name: table, rows: rows)) } else { tables.append(Table(name: table, rows: rows)) }
        }
        var authors: [Author] = []
        if !staff.isEmpty {
            let list = staff.sorted().map(String.init).joined(separator: ",")
            for r in try db.rows("SELECT id, staff_id, name, role FROM staff WHERE id IN (\(list)) ORDER BY id") {
                guard let id = r.integer("id"), let sid = r.text("staff_id"), let name = r.text("name"), let role = r.text("role") else { continue }
                authors.append(Author(id: id, staffID: sid, name: name, role: role))
            }
        }
        return TransferPackage(format: format, ward: ward, schemaVersion: schemaVersion, patient: patientRow,
                               tables: tables, history: history, staff: authors)
    }

    /// The staff numbers a row names.
    private static func staffIDs(in row: String, _ refs: [(column: String, table: String)]) throws -> [Int64] {
        let numbers = try integers(row)
        return refs.filter { $0.table == "staff" }.compactMap { numbers[$0.column] }
    }

    /// The whole-number values of a row's JSON, by column (`true`, `1.5`, text and null are not whole numbers).
    static func integers(_ json: String) throws -> [String: Int64] {
        do {
            return try JSONDecoder().decode([String: WholeNumber].self, from: Data(json.utf8)).compactMapValues(\.value)
        } catch {
            throw CommandRefusal(.storage, "A row of the transfer cannot be read (\(error)); nothing was changed.")
        }
    }

    private struct WholeNumber: Decodable {
        var value: Int64?
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            value = c.decodeNil() ? nil : try? c.decode(Int64.self)
        }
    }

    var encoded: String {
        get throws { String(decoding: try JSONEncoder.sorted.encode(self), as: UTF8.self) }
    }

    static func decode(_ text: String) throws(CommandRefusal) -> TransferPackage {
        do {
            let p = try JSONDecoder().decode(TransferPackage.self, from: Data(text.utf8))
            guard p.format == format else { throw CommandRefusal(.invalid, "The transfer was written in format \(p.format); this Wardline reads format \(format). Upgrade the older ward first.") }
            return p
        } catch let e as CommandRefusal { throw e } catch {
            throw CommandRefusal(.storage, "The transfer's record cannot be read (\(error)); nothing was admitted. Ward IT: compare hospital.transfers with the sending ward's audit.")
        }
    }

    /// SHA-256 of the package text (hex): both wards' audit events name it.
    static func digest(_ text: String) -> String { Sodium.hex(Sodium.sha256(Array(text.utf8))) }
}
