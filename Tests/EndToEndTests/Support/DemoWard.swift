import Foundation
import TestTools
import Testing
import WardCore
import WardStore

/// A demo ward for one test: a database file in a fresh temporary directory, or (PostgreSQL) a ward
/// schema of its own in the test cluster, made by its owner; `path` is then the terminals' URL.
struct DemoWardDB {
    let dir: URL
    /// What `--db` is given: the file, or the terminals' `postgresql://…` URL.
    let path: String
    let backend: TestBackend
    let pg: PostgresTestWard?

    init(_ tag: String, backend: TestBackend = .sqlite) throws {
        dir = Paths.tempDir(tag)
        self.backend = backend
        switch backend {
        case .sqlite:
            pg = nil
            path = dir.appendingPathComponent("ward.sqlite").path
            let made = try runWardline(["demo", "--db", path, "--create-only"])
            try #require(made.status == 0, "\(made.stderr)")
        case .postgres:
            let ward = try PostgresTestWard()
            pg = ward
            let key = dir.appendingPathComponent("audit-key").path
            path = ward.url(keyFile: key)
            let made = try runWardline(["demo", "--db", ward.url(owner: true, keyFile: key), "--create-only"])
            try #require(made.status == 0, "\(made.stderr)")
        }
    }

    func remove() {
        pg?.drop()
        try? FileManager.default.removeItem(at: dir)
    }

    /// What the programs a test starts need besides its own (the pgpass file of the test cluster).
    var environment: [String: String] { pg.map { ["PGPASSFILE": $0.cluster.passFile] } ?? [:] }

    /// The TUI on this database in a private tmux server; its log goes to `dir`.
    func openTUI(cols: Int, rows: Int, environment extra: [String: String] = [:]) throws -> Tmux {
        try Tmux(cols: cols, rows: rows, command: "\(Tmux.quote(Paths.binary.path)) --db \(Tmux.quote(path))",
                 environment: environment.merging(["XDG_STATE_HOME": dir.path]) { $1 }.merging(extra) { $1 })
    }

    /// Admits a patient to the first empty bed with a taper dose due this
    /// minute (and a PRN order when asked), through the store as the charge
    /// nurse and the prescriber. Returns the bed's row on the ward list.
    /// With `observed`, a calm sedation score and vital signs taken just now (the hold rules need them before any dose).
    func admitWithADoseDueNow(mrn: String, name: String, prn: Bool = false, observed: Bool = true) throws -> Int {
        let ward = ProtocolLoader.builtInDefault()
        let store = try Store.open(path: path, create: false)
        defer { try? store.close() }
        let charge = Session(staff: try store.signIn(staffID: "C2001", secret: "222222", terminal: "e2e", policy: ward.security), terminal: "e2e")
        let prescriber = Session(staff: try store.signIn(staffID: "P3001", secret: "333333", terminal: "e2e", policy: ward.security), terminal: "e2e")
        let snap = try store.loadWard(protocol: ward)
        let bedIndex = try #require(snap.ward.beds.firstIndex { snap.patient(inBed: $0.label) == nil })
        let p = try store.admit(AdmitPatient(mrn: mrn, name: name, dateOfBirth: CalendarDate("1975-04-04")!, sex: .female,
                                             bed: snap.ward.beds[bedIndex].label, admittedAt: Date().addingTimeInterval(-7200)), session: charge)
        let c = WardZone.calendar.dateComponents([.hour, .minute], from: Date())
        _ = try store.writeOrder(WriteOrder(patientID: p.id, terms: OrderTerms(
            kind: .taper, drug: "diazepam", indication: "withdrawal", doseTimes: [String(format: "%02d:%02d", c.hour!, c.minute!)],
            taper: TaperTerms(startDailyMg: 10, phases: [OrderPhase(untilMg: 0, step: 2, everyDays: 7)],
                              startDay: MedicationSchedule.dayKey(Date(), WardZone.calendar)))), session: prescriber, protocol: ward)
        if prn {
            _ = try store.writeOrder(WriteOrder(patientID: p.id, terms: OrderTerms(
                kind: .prn, drug: "diazepam", indication: "withdrawal symptoms", prn: PRNTerms(ward.prn.templates[0]))),
                session: prescriber, protocol: ward)
        }
        if observed {
            _ = try store.record(RecordSedation(patientID: p.id, score: .rass(0)), session: charge)
            _ = try store.record(RecordVitals(patientID: p.id, vitals: VitalSigns(
                respirationRate: 16, spo2: 97, onOxygen: false, systolic: 122, diastolic: 76, pulse: 84, acvpu: .alert,
                temperature: 36.8)), session: charge, protocol: ward)
        }
        return bedIndex
    }

    /// A patient admitted with a dose due now (`admitWithADoseDueNow`), and nurse N1001 on their chart
    /// in the TUI at `cols`×`rows`.
    func chartWithADoseDueNow(mrn: String, name: String, cols: Int = 80, rows: Int = 24) throws -> Tmux {
        let bedIndex = try admitWithADoseDueNow(mrn: mrn, name: name)
        let tmux = try openTUI(cols: cols, rows: rows)
        try tmux.openChart(row: bedIndex, patient: name)
        return tmux
    }

    /// The answer to `query` from outside the app, trimmed: the sqlite3 shell, or psql as the
    /// terminals' role (rows `|`-separated either way).
    func sql(_ query: String) throws -> String {
        if let pg { return try pg.psql(query).stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
        return try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [path, query]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
