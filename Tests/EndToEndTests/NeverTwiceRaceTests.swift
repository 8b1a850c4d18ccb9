import Foundation
import TestTools
import Testing
import WardCore
import WardStore

/// Several separate `wardline dose` processes race on the same doses against
/// one database file. Exactly one commit wins each dose; every other process
/// is told who gave it and writes nothing.
@Suite(.serialized) struct NeverTwiceRaceTests {
    /// Givers and their witnesses (demo staff), one process each.
    static let pairs = [("N1001", "111111", "C2001", "222222"), ("N1002", "121212", "N1001", "111111"),
                        ("C2001", "222222", "N1002", "121212"), ("N1001", "111111", "N1002", "121212"),
                        ("N1002", "121212", "C2001", "222222"), ("C2001", "222222", "N1001", "111111")]

    struct Setup { let ward: DemoWardDB; let dir: URL; let db: String; let taper: OrderID; let prnA: OrderID; let prnB: OrderID; let due: String; let patient: PatientID }

    func setUp(_ backend: TestBackend) throws -> Setup {
        // The dose is due the minute after now, today. The ward's zone (`WardZone`) puts now at
        // midday, so neither this nor the race that follows can cross a ward midnight.
        let demo = try DemoWardDB("race", backend: backend)
        let dir = demo.dir, db = demo.path
        let ward = ProtocolLoader.builtInDefault()
        let store = try Store.open(path: db, create: false)
        defer { try? store.close() }
        let charge = Session(staff: try store.signIn(staffID: "C2001", secret: "222222", terminal: "test", policy: ward.security), terminal: "test")
        let prescriber = Session(staff: try store.signIn(staffID: "P3001", secret: "333333", terminal: "test", policy: ward.security), terminal: "test")
        let empty = try #require(DemoWard.bedLabels.first { b in try! store.loadWard(protocol: ward).patient(inBed: b) == nil })
        let p = try store.admit(AdmitPatient(mrn: "RACE1", name: "Race, Test", dateOfBirth: CalendarDate("1980-01-01")!, sex: .other,
                                             bed: empty, admittedAt: Date().addingTimeInterval(-3600)), session: charge)
        let c = WardZone.calendar.dateComponents([.hour, .minute], from: Date().addingTimeInterval(60))
        let due = String(format: "%02d:%02d", c.hour!, c.minute!)
        let taper = try store.writeOrder(WriteOrder(patientID: p.id, terms: OrderTerms(
            kind: .taper, drug: "diazepam", indication: "withdrawal", doseTimes: [due],
            taper: TaperTerms(startDailyMg: 10, phases: [OrderPhase(untilMg: 0, step: 2, everyDays: 7)],
                              startDay: MedicationSchedule.dayKey(Date(), WardZone.calendar)))), session: prescriber, protocol: ward)
        let prn = OrderTerms(kind: .prn, drug: "diazepam", indication: "withdrawal",
                             prn: PRNTerms(template: "diazepam-ciwa-b", scale: "ciwa-b", threshold: 21, doseMg: 5,
                                           minIntervalMinutes: 120, maxPer24hDiazepamMg: 20))
        let a = try store.writeOrder(WriteOrder(patientID: p.id, terms: prn), session: prescriber, protocol: ward)
        let b = try store.writeOrder(WriteOrder(patientID: p.id, terms: prn), session: prescriber, protocol: ward)
        // What the dose-safety rules need before any dose: calm fresh observations, and for a PRN a gated score above threshold.
        _ = try store.record(RecordSedation(patientID: p.id, score: .rass(0)), session: charge)
        _ = try store.record(RecordVitals(patientID: p.id, vitals: VitalSigns(
            respirationRate: 16, spo2: 97, onOxygen: false, systolic: 122, diastolic: 76, pulse: 84, acvpu: .alert,
            temperature: 36.8)), session: charge, protocol: ward)
        _ = try store.record(RecordGatedAssessment(RecordAssessment(patientID: p.id, scale: .ciwaB, items: Array(repeating: 2, count: 15) + Array(repeating: 0, count: 5)),
                                                   gate: DoseGateAnswers(recentUseConfirmed: true, canCommunicate: true)),
                             session: charge, protocol: ward)
        return Setup(ward: demo, dir: dir, db: db, taper: taper.id, prnA: a.id, prnB: b.id, due: due, patient: p.id)
    }

    /// Starts one process per pair on real threads and lines them up without any help from the program:
    /// each reads its giver's PIN from a FIFO, signs in, and then blocks reading the witness's PIN; once
    /// every process has signed in (their sign-in events are in the audit trail) the witnesses' PINs are
    /// written to all of them at once, so all give at the same instant.
    func race(_ s: Setup, order: (Int) -> OrderID, scheduled: String?) -> [ProcessResult] {
        let results = Results(count: Self.pairs.count)
        let signedInBefore = Int((try? s.ward.sql("SELECT count(*) FROM audit_events WHERE action = 'signin'")) ?? "") ?? 0
        var fifos: [Int32] = []
        for (i, p) in Self.pairs.enumerated() {
            let path = s.dir.appendingPathComponent("stdin-\(i)").path
            mkfifo(path, 0o600)
            let fd = open(path, O_RDWR)   // read-write: opening does not wait for the child
            fifos.append(fd)
            _ = "\(p.1)\n".withCString { write(fd, $0, strlen($0)) }
            var args = ["dose", "--db", s.db, "--as", p.0, "--order", String(order(i)), "--witness", p.2]
            if let scheduled { args += ["--scheduled", scheduled] }
            let argv = args
            Thread { results.set(i, try? runWardline(argv, stdinPath: path, timeout: 120)) }.start()
        }
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            let n = Int((try? s.ward.sql("SELECT count(*) FROM audit_events WHERE action = 'signin'")) ?? "") ?? 0
            if n >= signedInBefore + Self.pairs.count { break }
            usleep(20_000)
        }
        usleep(100_000)   // each has gone on to read the witness's line
        for (fd, p) in zip(fifos, Self.pairs) { _ = "\(p.3)\n".withCString { write(fd, $0, strlen($0)) } }
        let out = results.wait()
        for fd in fifos { close(fd) }
        return out
    }

    @Test(arguments: TestBackend.both) func aScheduledDoseRacedBySixProcessesIsGivenOnce(backend: TestBackend) throws {
        let s = try setUp(backend); defer { s.ward.remove() }
        let out = race(s, order: { _ in s.taper }, scheduled: s.due)
        #expect(out.count == Self.pairs.count)
        #expect(out.filter { $0.status == 0 }.count == 1, "\(out.map(\.stderr))")
        let losers = out.filter { $0.status != 0 }
        #expect(losers.count == Self.pairs.count - 1)
        #expect(losers.allSatisfy { $0.status == 65 && $0.stderr.contains("already given by") }, "\(losers.map(\.stderr))")
        let n = try s.ward.sql("SELECT count(*) FROM administrations WHERE order_id = \(s.taper)")
        #expect(n == "1")
        let audit = try s.ward.sql("SELECT count(*) FROM audit_events WHERE action = 'dose.given' AND patient_mrn = 'RACE1'")
        #expect(audit == "1")
    }

    @Test(arguments: TestBackend.both) func prnDosesRacedAcrossTwoOrdersOfTheSameDrugAreGivenOnce(backend: TestBackend) throws {
        let s = try setUp(backend); defer { s.ward.remove() }
        let out = race(s, order: { $0 % 2 == 0 ? s.prnA : s.prnB }, scheduled: nil)
        #expect(out.filter { $0.status == 0 }.count == 1, "\(out.map(\.stderr))")
        #expect(out.filter { $0.status != 0 }.allSatisfy { $0.status == 65 && $0.stderr.contains("a benzodiazepine PRN (diazepam 5 mg) was given by") },
                "\(out.map(\.stderr))")
        let n = try s.ward.sql("SELECT count(*) FROM administrations WHERE is_prn = 1 AND patient_id = \(s.patient)")
        #expect(n == "1")
    }
}

/// Results written by several threads, read once all are in.
final class Results: @unchecked Sendable {
    private let lock = NSCondition()
    private var values: [ProcessResult?]
    private var done = 0
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: ProcessResult?) { lock.lock(); values[i] = r; done += 1; lock.broadcast(); lock.unlock() }
    func wait() -> [ProcessResult] {
        lock.lock(); defer { lock.unlock() }
        while done < values.count { lock.wait() }
        return values.compactMap { $0 }
    }
}
