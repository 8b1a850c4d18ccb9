import Foundation
import Synchronization
import TestTools
import Testing
import WardCore
@testable import WardStore

/// A clock tests move by hand.
final class TestClock: WardClock {
    private let current: Mutex<Date>
    init(_ iso: String = "2026-11-28T12:00:00Z") { current = Mutex(FixedClock(iso8601: iso).instant) }
    func now() -> Date { current.withLock { $0 } }
    func advance(minutes: Double) { current.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }
    func set(_ date: Date) { current.withLock { $0 = date } }
}

/// Explicit test policy (the ward protocol's [security] section supplies the real one).
let testPolicy = SecurityPolicy(pinMinLength: 6, pinDigitsOnly: true, maxFailedAttempts: 5,
                                lockoutMinutes: 15, idleLockSeconds: 120)
let wardProtocol = ProtocolLoader.builtInDefault()

/// A fresh temporary directory, removed when the value is released by `cleanup()`.
struct TempDir {
    let url: URL
    init() throws {
        url = TemporaryFolders.make("store")
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

func pin(for role: StaffRole) -> String {
    switch role {
    case .nurse: "501001"; case .chargeNurse: "502002"; case .prescriber: "503003"
    case .studentNurse: "504004"; case .admin: "509009"; case .siteManager: "506006"; case .bedManager: "507007"
    }
}

func staffID(for role: StaffRole) -> String {
    switch role {
    case .nurse: "N1"; case .chargeNurse: "C1"; case .prescriber: "P1"; case .studentNurse: "S1"; case .admin: "A1"
    case .siteManager: "M1"; case .bedManager: "B1"
    }
}

/// A new database with the ward configured and one staff member per role.
struct Fixture {
    let dir: TempDir
    let store: Store
    let clock: TestClock
    let sessions: [StaffRole: Session]
    let backend: TestBackend
    /// The PostgreSQL ward, on that backend.
    let pg: PostgresTestWard?

    var path: String { store.path }
    func session(_ r: StaffRole) -> Session { sessions[r]! }

    init(_ backend: TestBackend = .sqlite, roles: [StaffRole] = StaffRole.allCases.filter { !$0.isSiteRole }) throws {
        self.backend = backend
        dir = try TempDir()
        clock = TestClock()
        switch backend {
        case .sqlite:
            pg = nil
            store = try Store.open(path: dir.path("ward.sqlite"), create: true, clock: clock)
        case .postgres:
            let ward = try PostgresTestWard()
            pg = ward
            try Store.open(path: ward.url(owner: true, keyFile: dir.path("audit-key")), create: true, clock: clock).close()
            store = try Store.open(path: ward.url(keyFile: dir.path("audit-key")), create: false, clock: clock)
        }
        let admin = try store.createFirstAdmin(staffID: staffID(for: .admin), name: "Admin, Test", secret: pin(for: .admin),
                                               terminal: "test", policy: testPolicy)
        var s: [StaffRole: Session] = [.admin: Session(staff: admin, terminal: "test")]
        try store.configureWard(name: "Test ward", bedLabels: (1...6).map(String.init), session: s[.admin]!)
        for r in roles where r != .admin {
            let m = try store.addStaff(staffID: staffID(for: r), name: "\(r.title), Test", role: r, secret: pin(for: r),
                                       policy: testPolicy, session: s[.admin]!)
            s[r] = Session(staff: m, terminal: "test")
        }
        sessions = s
    }

    /// Who runs SQL from outside the program: on PostgreSQL the terminals' database role (what a
    /// person holding the ward's database credential could do) or the schema's owner.
    enum Outsider { case app, owner, superuser }

    /// Runs SQL outside the store, as another process (or an attacker) would: the sqlite3 shell on
    /// the file, or psql in the ward's schema. Output rows are `|`-separated either way.
    @discardableResult
    func outside(_ sql: String, as who: Outsider = .app) throws -> (status: Int32, out: String, err: String) {
        guard let pg else { return try sqlite3(store.path, sql) }
        let user = switch who { case .app: "wardline_app"; case .owner: "wardline_owner"; case .superuser: "postgres" }
        let r = try pg.psql(sql, as: user)
        return (r.status, r.stdout.trimmingCharacters(in: .whitespacesAndNewlines), r.stderr)
    }

    /// Another store on the same ward (another terminal).
    func reopen(clock: any WardClock) throws -> Store { try Store.open(path: store.path, create: false, clock: clock) }

    func cleanup() { try? store.close(); pg?.drop(); dir.cleanup() }

    /// Admits a patient (as the charge nurse or admin) into `bed`.
    @discardableResult
    func admit(_ mrn: String, bed: String?, name: String = "Doe, Jane") throws -> Patient {
        let who = sessions[.chargeNurse] ?? sessions[.admin]!
        return try store.admit(AdmitPatient(mrn: mrn, name: name, dateOfBirth: CalendarDate("1980-01-02")!, sex: .female,
                                            bed: bed, admittedAt: clock.now().addingTimeInterval(-3600)), session: who)
    }

    func ciwa(_ total: Int) -> [Int] {
        var items = [Int](repeating: 0, count: 20)
        var left = total, i = 0
        while left > 0 { let add = min(4, left); items[i] = add; left -= add; i += 1 }
        return items
    }
}

/// Runs the sqlite3 shell on `path` like an outside process (or an attacker) would.
@discardableResult
func sqlite3(_ path: String, _ sql: String) throws -> (status: Int32, out: String, err: String) {
    let r = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), ["-batch", path, sql])
    return (r.status, r.stdout.trimmingCharacters(in: .whitespacesAndNewlines), r.stderr)
}

/// The refusal `body` threw, or nil when it succeeded. Any other error fails the test.
func refusal(_ body: () throws -> Void) -> CommandRefusal? {
    do { try body(); return nil }
    catch let r as CommandRefusal { return r }
    catch { Issue.record("expected a CommandRefusal, got \(error)"); return nil }
}

func openError(_ path: String, create: Bool = false) -> StoreOpenError? {
    do { let s = try Store.open(path: path, create: create, clock: TestClock()); try? s.close(); return nil }
    catch { return error }
}
