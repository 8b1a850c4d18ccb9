import Foundation
import Synchronization
import WardCore
import WardPostgres
import WardStore
import WardUI

/// `wardline-bench --hospital postgresql://OWNER@HOST[:PORT]/DB [--wards 1,10,40] [--years N]
/// [--terminals 5] [--seconds 20]` (issue 19): a hospital of 30-bed wards, each with N years of
/// CIWA-B scores and vital signs every 2–4 h, moved into the database by `wardline migrate`'s code and
/// registered, plus a site; at each ward count, in this run: one ward's overview load beside the same
/// ward on SQLite, the site view (every ward read, and the one-second refresh), and every ward's
/// terminals saving CIWA-B scores at once for a bounded time (throughput, p50/p99, then every
/// acknowledged save counted in the database: none lost, none doubled), with pgbench's
/// simple-update on the same server as the floor. Loopback only; the wards' owner needs CREATEROLE
/// (the wards' roles are made NOLOGIN: the bench signs in as the owner) and the server
/// max_connections ≥ wards × terminals + 20.
func hospitalBench(url: String, counts: [Int], years: Int, terminals: Int, seconds: Double) throws {
    let proto = ProtocolLoader.builtInDefault()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardline-bench-hospital-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let sqlitePath = dir.appendingPathComponent("ward.sqlite").path
    let now = Date()
    try seedSQLiteWard(sqlitePath, years: years, vitals: true, proto: proto, now: now)
    let base = url.components(separatedBy: "?")[0]
    let query = url.contains("?") ? "&" + url.components(separatedBy: "?")[1] : ""
    func wardURL(_ code: String) -> String { base + "?ward=\(code)&auditkey=\(dir.path)/\(code).key" + query }
    let owner = try PostgresTarget(url: url)
    let link = try PostgresLink.connect(owner, passwords: try PGPass.load(file: owner.passFile))
    defer { link.close() }
    func role(_ code: String) throws -> String {
        let r = "wardline_bench_" + code
        if try link.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(r)]).isEmpty {
            do { try link.query("CREATE ROLE \(r) NOLOGIN") } catch {
                throw BenchError("the wards' owner cannot make roles (\(error)): ALTER ROLE \(owner.user) CREATEROLE, as the superuser")
            }
        }
        return r
    }

    // The site, with a site manager the site view is read as.
    let siteCode = "bsite\(getpid())"
    _ = try Store.addHospitalWard(url: wardURL(siteCode), code: siteCode, name: "Bench site", site: true, appRole: try role(siteCode))
    let site = try Store.open(path: wardURL(siteCode), create: false)
    defer { try? site.close() }
    let siteAdmin = try site.createFirstAdmin(staffID: "A1", name: "Bench, Admin", secret: "913579", terminal: "bench", policy: proto.security)
    _ = try site.addStaff(staffID: "M1", name: "Bench, Manager", role: .siteManager, secret: "936251", policy: proto.security,
                          session: Session(staff: siteAdmin, terminal: "bench"))
    let manager = Session(staff: try site.signIn(staffID: "M1", secret: "936251", terminal: "bench", policy: proto.security), terminal: "bench")

    // The same ward on SQLite: the overview's baseline.
    let sqlite = try Store.open(path: sqlitePath, create: false)
    let sqliteLoad = try overviewLoad(sqlite, proto, now)
    try sqlite.close()

    let pgFloor = pgbenchSimpleUpdate(url)
    // Every ward is moved in first (all of them are in the database for every figure); the site
    // view sees the first N as N grows (the register is what it reads). Every read is measured
    // before any save phase, so no ward carries the benchmark's own thousands of saves when read.
    var codes: [String] = []
    let most = counts.max() ?? 1
    while codes.count < most {
        let code = String(format: "bw%@%02d", String(getpid()), codes.count + 1)
        let t0 = Date()
        let moved = try Store.migrate(from: sqlitePath, to: wardURL(code))
        codes.append(code)
        say("  ward \(codes.count)/\(most): \(code), \(moved.tables.reduce(0) { $0 + $1.rows }) rows in \(String(format: "%.1f s", Date().timeIntervalSince(t0)))")
    }
    // Measured once the server is quiet: no autovacuum worker still going through the new wards.
    for _ in 0..<600 {
        let busy = try link.query("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")
        if busy.first?.first == .int(0) { break }
        Thread.sleep(forTimeInterval: 1)
    }
    var reads: [Int: (load: Double, full: Double, idle: Double, one: Double)] = [:]
    var registered = 0
    for count in counts.sorted() {
        while registered < count {
            _ = try Store.addHospitalWard(url: wardURL(codes[registered]), code: codes[registered], name: "Bench ward \(registered + 1)",
                                          site: false, appRole: try role(codes[registered]))
            registered += 1
        }
        let first = try Store.open(path: wardURL(codes[count - 1]), create: false)
        let load = try overviewLoad(first, proto, now)
        try first.close()
        // The site view: every ward read (a site terminal's first second), then its one-second refresh
        // with nothing changed, and with one ward changed (a score saved there).
        var full: [Double] = [], idle: [Double] = [], oneChanged: [Double] = [], paint: [Double] = []
        let writer = try Store.open(path: wardURL(codes[count - 1]), create: false)
        let charge = Session(staff: try writer.signIn(staffID: "C1", secret: "924680", terminal: "bench", policy: proto.security), terminal: "bench")
        let someone = try writer.loadWard(protocol: proto).patients[0].id
        for _ in 0..<5 {
            // The terminal's first screen: the wards read within the site view's budget (it reads on at once).
            let painter = SiteReader()
            paint.append(try time { _ = painter.rows(site, session: manager, fallback: proto, budget: SiteState.firstPaintSeconds) })
            let reader = SiteReader()
            full.append(try time { _ = reader.rows(site, session: manager, fallback: proto) })
            idle.append(try time { _ = reader.rows(site, session: manager, fallback: proto) })
            _ = try writer.record(RecordAssessment(patientID: someone, scale: .ciwaB, items: Array(repeating: 1, count: 20)), session: charge, protocol: proto)
            oneChanged.append(try time { _ = reader.rows(site, session: manager, fallback: proto) })
        }
        try writer.close()
        reads[count] = (load, median(full), median(idle), median(oneChanged))
        say(String(format: "  %d ward(s) in the site view: overview %.1f ms, site view %.0f ms (first screen %.0f ms; refresh %.1f / %.1f ms)",
                   count, load * 1000, median(full) * 1000, median(paint) * 1000, median(idle) * 1000, median(oneChanged) * 1000))
    }
    var lines: [String] = []
    for count in counts.sorted() {
        let r = reads[count]!
        let saves = try concurrentSaves(codes.prefix(count).map(wardURL), terminals: terminals, seconds: seconds, proto: proto)
        let line = String(format: "| %2d | %.1f ms (%.1f×) | %.0f ms | %.1f ms | %.1f ms | %d × %d | %.0f/s | %.1f ms | %.1f ms | %d / %d / %d |",
                          count, r.load * 1000, r.load / sqliteLoad, r.full * 1000, r.idle * 1000, r.one * 1000,
                          count, terminals, Double(saves.acknowledged) / seconds, saves.p50 * 1000, saves.p99 * 1000,
                          saves.acknowledged, saves.stored, saves.refused)
        lines.append(line)
        say(line)
    }
    say("")
    say(String(format: "Summary (%d year(s); medians; the same ward on SQLite: overview load %.1f ms; floors in this run)", years, sqliteLoad * 1000))
    say("| wards | ward overview load (PG/SQLite) | site view, every ward read | site refresh, nothing changed | site refresh, one ward changed | terminals saving | saves/s | save p50 | save p99 | acknowledged / stored / refused |")
    say("|---|---|---|---|---|---|---|---|---|---|")
    lines.forEach(say)
    if let pgFloor { say(String(format: "floor: pgbench simple-update, 1 client, same server: %.2f ms", pgFloor * 1000)) }
    // The hospital goes: its wards, the site, their register rows (the roles stay, NOLOGIN).
    for code in codes + [siteCode] {
        _ = try? link.query("DELETE FROM hospital.wards WHERE code = $1", [.text(code)])
        _ = try? link.query("DROP SCHEMA IF EXISTS ward_\(code) CASCADE")
    }
}

/// The overview load: snapshot, alerts, rows (median of 20).
private func overviewLoad(_ store: Store, _ proto: WardProtocol, _ now: Date) throws -> Double {
    var xs: [Double] = []
    for _ in 0..<20 {
        xs.append(try time {
            let w = try store.loadWard(protocol: proto)
            let input = BoardInput(w, now: now, protocol: proto, calendar: .wardDefault)
            _ = WardOverview(proto).rows(input, alerts: AlertEngine(proto).alerts(input, now: now), assignments: w.assignments, now: now)
        })
    }
    return median(xs)
}

/// Every ward's `terminals` terminals (a store each, its own connection) save CIWA-B scores as fast as
/// they can for `seconds`; then the scores each ward stored since the start are counted.
private func concurrentSaves(_ urls: [String], terminals: Int, seconds: Double, proto: WardProtocol) throws
    -> (acknowledged: Int, stored: Int, refused: Int, p50: Double, p99: Double) {
    struct Terminal { let store: Store; let session: Session; let patients: [PatientID] }
    var byWard: [[Terminal]] = []
    var before: [Int] = []
    for url in urls {
        let first = try Store.open(path: url, create: false)
        // One sign-in per ward (argon2id is slow on purpose); its session serves the ward's terminals.
        let session = Session(staff: try first.signIn(staffID: "C1", secret: "924680", terminal: "bench", policy: proto.security), terminal: "bench")
        let patients = try first.loadWard(protocol: proto).patients.map(\.id)
        before.append(try first.countRows("assessments"))
        var ts = [Terminal(store: first, session: session, patients: patients)]
        for _ in 1..<max(1, terminals) { ts.append(Terminal(store: try Store.open(path: url, create: false), session: session, patients: patients)) }
        byWard.append(ts)
    }
    let all = byWard.flatMap { $0 }
    let latencies = Mutex<[Double]>([]), refused = Atomic<Int>(0), refusals = Mutex<Set<String>>([])
    let deadline = Date().addingTimeInterval(seconds)
    // A thread per terminal (as many as there are terminals, not cores: each waits on its server).
    let group = DispatchGroup()
    for i in all.indices {
        group.enter()
        let t = all[i]
        Thread.detachNewThread {
            defer { group.leave() }
        var mine: [Double] = []
        var n = i
        while Date() < deadline {
            let p = t.patients[n % t.patients.count]
            n += 1
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                _ = try t.store.record(RecordAssessment(patientID: p, scale: .ciwaB, items: Array(repeating: 1, count: 20)), session: t.session, protocol: proto)
                mine.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            } catch {
                refused.add(1, ordering: .relaxed)
                refusals.withLock { _ = $0.insert("\(error)") }
            }
        }
        latencies.withLock { $0 += mine }
        }
    }
    group.wait()
    var stored = 0
    for (i, ts) in byWard.enumerated() {
        stored += try ts[0].store.countRows("assessments") - before[i]
        ts.forEach { try? $0.store.close() }
    }
    for r in refusals.withLock({ $0 }).sorted() { say("  refused: \(r)") }
    let xs = latencies.withLock { $0 }.sorted()
    let p99 = xs.isEmpty ? 0 : xs[min(xs.count - 1, Int(Double(xs.count) * 0.99))]
    return (xs.count, stored, refused.load(ordering: .relaxed), median(xs), p99)
}
