import Foundation
import WardCore

/// What each table's rows must hold for the program to read them: the one
/// place that says so. Each check is an SQL expression that is NULL for a
/// readable row and names what is wrong otherwise. The loaders leave out rows
/// that fail it and list them in the snapshot as "unreadable entry #N
/// (table, reason)" beside their patient; `wardline check` lists every one.
/// So a byte written by hand can neither crash a terminal nor hide silently.
enum RowChecks {
    enum Column {
        case int(String), intOrNull(String)
        case text(String), textOrNull(String)
        /// A time the program can read (`label` names it in the reason).
        case time(String, label: String), timeOrNull(String, label: String)
        /// A calendar date (YYYY-MM-DD).
        case date(String, label: String)
        /// A number of mg the record, the screens and the printouts can carry (not a clinical limit).
        case mg(String, label: String), mgOrNull(String, label: String)
        case real(String)

        /// The condition that makes the row unreadable, and why; nil when the database itself rules it
        /// out (PostgreSQL: the column's type, and the CHECK on every time and date column).
        func reason(_ t: String, _ d: SQLDialect) -> (String, String)? {
            if d == .postgres {
                switch self {
                case .mg(let c, let l): return ("NOT (\(t).\(c) BETWEEN 0 AND \(RowChecks.maxMg))", "\(l) is not a number the record can carry")
                case .mgOrNull(let c, let l): return ("\(t).\(c) IS NOT NULL AND NOT (\(t).\(c) BETWEEN 0 AND \(RowChecks.maxMg))",
                                                      "\(l) is not a number the record can carry")
                case .real(let c): return ("abs(\(t).\(c)) > 1e9", "\(c) is not a number the record can carry")
                case .int, .intOrNull, .text, .textOrNull, .time, .timeOrNull, .date: return nil
                }
            }
            return switch self {
            case .int(let c): ("typeof(\(t).\(c)) != 'integer'", "\(c) is not a whole number")
            case .intOrNull(let c): ("typeof(\(t).\(c)) NOT IN ('integer', 'null')", "\(c) is not a whole number")
            case .text(let c): ("typeof(\(t).\(c)) != 'text'", "\(c) is not text")
            case .textOrNull(let c): ("typeof(\(t).\(c)) NOT IN ('text', 'null')", "\(c) is not text")
            case .time(let c, let l): ("NOT \(RowChecks.isTime("\(t).\(c)", d))", "\(l) unreadable")
            case .timeOrNull(let c, let l): ("\(t).\(c) IS NOT NULL AND NOT \(RowChecks.isTime("\(t).\(c)", d))", "\(l) unreadable")
            case .date(let c, let l): ("NOT \(RowChecks.isDate("\(t).\(c)", d))", "\(l) unreadable")
            case .mg(let c, let l): ("typeof(\(t).\(c)) NOT IN ('real', 'integer') OR NOT (\(t).\(c) BETWEEN 0 AND \(RowChecks.maxMg))",
                                     "\(l) is not a number the record can carry")
            case .mgOrNull(let c, let l): ("\(t).\(c) IS NOT NULL AND (typeof(\(t).\(c)) NOT IN ('real', 'integer') OR NOT (\(t).\(c) BETWEEN 0 AND \(RowChecks.maxMg)))",
                                           "\(l) is not a number the record can carry")
            case .real(let c): ("typeof(\(t).\(c)) NOT IN ('real', 'integer') OR abs(\(t).\(c)) > 1e9", "\(c) is not a number the record can carry")
            }
        }
    }

    /// SQL: `expr` is a time as the store writes it (`Timestamp`: YYYY-MM-DDTHH:MM:SS.sssZ) and a real one.
    /// (PostgreSQL's time columns CHECK exactly that: a value there is one.)
    static func isTime(_ expr: String, _ d: SQLDialect) -> String {
        if d == .postgres { return "(\(expr) IS NOT NULL)" }
        return "(typeof(\(expr)) = 'text' AND \(expr) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND julianday(\(expr)) IS NOT NULL)"
    }

    /// SQL: `expr` is a calendar date YYYY-MM-DD and a real one.
    static func isDate(_ expr: String, _ d: SQLDialect) -> String {
        if d == .postgres { return "(\(expr) IS NOT NULL)" }
        return "(typeof(\(expr)) = 'text' AND \(expr) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(\(expr)) = \(expr))"
    }

    /// SQL: a staff member's name as joined into a loader's row, or a stand-in that says it is unreadable.
    static func staffName(_ alias: String, _ d: SQLDialect) -> String {
        if d == .postgres { return "\(alias).name" }
        return "(CASE WHEN typeof(\(alias).name) = 'text' THEN \(alias).name WHEN \(alias).id IS NULL THEN NULL ELSE 'unreadable staff #' || \(alias).id END)"
    }

    /// SQL: `expr` holds a value of SQLite's storage class `type` ("text", "integer"); on PostgreSQL
    /// the column's type says so.
    static func isType(_ expr: String, _ type: String, _ d: SQLDialect) -> String {
        d == .postgres ? "true" : "typeof(\(expr)) = '\(type)'"
    }

    /// The largest mg a record can carry (the record's format, far above any dose).
    static let maxMg = 1_000_000

    static let entryStamp: [Column] = [.int("id"), .int("patient_id"), .int("recorded_by"), .intOrNull("supersedes"),
                                       .textOrNull("amend_reason"), .int("entered_in_error")]

    /// Per table, the columns the loaders read (and how).
    static let tables: [String: [Column]] = [
        "patients": [.int("id"), .text("mrn"), .text("name"), .date("date_of_birth", label: "date of birth"), .text("sex"),
                     .time("admitted_at", label: "admission time"), .textOrNull("substances"), .textOrNull("allergies"),
                     .textOrNull("risk_flags"), .int("seizure_history"), .int("spo2_scale2")],
        "assessments": [.text("scale"), .text("items"), .int("total"), .text("band"), .time("taken_at", label: "time")] + entryStamp,
        "vital_signs": [.int("respiration_rate"), .int("spo2"), .int("on_oxygen"), .int("systolic"), .intOrNull("diastolic"),
                        .int("pulse"), .text("acvpu"), .real("temperature"), .int("scale2"), .time("taken_at", label: "time")] + entryStamp,
        "sedation_scores": [.text("scale"), .text("value"), .time("taken_at", label: "time")] + entryStamp,
        "monitoring_exceptions": [.text("kind"), .text("reason"), .textOrNull("note"), .time("recheck_at", label: "recheck time"),
                                  .time("taken_at", label: "time")] + entryStamp,
        "administrations": [.int("id"), .int("patient_id"), .int("order_id"), .int("order_version"), .int("is_prn"),
                            .timeOrNull("scheduled_for", label: "scheduled time"), .text("status"), .text("drug"),
                            .mg("mg", label: "dose (mg)"), .text("route"), .time("at", label: "time"), .int("recorded_by"),
                            .textOrNull("reason"), .textOrNull("note"), .intOrNull("witness"), .intOrNull("observation_id"),
                            .mgOrNull("wasted_mg", label: "wasted (mg)")],
        "med_order_versions": [.int("id"), .int("order_id"), .int("version"), .text("terms"), .textOrNull("reason"),
                               .int("written_by"), .time("written_at", label: "time written")],
        "prn_followups": [.int("id"), .int("administration_id"), .int("patient_id"), .time("due_at", label: "due time")],
        "dose_overrides": [.int("id"), .int("administration_id"), .int("patient_id"), .int("prescriber"), .text("instruction"),
                           .text("reason"), .textOrNull("rules"), .time("recorded_at", label: "time")],
        "clinical_events": [.int("id"), .int("patient_id"), .text("kind"), .text("note"), .time("taken_at", label: "time"),
                            .int("recorded_by")],
        "staff": [.int("id"), .text("staff_id"), .text("name"), .text("role"), .int("disabled")],
        "audit_events": [.time("at", label: "time"), .text("actor"), .text("terminal"), .text("action"),
                         .textOrNull("patient_mrn"), .text("details")],
    ]

    /// SQL for the row's patient (row alias `t`), where it has one.
    static func patientColumn(_ table: String) -> String? {
        switch table {
        case "patients": "t.id"
        case "staff", "audit_events": nil
        case "med_order_versions": "(SELECT patient_id FROM med_orders WHERE id = t.order_id)"
        default: "t.patient_id"
        }
    }

    static func key(_ table: String) -> String { table == "audit_events" ? "seq" : "id" }

    /// The CASE expression for `table` as aliased `alias`: NULL when readable.
    static func problem(_ table: String, as alias: String, _ d: SQLDialect) -> String {
        let cases = (tables[table] ?? []).compactMap { c -> String? in
            guard let (cond, why) = c.reason(alias, d) else { return nil }
            return "WHEN \(cond) THEN '\(why.replacingOccurrences(of: "'", with: "''"))'"
        }
        return cases.isEmpty ? "NULL" : "(CASE \(cases.joined(separator: " ")) END)"
    }

    /// `AND <readable>` for a loader's WHERE clause.
    static func readable(_ table: String, as alias: String, _ d: SQLDialect) -> String { "\(problem(table, as: alias, d)) IS NULL" }

    /// Every unreadable row of the tracked tables (for `patientScope`: rows of those patients only).
    static func unreadable(_ db: any SQLTx, patientScope: String? = nil) throws -> [UnreadableEntry] {
        var out: [UnreadableEntry] = []
        for table in tables.keys.sorted() {
            let pc = patientColumn(table)
            if patientScope != nil && pc == nil { continue }
            // The patient scope first, so an index on the patient narrows the rows before each is checked
            // (an order version reaches its patient through its order).
            let scope = patientScope.map { s in
                table == "med_order_versions" ? "t.order_id IN (SELECT id FROM med_orders WHERE patient_id IN (\(s))) AND "
                                              : "\(pc!) IN (\(s)) AND "
            } ?? ""
            let sql = """
                SELECT t.\(key(table)) AS id, \(pc ?? "NULL") AS patient, \(problem(table, as: "t", db.dialect)) AS why
                FROM \(table) t WHERE \(scope)\(problem(table, as: "t", db.dialect)) IS NOT NULL ORDER BY t.\(key(table))
                """
            for r in try db.rows(sql) {
                out.append(UnreadableEntry(table: table, id: r.integer("id") ?? 0, patientID: r.integer("patient"), reason: r["why"]))
            }
        }
        return out
    }
}

extension WardSnapshot {
    /// Lists a row a loader could not turn into its entry (a value no check in `RowChecks` covers).
    mutating func unreadable(_ row: SQLRow, _ table: String, _ reason: String) {
        unreadable.append(UnreadableEntry(table: table, id: row.integer("id") ?? 0, patientID: row.integer("patient_id"), reason: reason))
    }
}
