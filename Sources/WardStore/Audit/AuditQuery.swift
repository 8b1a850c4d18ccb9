import Foundation
import GRDB

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
        var clauses: [String] = [], args: [any DatabaseValueConvertible] = []
        if let m = filter.patientMRN { clauses.append("patient_mrn = ?"); args.append(m) }
        if let s = filter.staffID { clauses.append("actor = ? COLLATE NOCASE"); args.append(s) }
        if let d = filter.since { clauses.append("at >= ?"); args.append(Timestamp.text(d)) }
        clauses.append(RowChecks.readable("audit_events", as: "audit_events"))
        let whereSQL = "WHERE " + clauses.joined(separator: " AND ")
        return try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_events \(whereSQL) ORDER BY seq",
                             arguments: StatementArguments(args)).map(AuditEvent.init(row:))
        }
    }
}
