import Foundation

/// Which audit events to show; all given conditions must hold.
public struct AuditFilter: Sendable, Hashable {
    public var patientMRN: String?
    public var staffID: String?
    public var since: Date?
    public init(patientMRN: String? = nil, staffID: String? = nil, since: Date? = nil) {
        self.patientMRN = patientMRN; self.staffID = staffID; self.since = since
    }
}

extension Store {
    /// Audit events matching `filter`, oldest first.
    public func auditEvents(filter: AuditFilter = AuditFilter()) throws -> [AuditEvent] {
        var clauses: [String] = [], args: [SQLValue] = []
        if let m = filter.patientMRN { clauses.append("patient_mrn = ?"); args.append(.text(m)) }
        if let s = filter.staffID { clauses.append("actor = ? COLLATE \(isPostgres ? "nocase" : "NOCASE")"); args.append(.text(s)) }
        if let d = filter.since { clauses.append("at >= ?"); args.append(.text(Timestamp.text(d))) }
        return try read { db in
            let whereSQL = "WHERE " + (clauses + [RowChecks.readable("audit_events", as: "audit_events", db.dialect)]).joined(separator: " AND ")
            return try db.rows("SELECT * FROM audit_events \(whereSQL) ORDER BY seq", SQLArguments(args)).map(AuditEvent.init(row:))
        }
    }
}
