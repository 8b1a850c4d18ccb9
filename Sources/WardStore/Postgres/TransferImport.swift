import Foundation
import WardCore

/// Enters a carried record into the receiving ward's tables (issue 19), in the caller's
/// transaction: the patient, then each table's rows in the order they were carried, each row
/// through `json_populate_record` of the table's own row type, with every reference to another
/// carried row renumbered and every author mapped to this ward's staff row of the same staff ID
/// (made, disabled, for an author this ward does not have: the entry keeps its author's name and ID,
/// and that person cannot sign in here by it). Every row is captured by this ward's audit event.
enum TransferImport {
    struct Result {
        var patient: PatientID
        var orders: [OrderID]
        var carried: [String: Int]
    }

    static func run(_ db: any SQLTx, _ package: TransferPackage, ward: String, actor: Actor, now: Date) throws -> Result {
        let refs = try TransferPackage.references(db)
        let staff = try authors(db, package, ward: ward, now: now)
        var numbers: [String: [Int64: Int64]] = [:]
        guard let patient = try insert(db, "patients", package.patient, refs, staff, &numbers) else {
            throw CommandRefusal(.storage, "The carried patient row could not be entered; nothing was admitted.")
        }
        var carried: [String: Int] = [:]
        // A voided dose's void goes in straight after it, so that a dose given again after the void
        // claims the slot's next generation exactly as it did on the sending ward.
        let voids = package.tables.first { $0.name == "administration_amendments" }?.rows ?? []
        var voidsByDose: [Int64: [String]] = [:]
        for v in voids {
            if let dose = try TransferPackage.integers(v)["administration_id"] { voidsByDose[dose, default: []].append(v) }
        }
        for table in package.tables where table.name != "administration_amendments" {
            for row in table.rows {
                let old = try TransferPackage.integers(row)["id"]
                _ = try insert(db, table.name, row, refs, staff, &numbers)
                carried[table.name, default: 0] += 1
                if table.name == "administrations", let old {
                    for v in voidsByDose[old] ?? [] {
                        _ = try insert(db, "administration_amendments", v, refs, staff, &numbers)
                        carried["administration_amendments", default: 0] += 1
                    }
                }
            }
        }
        let orders = (numbers["med_orders"] ?? [:]).values.sorted()
        return Result(patient: patient, orders: orders, carried: carried)
    }

    /// This ward's staff row for each author: the one with the same staff ID (the hospital's staff
    /// IDs name one person), else a new disabled row with an unusable PIN.
    private static func authors(_ db: any SQLTx, _ package: TransferPackage, ward: String, now: Date) throws -> [Int64: Int64] {
        var out: [Int64: Int64] = [:]
        var unusable: String? = nil
        for a in package.staff {
            if let here = try db.row("SELECT id, name FROM staff WHERE staff_id = ?", [a.staffID]), let id = here.integer("id") {
                guard here.text("name") == a.name else {
                    throw CommandRefusal(.conflict, "Staff ID \(a.staffID) is \(InputText.visible(here.text("name") ?? "?")) on this ward but \(InputText.visible(a.name)) on \(InputText.visible(ward)): one staff ID must name one person across the hospital; ask ward IT. Nothing was admitted.")
                }
                out[a.id] = id
                continue
            }
            if unusable == nil {
                // No one knows this secret: the row can never be signed in with.
                let secret = Sodium.hex((0..<4).flatMap { _ in withUnsafeBytes(of: UInt64.random(in: .min ... .max)) { Array($0) } })
                guard let h = SecretHasher.hash(secret) else { throw CommandRefusal(.storage, "Could not make a staff row for the carried record's authors.") }
                unusable = h
            }
            out[a.id] = try db.insert("INSERT INTO staff(staff_id, name, role, disabled, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                      [a.staffID, a.name, a.role, true, unusable!, Timestamp.text(now)])
        }
        return out
    }

    /// One carried row into `table`, renumbered; its new number (nil for a table without one).
    private static func insert(_ db: any SQLTx, _ table: String, _ row: String, _ refs: [String: [(column: String, table: String)]],
                               _ staff: [Int64: Int64], _ numbers: inout [String: [Int64: Int64]]) throws -> Int64? {
        let object = try TransferPackage.integers(row)
        var changed: [String: Int64] = [:]
        for r in refs[table] ?? [] {
            guard let old = object[r.column] else { continue }
            let new = r.table == "staff" ? staff[old] : numbers[r.table]?[old]
            guard let new else {
                throw CommandRefusal(.storage, "The carried record's \(table).\(r.column) names a \(r.table) row it did not carry; nothing was admitted. Ward IT: wardline check on the sending ward.")
            }
            changed[r.column] = new
        }
        let columns = try db.columnNames(table)
        let hasID = columns.contains("id")
        let list = columns.filter { $0 != "id" }.map { "\"\($0)\"" }.joined(separator: ", ")
        let patch = "{" + changed.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        let sql = "INSERT INTO \"\(table)\" (\(list)) SELECT \(list) FROM json_populate_record(NULL::\"\(table)\", (?::jsonb || ?::jsonb)::json)"
        guard hasID else { try db.execute(sql, [row, patch]); return nil }
        let id = try db.insert(sql, [row, patch])
        if let old = object["id"] { numbers[table, default: [:]][old] = id }
        return id
    }
}
