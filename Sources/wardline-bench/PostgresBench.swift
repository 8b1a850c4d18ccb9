import Foundation
import WardCore
import WardPostgres
import WardStore

/// `wardline-bench --db postgresql://OWNER@HOST[:PORT]/DB?ward=CODE [--years N]`: the same 30-bed
/// ward with N years of history on SQLite and, moved there by `wardline migrate`'s code, in the
/// named (empty) PostgreSQL ward; then side by side, each in this run: the overview load, a CIWA-B
/// save, and another terminal's save reaching a terminal's change feed — with the floors: one bare
/// SQLite commit, and pgbench's simple-update transaction on the same server.
func postgresBench(url: String, years: Int) throws {
    let proto = ProtocolLoader.builtInDefault()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardline-bench-pg-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let sqlitePath = dir.appendingPathComponent("ward.sqlite").path
    let now = Date()
    try seedSQLiteWard(sqlitePath, years: years, vitals: false, proto: proto, now: now)
    say("Moving it to \(url) (wardline migrate) …")
    let t0 = Date()
    let moved = try Store.migrate(from: sqlitePath, to: url)
    say("  \(moved.tables.reduce(0) { $0 + $1.rows }) rows in \(String(format: "%.1f s", Date().timeIntervalSince(t0))), verified (head #\(moved.headSeq))")

    var results: [(what: String, sqlite: Double, postgres: Double)] = []
    var stores: [String: Store] = [:]
    stores["sqlite"] = try Store.open(path: sqlitePath, create: false)
    stores["postgres"] = try Store.open(path: url, create: false)
    defer { stores.values.forEach { try? $0.close() } }
    var figures: [String: [String: Double]] = ["sqlite": [:], "postgres": [:]]
    for (name, store) in stores.sorted(by: { $0.key > $1.key }) {
        // The overview load: snapshot, alerts, sorted rows.
        var loads: [Double] = []
        for _ in 0..<30 {
            loads.append(try time {
                let w = try store.loadWard(protocol: proto)
                let input = BoardInput(w, now: now, protocol: proto, calendar: .wardDefault)
                _ = WardOverview(proto).rows(input, alerts: AlertEngine(proto).alerts(input, now: now), assignments: w.assignments, now: now)
            })
        }
        figures[name]!["load"] = median(loads)
        let nurse = Session(staff: try store.signIn(staffID: "C1", secret: "924680", terminal: "bench", policy: proto.security), terminal: "bench")
        let patients = try store.loadWard(protocol: proto).patients.prefix(20)
        var saves: [Double] = []
        for p in patients {
            saves.append(try time {
                _ = try store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: Array(repeating: 1, count: 20)), session: nurse, protocol: proto)
            })
        }
        figures[name]!["save"] = median(saves)
        // Another terminal (a store of its own, its own connection) saves; this one's feed hears it.
        let other = try Store.open(path: store.path == sqlitePath ? sqlitePath : url, create: false)
        let otherNurse = Session(staff: try other.signIn(staffID: "C1", secret: "924680", terminal: "bench-2", policy: proto.security), terminal: "bench-2")
        let heard = DispatchSemaphore(value: 0)
        let feed = try ChangeFeed(store: store, interval: .milliseconds(10)) { _ in heard.signal() }
        while heard.wait(timeout: .now() + 0.3) == .success {}   // whatever the feed reports on starting
        var seen: [Double] = []
        for p in patients.prefix(15) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try other.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: Array(repeating: 2, count: 20)), session: otherNurse, protocol: proto)
            if heard.wait(timeout: .now() + 5) == .success { seen.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
            while heard.wait(timeout: .now() + 0.05) == .success {}
        }
        feed.stop()
        try other.close()
        figures[name]!["feed"] = median(seen)
    }
    results.append(("overview load (snapshot, alerts, rows)", figures["sqlite"]!["load"]!, figures["postgres"]!["load"]!))
    results.append(("CIWA-B save → \"Saved\" (the command)", figures["sqlite"]!["save"]!, figures["postgres"]!["save"]!))
    results.append(("another terminal's save → this feed", figures["sqlite"]!["feed"]!, figures["postgres"]!["feed"]!))

    let sqliteFloor = try BareCommit.median(in: dir.appendingPathComponent("floor.sqlite").path, count: 50)
    let pgFloor = pgbenchSimpleUpdate(url)
    say("")
    say("Summary (\(years) year(s) of history; medians; floors measured in this run)")
    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    func msText(_ d: Double) -> String { pad(String(format: "%.2f ms", d * 1000), 12) }
    say(pad("what", 42) + "  " + pad("SQLite", 12) + "  " + pad("PostgreSQL", 12) + "  PG/SQLite")
    for r in results {
        say(pad(r.what, 42) + "  " + msText(r.sqlite) + "  " + msText(r.postgres) + "  " + String(format: "%.1f×", r.postgres / max(r.sqlite, 1e-9)))
    }
    say(pad("floor: one bare SQLite commit (FULL)", 42) + "  " + msText(sqliteFloor))
    if let pgFloor {
        say(pad("floor: pgbench simple-update, 1 client", 42) + "  " + pad("", 12) + "  " + msText(pgFloor)
            + String(format: "  (the save is %.1f× it)", figures["postgres"]!["save"]! / max(pgFloor, 1e-9)))
    } else {
        say("floor: pgbench simple-update: not measured (pgbench missing or failed)")
    }
}

/// pgbench's built-in simple-update transaction, one client for 10 s, on the URL's first host, in
/// tables of its own that are dropped after: the average latency it reports.
func pgbenchSimpleUpdate(_ url: String) -> Double? {
    guard let target = try? PostgresTarget(url: url), let host = target.hosts.first else { return nil }
    let pgbench = "/usr/lib/postgresql/15/bin/pgbench"
    guard FileManager.default.isExecutableFile(atPath: pgbench) else { return nil }
    var env = ProcessInfo.processInfo.environment
    if let f = target.passFile { env["PGPASSFILE"] = f }
    let conn = ["-h", host.name, "-p", String(host.port), "-U", target.user]
    func run(_ args: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pgbench)
        p.arguments = args
        p.environment = env
        let out = Pipe()
        p.standardOutput = out; p.standardError = out
        guard (try? p.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
    guard run(conn + ["-i", "-q", "-s", "1", target.database]) != nil else { return nil }
    defer { _ = run(conn + ["-i", "-I", "d", target.database]) }   // drop its tables
    guard let out = run(conn + ["-n", "-b", "simple-update", "-c", "1", "-T", "10", target.database]),
          let line = out.split(separator: "\n").first(where: { $0.hasPrefix("latency average") }),
          let value = line.split(separator: "=").last?.split(separator: " ").first.flatMap({ Double($0) }) else { return nil }
    return value / 1000
}

/// The benchmark's 30-bed ward with `years` of history, on SQLite at `path` (with `vitals`, vital signs beside each score).
func seedSQLiteWard(_ path: String, years: Int, vitals: Bool, proto: WardProtocol, now: Date) throws {
    let seedStore = try Store.open(path: path, create: true)
    say("Seeding a 30-bed ward with \(years) year(s) of CIWA-B\(vitals ? " and vital signs" : "") every 2–4 h (SQLite) …")
    let s = try BenchmarkWard.seed(store: seedStore, protocol: proto, now: now, days: 365 * years, vitals: vitals)
    say("  \(s.currentPatients) current patients, \(s.dischargedPatients) discharged, \(s.assessments) CIWA-B scores\(vitals ? " (as many vital signs in the history)" : "")")
    try seedStore.close()
}
