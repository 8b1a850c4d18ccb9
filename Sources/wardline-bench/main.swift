// wardline-bench: not a test. Builds a 30-bed ward with N years of history
// (`--years N`, default 1) and prints each figure beside a floor measured in
// the same run, with the ratio and the target (issue 15):
//   start → first frame (own pty)   vs  the sqlite3 CLI printing the census with each latest score
//   CIWA-B save + the reload a save causes  vs  one bare WAL commit (synchronous=FULL)
//   RSS on the overview; a change from another terminal seen by 10 open terminals
//   overview load and one `view` frame
//
//   swift build -c release && swift run -c release wardline-bench [--years 10] [--binary PATH] [--keep]
//   (the first builds the wardline binary too, for the terminal figures)
//
//   wardline-bench --db postgresql://OWNER@HOST/DB?ward=CODE [--years N]: the same ward on SQLite and
//   on PostgreSQL side by side (PostgresBench.swift), with pgbench's simple-update as the floor.
//
//   wardline-bench --hospital postgresql://OWNER@HOST/DB [--wards 1,10,40] [--years N] [--terminals 5] [--seconds 20]:
//   a hospital of such wards and a site (HospitalBench.swift): overview, site view, concurrent saves (issue 19).
//
//   wardline-bench --compare-start DB_A DB_B [--binary PATH]: start → first frame on two kept wards
//   (e.g. 1 and 10 years, from --keep), runs interleaved so both see the same machine, each
//   beside its sqlite3 census floor, and the difference between them (target: within 10 %).
import Foundation
import WardCore
import WardStore
import WardUI

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }
func ms(_ d: Double) -> String { String(format: "%.3f ms", d * 1000) }
func time(_ body: () throws -> Void) rethrows -> Double {
    let t = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
}

/// The floor for start-up: the census with each patient's latest score, as the sqlite3 CLI prints it.
let censusQuery = """
    SELECT c.bed, p.name, (SELECT a.total FROM assessments a WHERE a.patient_id = p.id ORDER BY a.taken_at DESC LIMIT 1)
    FROM current_beds c JOIN patients p ON p.id = c.patient_id ORDER BY c.bed;
    """

func say(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
if let problem = SodiumLibrary.problem {
    FileHandle.standardError.write(Data("wardline-bench: cannot start: \(problem)\n".utf8))
    exit(69)  // EX_UNAVAILABLE
}
if let i = CommandLine.arguments.firstIndex(of: "--compare-start"), i + 2 < CommandLine.arguments.count {
    compareStart(CommandLine.arguments[i + 1], CommandLine.arguments[i + 2])
    exit(0)
}
var years = 1
if let i = CommandLine.arguments.firstIndex(of: "--years"), i + 1 < CommandLine.arguments.count,
   let n = Int(CommandLine.arguments[i + 1]), (1...20).contains(n) { years = n }
if let i = CommandLine.arguments.firstIndex(of: "--hospital"), i + 1 < CommandLine.arguments.count {
    func option(_ name: String) -> String? {
        CommandLine.arguments.firstIndex(of: name).flatMap { $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil }
    }
    let counts = (option("--wards") ?? "1,10,40").split(separator: ",").compactMap { Int($0) }.filter { (1...200).contains($0) }
    do {
        try hospitalBench(url: CommandLine.arguments[i + 1], counts: counts.isEmpty ? [1] : counts, years: years,
                          terminals: option("--terminals").flatMap(Int.init) ?? 5, seconds: option("--seconds").flatMap(Double.init) ?? 20)
    } catch {
        FileHandle.standardError.write(Data("wardline-bench: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
if let i = CommandLine.arguments.firstIndex(of: "--db"), i + 1 < CommandLine.arguments.count,
   Store.isPostgresLocation(CommandLine.arguments[i + 1]) {
    do { try postgresBench(url: CommandLine.arguments[i + 1], years: years) } catch {
        FileHandle.standardError.write(Data("wardline-bench: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

/// The summary table: what, Wardline's figure, the floor, the ratio, the target.
nonisolated(unsafe) var table: [(String, String, String, String, String)] = []
func row(_ what: String, _ value: Double?, floor: Double? = nil, target: String, unit: String = "ms") {
    let v = value.map { unit == "ms" ? String(format: "%.2f ms", $0 * 1000) : String(format: "%.1f %@", $0, unit) } ?? "not measured"
    let f = floor.map { String(format: "%.2f ms", $0 * 1000) } ?? "—"
    let r = (value != nil && floor != nil) ? String(format: "%.1f×", value! / max(floor!, 1e-9)) : "—"
    table.append((what, v, f, r, target))
}
let proto = ProtocolLoader.builtInDefault()
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardline-bench-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
// `--keep`: leave the seeded ward behind (its path is printed) for profiling by hand.
let keep = CommandLine.arguments.contains("--keep")
defer { if !keep { try? FileManager.default.removeItem(at: dir) } }
let path = dir.appendingPathComponent("ward.sqlite").path
let now = Date()
let store = try Store.open(path: path, create: true)
say("Seeding a 30-bed ward with \(years) year(s) of history …")
let seedTime = try time {
    let s = try BenchmarkWard.seed(store: store, protocol: proto, now: now, days: 365 * years)
    say("  \(s.currentPatients) current patients, \(s.dischargedPatients) discharged this year, \(s.assessments) CIWA-B scores")
}
say("  seeded in \(String(format: "%.1f s", seedTime))\(keep ? " (kept: \(path))" : "")")

// 1. Overview load: snapshot from the database, alerts, rows.
var snapshot: WardSnapshot? = nil
var loads: [Double] = []
for _ in 0..<30 {
    loads.append(try time {
        let w = try store.loadWard(protocol: proto)
        let input = BoardInput(w, now: now, protocol: proto, calendar: .wardDefault)
        let alerts = AlertEngine(proto).alerts(input, now: now)
        _ = WardOverview.sort(WardOverview(proto).rows(input, alerts: alerts, assignments: w.assignments, now: now),
                              by: proto.alerts.wardSortOrder)
        snapshot = w
    })
}
say("Overview load (database → snapshot → alerts → sorted rows): median \(ms(median(loads))), max \(ms(loads.max() ?? 0)) over \(loads.count)")
row("overview load (snapshot, alerts, rows)", median(loads), target: "—")

// 2. One frame of `view` on the overview at 132×43 and 80×24.
for size in [Size(cols: 132, rows: 43), Size(cols: 80, rows: 24)] {
    var state = AppState(wardProtocol: proto, securityPolicy: proto.security, now: now, size: size, terminalName: "bench",
                         ward: snapshot)
    state.session = Session(staff: StaffMember(id: 2, staffID: "C1", name: "Bench, Charge", role: .chargeNurse), terminal: "bench")
    state.gate = nil
    state.stack = [.wardList(WardListState()), .overview(OverviewState())]
    _ = update(&state, .wardLoaded(snapshot!))
    var frames: [Double] = []
    for _ in 0..<500 { frames.append(time { _ = view(state) }) }
    say("One view frame, overview \(size.cols)×\(size.rows): median \(ms(median(frames))), max \(ms(frames.max() ?? 0)) (target ≤ 1 ms)")
    row("one overview frame \(size.cols)×\(size.rows)", median(frames), target: "≤ 1 ms")
    state.stack = [.wardList(WardListState())]
    frames = []
    for _ in 0..<500 { frames.append(time { _ = view(state) }) }
    say("  (baseline: ward list frame \(size.cols)×\(size.rows): median \(ms(median(frames))))")
}
// 3. One PRN dose recorded through the store (its dose-safety check reads the patient's last 48 h
//    under the write lock), against the floor: one bare commit of a similar row, WAL + synchronous=FULL.
do {
    var ward = proto
    for k in ward.witness.schedules.keys { ward.witness.schedules[k]!.administration = false }   // Argon2 is not what is measured
    let admin = Session(staff: try store.signIn(staffID: "A1", secret: "913579", terminal: "bench", policy: proto.security), terminal: "bench")
    let rx = Session(staff: try store.addStaff(staffID: "P1", name: "Bench, Prescriber", role: .prescriber, secret: "935791",
                                               policy: proto.security, session: admin), terminal: "bench")
    let nurse = Session(staff: try store.signIn(staffID: "C1", secret: "924680", terminal: "bench", policy: proto.security), terminal: "bench")
    var doses: [Double] = []
    for p in (snapshot?.patients ?? []).prefix(20) {
        var terms = OrderTerms(kind: .prn, drug: "diazepam", indication: "bench", prn: PRNTerms(proto.prn.templates[0]))
        terms.prn?.maxPer24hDiazepamMg = 1000
        let order = try store.writeOrder(WriteOrder(patientID: p.id, terms: terms), session: rx, protocol: ward)
        _ = try store.record(RecordSedation(patientID: p.id, score: .rass(0)), session: nurse)
        _ = try store.record(RecordVitals(patientID: p.id, vitals: VitalSigns(respirationRate: 16, spo2: 97, onOxygen: false, systolic: 120,
                                                                                diastolic: 70, pulse: 80, acvpu: .alert, temperature: 36.8)),
                             session: nurse, protocol: ward)
        _ = try store.record(RecordGatedAssessment(RecordAssessment(patientID: p.id, scale: .ciwaB, items: Array(repeating: 2, count: 15) + Array(repeating: 0, count: 5)),
                                                   gate: DoseGateAnswers(recentUseConfirmed: true, canCommunicate: true)),
                             session: nurse, protocol: ward)
        doses.append(try time { _ = try store.recordDose(RecordDose(orderID: order.id, scheduledFor: nil, status: .given), session: nurse, protocol: ward) })
    }
    let floor = try BareCommit.median(in: dir.appendingPathComponent("floor.sqlite").path, count: 50)
    // A CIWA-B save: the command ("Saved" is shown when it returns), then the one reload that follows it.
    var saves: [Double] = [], reloads: [Double] = []
    for p in (snapshot?.patients ?? []).prefix(20) {
        saves.append(try time {
            _ = try store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: Array(repeating: 1, count: 20)),
                                 session: nurse, protocol: ward)
        })
        reloads.append(try time { _ = try store.loadWard(protocol: ward) })
    }
    row("CIWA-B save → \"Saved\" (the command)", median(saves), floor: floor, target: "≤ 3 ms")
    row("the reload after it (snapshot only)", median(reloads), target: "—")
    row("PRN dose (safety check in the txn)", median(doses), floor: floor, target: "—")
    say("PRN dose recorded (dose-safety check in the transaction, audit event, follow-up): median \(ms(median(doses))) over \(doses.count); "
        + "floor, one bare WAL commit (synchronous=FULL): \(ms(floor)); ratio \(String(format: "%.1f", median(doses) / max(floor, 1e-9)))×")
} catch {
    say("PRN dose: not measured: \(error)")
}
try store.close()

// 4. The real binary on its own pseudo-terminal (no tmux): start → first frame against the sqlite3
//    CLI census, RSS on the overview, and a change from another terminal seen by 10 open terminals.
// `--binary PATH` measures another build (e.g. the static release in .build-static/release/wardline).
let binary = CommandLine.arguments.firstIndex(of: "--binary").flatMap { i in
    i + 1 < CommandLine.arguments.count ? URL(fileURLWithPath: CommandLine.arguments[i + 1]) : nil
} ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wardline")
let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_STATE_HOME": dir.path, "HOME": dir.path]
if FileManager.default.isExecutableFile(atPath: binary.path) {
    let census = censusQuery
    var starts: [Double] = [], floors: [Double] = []
    for _ in 0..<7 {
        if let f = timedRun(["/usr/bin/sqlite3", path, census]) { floors.append(f) }
        let t0 = DispatchTime.now().uptimeNanoseconds
        guard let pty = try? Pty([binary.path, "--db", path], environment: env, cols: 132, rows: 43) else { continue }
        if pty.waitFor("Sign in") != nil { starts.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9) }
        pty.stop()
    }
    row("start → first frame (pty)", starts.isEmpty ? nil : median(starts), floor: floors.isEmpty ? nil : median(floors), target: "≤ 4× floor")

    func signedIn() -> Pty? {
        guard let pty = try? Pty([binary.path, "--db", path], environment: env, cols: 132, rows: 43),
              pty.waitFor("Sign in") != nil else { return nil }
        pty.type("C1\r"); usleep(100_000); pty.type("924680\r")
        guard pty.waitFor("Bench, Charge", timeout: 20) != nil else { pty.stop(); return nil }
        return pty
    }
    var overviewRSSMB: Double? = nil, rssFloorMB: Double? = nil
    if let pty = signedIn() {
        pty.type("o")
        _ = pty.waitFor("Overview")
        usleep(500_000); pty.pump()
        overviewRSSMB = pty.rssKB.map { Double($0) / 1024 }
        pty.stop()
    }
    // The floor for RSS: the same binary doing nothing but print its version (runtime, Foundation, its own pages).
    // (GNU time's own child: a process spawned from this large one would report this one's peak.)
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/time"),
       let out = try? runCapturing(["/usr/bin/time", "-f", "%M", binary.path, "--version"]),
       let kb = out.split(separator: "\n").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
        rssFloorMB = kb / 1024
    }
    row("RSS on the overview", overviewRSSMB, target: "≤ 30 MB", unit: "MB")
    row("RSS of `wardline --version` (the floor)", rssFloorMB, target: "—", unit: "MB")
    // 10 terminals on the ward list; another process admits a patient; how long until each shows the name.
    let terminals = (0..<10).compactMap { _ in signedIn() }
    if terminals.count == 10, let writer = try? Store.open(path: path, create: false) {
        let charge = try writer.signIn(staffID: "C1", secret: "924680", terminal: "bench-writer", policy: proto.security)
        let marks = terminals.map { $0.output.count }
        let bed = try writer.loadWard(protocol: proto).ward.beds.map(\.label).last { b in
            (try? writer.loadWard(protocol: proto))?.patient(inBed: b) == nil } ?? "30"
        let t0 = DispatchTime.now().uptimeNanoseconds
        _ = try writer.admit(AdmitPatient(mrn: "BENCH-X", name: "Zed, Update", dateOfBirth: CalendarDate("1980-01-01")!,
                                          sex: .unknown, bed: bed, admittedAt: Date()), session: Session(staff: charge, terminal: "bench-writer"))
        var seen: [Double] = []
        for (t, mark) in zip(terminals, marks) {
            if t.waitFor("Zed, Update", from: mark, timeout: 10) != nil {
                seen.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            }
        }
        row("other terminal's save seen by 10 (slowest)", seen.count == 10 ? seen.max() : nil, target: "≤ 300 ms")
        let pss = terminals.compactMap(\.pssKB)
        if pss.count == 10 {
            row("memory per terminal, 10 open (PSS)", median(pss.map(Double.init)) / 1024, target: "—", unit: "MB")
        }
        try writer.close()
    } else {
        say("10 terminals: only \(terminals.count) signed in; not measured")
    }
    for t in terminals { t.stop() }
} else {
    say("Terminal figures: not measured: build the wardline binary (`swift build -c release`) and run again")
}

say("")
say("Summary (\(years) year(s) of history; figures are medians; floors measured in this run)")
let w0 = max(8, table.map { $0.0.count }.max() ?? 0)
func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
say(pad("what", w0) + "  " + pad("wardline", 12) + "  " + pad("floor", 10) + "  " + pad("ratio", 8) + "  target")
for r in table { say(pad(r.0, w0) + "  " + pad(r.1, 12) + "  " + pad(r.2, 10) + "  " + pad(r.3, 8) + "  " + r.4) }


/// Start → first frame on two wards, interleaved (25 rounds), each with its census floor.
func compareStart(_ a: String, _ b: String) {
    let binary = CommandLine.arguments.firstIndex(of: "--binary").flatMap { i in
        i + 1 < CommandLine.arguments.count ? URL(fileURLWithPath: CommandLine.arguments[i + 1]) : nil
    } ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wardline")
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("wardline-bench-start-\(getpid())")
    try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_STATE_HOME": home.path, "HOME": home.path]
    var starts: [String: [Double]] = [a: [], b: []], floors: [String: [Double]] = [a: [], b: []]
    for _ in 0..<25 {
        for db in [a, b] {
            if let f = timedRun(["/usr/bin/sqlite3", db, censusQuery]) { floors[db]!.append(f) }
            let t0 = DispatchTime.now().uptimeNanoseconds
            guard let pty = try? Pty([binary.path, "--db", db], environment: env, cols: 132, rows: 43) else { continue }
            if pty.waitFor("Sign in") != nil { starts[db]!.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9) }
            pty.stop()
        }
    }
    for db in [a, b] {
        let s = median(starts[db]!), f = median(floors[db]!)
        say(String(format: "%@: start → first frame %.2f ms, sqlite3 census %.2f ms, ratio %.1f×", db, s * 1000, f * 1000, s / max(f, 1e-9)))
    }
    let sa = median(starts[a]!), sb = median(starts[b]!)
    say(String(format: "difference: %.1f %% (target: within 10 %%)", abs(sb - sa) / max(sa, 1e-9) * 100))
}
