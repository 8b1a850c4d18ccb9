// wardline-bench: not a test. Builds a 30-bed ward with a year of history and
// prints how long the overview takes to load, one `view` frame, and start →
// first frame of the real binary (under a private tmux server).
//
//   swift build -c release && swift run -c release wardline-bench
//   (the first builds the wardline binary too, for the start-up figure)
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

func say(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
if let problem = SodiumLibrary.problem {
    FileHandle.standardError.write(Data("wardline-bench: cannot start: \(problem)\n".utf8))
    exit(69)  // EX_UNAVAILABLE
}
let proto = ProtocolLoader.builtInDefault()
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardline-bench-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }
let path = dir.appendingPathComponent("ward.sqlite").path
let now = Date()
let store = try Store.open(path: path, create: true)
say("Seeding a 30-bed ward with a year of history …")
let seedTime = try time {
    let s = try BenchmarkWard.seed(store: store, protocol: proto, now: now)
    say("  \(s.currentPatients) current patients, \(s.dischargedPatients) discharged this year, \(s.assessments) CIWA-B scores")
}
say("  seeded in \(String(format: "%.1f s", seedTime))")

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
    say("PRN dose recorded (dose-safety check in the transaction, audit event, follow-up): median \(ms(median(doses))) over \(doses.count); "
        + "floor, one bare WAL commit (synchronous=FULL): \(ms(floor)); ratio \(String(format: "%.1f", median(doses) / max(floor, 1e-9)))×")
} catch {
    say("PRN dose: not measured: \(error)")
}
try store.close()

// 4. Start → first frame of the real binary, in a private tmux server.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wardline")
let tmux = "/usr/bin/tmux"
if FileManager.default.isExecutableFile(atPath: binary.path) && FileManager.default.isExecutableFile(atPath: tmux) {
    /// Runs tmux (posix_spawn + waitpid); output through a file, never a pipe
    /// (the tmux server would inherit a pipe and hold it open).
    func run(_ args: [String]) -> String {
        let outPath = dir.appendingPathComponent("tmux-out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([tmux] + args).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, tmux, &actions, nil, argv, environ) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }
    var starts: [Double] = []
    for i in 0..<5 {
        let sock = "wl-bench-\(getpid())-\(i)"
        let t0 = DispatchTime.now().uptimeNanoseconds
        _ = run(["-L", sock, "-f", "/dev/null", "new-session", "-d", "-x", "132", "-y", "43",
                 "LANG=C.UTF-8 XDG_STATE_HOME=\(dir.path) \(binary.path) --db \(path)"])
        var seen = false
        let deadline = Date().addingTimeInterval(15)
        while !seen && Date() < deadline {
            if run(["-L", sock, "capture-pane", "-p"]).contains("Sign in") { seen = true } else { usleep(2_000) }
        }
        let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        _ = run(["-L", sock, "kill-server"])
        if seen { starts.append(dt) }
    }
    if starts.isEmpty { say("Start → first frame: the binary never drew its sign-in screen") }
    else {
        say("Start → first frame of \(binary.lastPathComponent) (tmux, sign-in screen visible): median \(ms(median(starts))), max \(ms(starts.max() ?? 0)) over \(starts.count) (includes tmux start and ~2 ms polling)")
    }
} else {
    say("Start → first frame: not measured: it needs the release wardline binary at \(binary.path) and \(tmux); "
        + "build it with `swift build -c release` and run the benchmark again")
}
