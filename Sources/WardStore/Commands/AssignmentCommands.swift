import Foundation
import WardCore

extension Store {
    /// Assigns a nurse (nil = nobody) to a bed for the shift in force now
    /// (the protocol's shift pattern, ward local time). Charge nurse only.
    public func assignNurse(bed: String, staff: StaffKey?, protocol ward: WardProtocol, session: Session,
                            calendar: Calendar = .wardDefault) throws(CommandRefusal) {
        try command("assignment.set", .assignNurse, session: session) { db, actor, now in
            guard let shift = ward.shifts.instance(at: now, calendar: calendar) else {
                throw CommandRefusal(.invalid, "No shift in the ward protocol covers \(Timestamp.text(now)); ask the clinical lead to fix [shifts].")
            }
            guard try db.scalar(Bool.self, "SELECT EXISTS (SELECT 1 FROM beds WHERE label = ?)", [bed]) == true else {
                throw CommandRefusal(.invalid, "There is no bed \(InputText.visible(bed)) on this ward.")
            }
            var who: String? = nil
            if let staff {
                guard let row = try db.row("SELECT staff_id, name, role, disabled FROM staff WHERE id = ?", [staff]) else {
                    throw CommandRefusal(.notFound, "Staff member #\(staff) is not on record.")
                }
                guard (row["disabled"] as Int) == 0 else {
                    throw CommandRefusal(.invalid, "\(InputText.visible(row.text("name") ?? "?")) is disabled and cannot be assigned.")
                }
                let role = StaffRole(rawValue: row["role"])
                guard role == .nurse || role == .chargeNurse || role == .studentNurse else {
                    throw CommandRefusal(.invalid, "Only nurses can be assigned to beds; \(InputText.visible(row.text("name") ?? "?")) is \(role?.withArticle ?? "of an unknown role").")
                }
                who = row["staff_id"]
            }
            try db.execute("""
                INSERT INTO nurse_assignments(bed, staff, shift, shift_start, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?, ?)
                """, [bed, staff, shift.name, Timestamp.text(shift.start), Timestamp.text(now), actor.key])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "assignment.set",
                                  details: ["bed": .string(bed), "nurse": JSONValue.opt(who), "shift": .string(shift.name),
                                            "shiftStart": .string(Timestamp.text(shift.start))])
        }
    }

    /// Moves an admitted patient to an empty bed (the placement history keeps the old one).
    public func transfer(patientID: PatientID, toBed bed: String, session: Session) throws(CommandRefusal) {
        try assignBed(patientID: patientID, bed: bed, session: session)
    }

    /// The assignments of the shift that started at `shiftStart`: newest per bed, unassigned beds left out.
    static func loadAssignments(_ db: any SQLTx, shiftStart: Date) throws -> [BedAssignment] {
        try db.rows("""
            SELECT n.bed, n.staff, s.staff_id, s.name, n.shift, n.shift_start, n.assigned_at
            FROM nurse_assignments n JOIN staff s ON s.id = n.staff
            WHERE n.id IN (SELECT max(id) FROM nurse_assignments WHERE shift_start = ? GROUP BY bed)
            ORDER BY n.bed
            """, [Timestamp.text(shiftStart)]).compactMap { r in
            guard let start = Timestamp.date(r["shift_start"]), let at = Timestamp.date(r["assigned_at"]) else { return nil }
            return BedAssignment(bed: r["bed"], staff: r["staff"], staffID: r["staff_id"], staffName: r["name"],
                                 shift: r["shift"], shiftStart: start, assignedAt: at)
        }
    }

    static func loadAssignableStaff(_ db: any SQLTx) throws -> [StaffMember] {
        try db.rows("""
            SELECT id, staff_id, name, role FROM staff
            WHERE disabled = 0 AND role IN ('nurse','charge-nurse','student-nurse') ORDER BY name
            """).compactMap { r in
            StaffRole(rawValue: r["role"]).map { StaffMember(id: r["id"], staffID: r["staff_id"], name: r["name"], role: $0) }
        }
    }
}
