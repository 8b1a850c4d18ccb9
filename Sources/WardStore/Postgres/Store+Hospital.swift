import Foundation
import WardCore
import WardPostgres

/// A hospital's wards in one PostgreSQL database (issue 19): the register, the site view's reads of
/// other wards (read-only, and only as far as this connection's role was granted them — the server
/// refuses the rest), and booking a member of one ward's staff onto another.
extension Store {
    /// The hospital's register as this store's role sees it: empty on SQLite and in a database
    /// without a register.
    public func hospitalWards() throws(CommandRefusal) -> [HospitalWard] {
        guard case .postgres(let ward) = backend else { return [] }
        do {
            return try ward.withLink { link in try PostgresHospital.entries(on: link) }
                .map { HospitalWard(code: $0.code, name: $0.name, isSite: $0.kind == .site, appRole: $0.appRole) }
        } catch {
            throw CommandRefusal(.storage, "Could not read the hospital's register of wards: \(error)")
        }
    }

    /// This store's ward code on PostgreSQL (nil on SQLite).
    public var postgresWardCode: String? {
        guard case .postgres(let ward) = backend else { return nil }
        return ward.ward
    }

    /// Whether this store is the hospital's site schema (where site and bed managers sign in).
    public func isSite() throws(CommandRefusal) -> Bool {
        guard let code = postgresWardCode else { return false }
        return try hospitalWards().contains { $0.code == code && $0.isSite }
    }

    /// Another ward's snapshot, for the site view: the session's role must see the site (checked in
    /// this ward's own staff), and the connection's role must have been granted that ward (checked by
    /// the server). Nothing is written.
    public func loadOtherWard(_ code: String, protocol ward: WardProtocol, session: Session) throws(CommandRefusal) -> WardSnapshot {
        let schema = try otherSchema(code)
        let now = clock.now()
        _ = try checkedRead("site.view", .viewSite, session: session) { _, _ in true }
        return try readOther(schema) { tx in try Self.snapshot(tx, protocol: ward, now: now, dischargedSince: nil) }
    }

    /// Where each of the named wards stands, in one statement: the newest audit event (any change
    /// to the ward is one) and the protocol file it set. A ward this role may not read is missing.
    public func wardStates(_ codes: [String]) throws(CommandRefusal) -> [String: WardState] {
        guard case .postgres(let ward) = backend else { return [:] }
        let schemas = codes.filter(PostgresTarget.isWardCode)
        guard !schemas.isEmpty else { return [:] }
        do {
            return try ward.read { tx in
                let readable = try tx.rows("SELECT code FROM unnest(?::text[]) AS c(code) WHERE has_schema_privilege('ward_' || code, 'USAGE')",
                                           ["{" + schemas.joined(separator: ",") + "}"]).compactMap { $0.text("code") }
                guard !readable.isEmpty else { return [:] }
                let sql = readable.map { c in
                    "SELECT '\(c)' AS code, (SELECT coalesce(max(seq), 0) FROM ward_\(c).audit_events) AS version, "
                    + "(SELECT value FROM ward_\(c).settings WHERE key = 'protocol_path') AS protocol"
                }.joined(separator: " UNION ALL ")
                var out: [String: WardState] = [:]
                for r in try tx.rows(sql) {
                    guard let c = r.text("code") else { continue }
                    out[c] = WardState(version: Int(r.integer("version") ?? 0), protocolFile: r.text("protocol"))
                }
                return out
            }
        } catch let e as CommandRefusal {
            throw e
        } catch {
            throw CommandRefusal(.storage, "Could not read the wards' versions: \(error)")
        }
    }

    /// How many rows a table of this ward holds (the benchmark's count of what was stored).
    public func countRows(_ table: String) throws -> Int {
        guard PostgresTarget.isWardCode(table) else { throw CommandRefusal(.invalid, "not a table name: \(table)") }
        return try read { tx in try tx.scalar(Int.self, "SELECT count(*) FROM \(table)") ?? 0 }
    }

    /// A ward's version (its newest audit event) and the protocol file it set.
    public struct WardState: Sendable, Hashable {
        public var version: Int
        public var protocolFile: String?
    }

    /// The protocol file another ward set with `wardline protocol use` (nil: the shipped defaults).
    public func otherWardProtocolFile(_ code: String) throws(CommandRefusal) -> String? {
        let schema = try otherSchema(code)
        return try readOther(schema) { tx in try tx.scalar(String.self, "SELECT value FROM settings WHERE key = 'protocol_path'") }
    }

    /// Books a member of another ward's staff (or the site's) onto this ward with a role of this ward:
    /// the same staff ID, name and PIN (its hash, copied), audited here as `staff.book` with the ward
    /// they came from. A member this ward disabled (an earlier booking that ended) is enabled again
    /// with the PIN they have now; a different role, or a different person with the ID, is refused.
    /// The connection must be able to read the other ward (the wards' owner, `wardline ward book`).
    @discardableResult
    public func bookStaff(staffID: String, from code: String, role: StaffRole, session: Session) throws(CommandRefusal) -> StaffMember {
        let sid = try Self.checkStaffID(staffID)
        let schema = try otherSchema(code)
        let source = try readOther(schema) { tx in try tx.row("SELECT * FROM staff WHERE staff_id = ?", [sid]) }
        guard let source, let name = source.text("name"), let hash = source.text("pin_hash") else {
            throw CommandRefusal(.notFound, "Ward \(code) has no staff member \(InputText.visible(sid)).")
        }
        guard source.integer("disabled") == 0 else {
            throw CommandRefusal(.conflict, "\(sid) is disabled on ward \(code); book only someone who may sign in there.")
        }
        try checkRoleFits(role)
        return try command("staff.book", .manageStaff, session: session) { db, actor, now in
            let m: StaffMember
            if let here = try db.row("SELECT * FROM staff WHERE staff_id = ?", [sid]) {
                let existing = StaffMember(row: here)
                guard existing.name == name, existing.role == role else {
                    throw CommandRefusal(.conflict, "Staff ID \(sid) is already \(InputText.visible(existing.name)) (\(existing.role.title)) on this ward; book with that role or ask ward IT.")
                }
                guard existing.disabled else { throw CommandRefusal(.conflict, "\(sid) is already on this ward's staff and may sign in.") }
                try db.execute("UPDATE staff SET disabled = 0, pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?", [hash, existing.id])
                m = StaffMember(id: existing.id, staffID: sid, name: name, role: role)
            } else {
                let id = try db.insert("INSERT INTO staff(staff_id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                                       [sid, name, role.rawValue, hash, Timestamp.text(now)])
                m = StaffMember(id: id, staffID: sid, name: name, role: role)
            }
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "staff.book",
                                  details: ["staffID": .string(sid), "name": .string(name), "role": .string(role.rawValue), "from": .string(code)])
            return m
        }
    }

    /// Site and bed managers only on the hospital's site; the ward roles only on a ward; ward IT on both.
    func checkRoleFits(_ role: StaffRole) throws(CommandRefusal) {
        guard role != .admin else { return }
        let site = try isSite()
        guard role.isSiteRole == site else {
            throw CommandRefusal(.invalid, site ? "A site's staff are site managers, bed managers and ward IT (admin)."
                                                : "Site and bed managers belong to the hospital's site (wardline ward add CODE --site), not to a ward.")
        }
    }

    private func otherSchema(_ code: String) throws(CommandRefusal) -> String {
        guard isPostgres else { throw CommandRefusal(.invalid, "Other wards exist only in a hospital's PostgreSQL database.") }
        do { return try PostgresSchema.schemaName(ward: code) } catch { throw CommandRefusal(.invalid, error.description) }
    }

    /// A read of another ward's schema; the server's refusal ("permission denied") says this role was not granted it.
    private func readOther<T>(_ schema: String, _ body: (any SQLTx) throws -> T) throws(CommandRefusal) -> T {
        guard case .postgres(let ward) = backend else { throw CommandRefusal(.invalid, "Other wards exist only in a hospital's PostgreSQL database.") }
        do {
            return try ward.read(schema: schema) { tx in
                // (With no right to the schema, its tables are simply not found: ask first.)
                guard try tx.scalar(Bool.self, "SELECT has_schema_privilege(?, 'USAGE')", [schema]) == true else {
                    throw CommandRefusal(.notPermitted, "This ward's database role may not read \(schema): each ward's terminals see their own ward only.")
                }
                return try body(tx)
            }
        } catch let e as PostgresQueryError where e.sqlState == "42501" {
            throw CommandRefusal(.notPermitted, "This ward's database role may not read \(schema): each ward's terminals see their own ward only.")
        } catch let e as CommandRefusal {
            throw e
        } catch {
            throw CommandRefusal(.storage, "Could not read \(schema): \(error)")
        }
    }
}

/// One line of `wardline ward list`.
public struct HospitalWardLine: Sendable, Hashable {
    public var ward: HospitalWard
    public var beds: Int
    public var patients: Int
    public var staff: Int
    /// The protocol file in force (`wardline protocol use`); nil: the shipped defaults.
    public var protocolFile: String?
}

extension Store {
    /// Creates (or upgrades) a ward's or the site's schema and registers it, signed in as the wards'
    /// owner (`wardline ward add`); says what it did. `url` names the database (its `ward=`, if any,
    /// is replaced by `code`).
    public static func addHospitalWard(url: String, code: String, name: String, site: Bool, appRole: String?) throws(StoreOpenError) -> String {
        let (link, shown) = try hospitalLink(url)
        defer { link.close() }
        let kind: PostgresHospital.Kind = site ? .site : .ward
        let role = appRole ?? PostgresHospital.defaultRole(ward: code, kind: kind)
        do {
            let outcome = try PostgresHospital.add(ward: code, name: name, kind: kind, appRole: role, on: link)
            let what = switch outcome {
            case .created: "created ward_\(code) at schema \(PostgresSchema.version)"
            case .upgraded(let from): "upgraded ward_\(code) from schema \(from) to \(PostgresSchema.version)"
            case .upToDate: "ward_\(code) is up to date (schema \(PostgresSchema.version))"
            }
            return "\(what); registered as a \(kind.rawValue) served by role \(role)"
        } catch {
            throw StoreOpenError(error.cause?.sqlState == "42501" ? .readOnly : .other, path: shown, error.description)
        }
    }

    /// Every registered ward with its beds, patients in, staff and protocol (as the URL's role may read them).
    public static func hospitalRegister(url: String) throws(StoreOpenError) -> [HospitalWardLine] {
        let (link, shown) = try hospitalLink(url)
        defer { link.close() }
        do {
            return try PostgresHospital.entries(on: link).map { e in
                let s = e.schema
                func count(_ sql: String) throws -> Int {
                    if case .int(let n) = try link.query(sql).first?.first { return Int(n) }
                    return 0
                }
                let beds = try count("SELECT count(*) FROM \(s).beds")
                let patients = try count("SELECT count(*) FROM \(s).patients p WHERE NOT EXISTS (SELECT 1 FROM \(s).discharges d WHERE d.patient_id = p.id)")
                let staff = try count("SELECT count(*) FROM \(s).staff WHERE disabled = 0")
                var file: String? = nil
                if case .text(let f) = try link.query("SELECT value FROM \(s).settings WHERE key = 'protocol_path'").first?.first { file = f }
                return HospitalWardLine(ward: HospitalWard(code: e.code, name: e.name, isSite: e.kind == .site, appRole: e.appRole),
                                        beds: beds, patients: patients, staff: staff, protocolFile: file)
            }
        } catch let e as PostgresQueryError where e.sqlState == "42501" {
            throw StoreOpenError(.readOnly, path: shown, "\(shown): this role may not read every ward (\(e.description)); list the wards as the wards' owner or a site's role")
        } catch {
            throw StoreOpenError(.other, path: shown, "\(shown): \(error)")
        }
    }

    private static func hospitalLink(_ url: String) throws(StoreOpenError) -> (PostgresLink, String) {
        let target: PostgresTarget
        do { target = try PostgresTarget(url: url) } catch { throw StoreOpenError(.badLocation, path: url, error.description) }
        let shown = target.description
        do {
            let passwords = try PGPass.load(file: target.passFile)
            return (try PostgresLink.connect(target, passwords: passwords), shown)
        } catch let e as PostgresConnectError {
            throw StoreOpenError(e.kind == .unreachable || e.kind == .noPrimary ? .unreachable : .unreadable, path: shown, e.description)
        } catch {
            throw StoreOpenError(.unreadable, path: shown, "\(error)")
        }
    }

    /// The URL with its `ward=` set to `code` (added, or replacing the one it had).
    public static func url(_ url: String, ward code: String) -> String {
        let (base, query) = url.firstIndex(of: "?").map { (String(url[..<$0]), String(url[url.index(after: $0)...])) } ?? (url, "")
        let kept = query.split(separator: "&").filter { !$0.hasPrefix("ward=") }
        return base + "?" + (["ward=" + code] + kept.map(String.init)).joined(separator: "&")
    }
}
