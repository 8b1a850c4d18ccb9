import Foundation
import Testing
import WardCore
import WardStore

/// The issue's replay through `wardline dose`: the screen bypassed, the store
/// refuses a dose at RASS −4 (scheduled and PRN), says which rule and value,
/// exits non-zero and writes nothing; a prescriber's override gets through
/// and waits for co-signature.
@Suite(.serialized) struct DoseSafetyCLITests {
    func orders(_ demo: DemoWardDB, mrn: String) throws -> (taper: String, prn: String, due: String) {
        let rows = try demo.sql("""
            SELECT o.id, o.kind FROM med_orders o JOIN patients p ON p.id = o.patient_id WHERE p.mrn = '\(mrn)' ORDER BY o.id
            """).split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
        let taper = try #require(rows.first { $0[1] == "taper" }?[0])
        let prn = try #require(rows.first { $0[1] == "prn" }?[0])
        let times = try demo.sql("SELECT terms FROM med_order_versions WHERE order_id = \(taper)")
        let due = try #require(times.range(of: #"\d\d:\d\d"#, options: .regularExpression).map { String(times[$0]) })
        return (taper, prn, due)
    }

    func sedate(_ demo: DemoWardDB, mrn: String, rass: Int) throws {
        let ward = ProtocolLoader.builtInDefault()
        let store = try Store.open(path: demo.path, create: false)
        defer { try? store.close() }
        let nurse = Session(staff: try store.signIn(staffID: "N1002", secret: "121212", terminal: "e2e", policy: ward.security), terminal: "e2e")
        let p = try #require(try store.patient(mrn: mrn))
        _ = try store.record(RecordSedation(patientID: p.id, score: .rass(rass)), session: nurse)
    }

    @Test func atRASSMinusFourTheScheduledAndThePRNDoseAreRefusedWithTheRuleAndNothingIsWritten() throws {
        let demo = try DemoWardDB("dosecli"); defer { demo.remove() }
        _ = try demo.admitWithADoseDueNow(mrn: "CLI1", name: "Ruiz, Ana", prn: true)
        let o = try orders(demo, mrn: "CLI1")
        try sedate(demo, mrn: "CLI1", rass: -4)
        let sched = try runWardline(["dose", "--db", demo.path, "--as", "N1001", "--order", o.taper, "--scheduled", o.due,
                                                  "--witness", "C2001"], input: "111111\n222222\n")
        #expect(sched.status == 65)
        #expect(sched.stderr.contains("hold: RASS -4 (Deep sedation): at or below RASS -2"), "\(sched.stderr)")
        #expect(sched.stderr.contains("only a prescriber's recorded override"))
        let prn = try runWardline(["dose", "--db", demo.path, "--as", "N1001", "--order", o.prn, "--witness", "C2001"],
                                 input: "111111\n222222\n")
        #expect(prn.status == 65)
        #expect(prn.stderr.contains("RASS -4"), "\(prn.stderr)")
        #expect(try demo.sql("SELECT count(*) FROM administrations a JOIN patients p ON p.id = a.patient_id WHERE p.mrn = 'CLI1'") == "0")

        // An override must name a prescriber; a nurse's ID is refused.
        let nurseNamed = try runWardline(["dose", "--db", demo.path, "--as", "N1001", "--order", o.taper, "--scheduled", o.due,
                                                       "--witness", "C2001", "--override-prescriber", "N1002", "--instruction", "present",
                                                       "--override-reason", "x"], input: "111111\n222222\n")
        #expect(nurseNamed.status == 77 && nurseNamed.stderr.contains("not a prescriber"), "\(nurseNamed.stderr)")
        // A telephone instruction needs the read-back.
        let unread = try runWardline(["dose", "--db", demo.path, "--as", "N1001", "--order", o.taper, "--scheduled", o.due,
                                                   "--witness", "C2001", "--override-prescriber", "P3001", "--instruction", "telephone",
                                                   "--override-reason", "reviewed by phone"], input: "111111\n222222\n")
        #expect(unread.status == 65 && unread.stderr.contains("read back"), "\(unread.stderr)")
        // With the prescriber named, how and why: given, and waiting for their co-signature.
        let ok = try runWardline(["dose", "--db", demo.path, "--as", "N1001", "--order", o.taper, "--scheduled", o.due,
                                               "--witness", "C2001", "--override-prescriber", "P3001", "--instruction", "telephone",
                                               "--read-back", "--override-reason", "reviewed by phone: withdrawal, not sedation"],
                                input: "111111\n222222\n")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("on P3001's override (awaiting co-signature)"))
        #expect(try demo.sql("""
            SELECT o.instruction, o.read_back, s.staff_id FROM dose_overrides o JOIN staff s ON s.id = o.prescriber
            JOIN administrations a ON a.id = o.administration_id JOIN patients p ON p.id = a.patient_id WHERE p.mrn = 'CLI1'
            """) == "telephone|1|P3001")
        #expect(try demo.sql("SELECT count(*) FROM audit_events WHERE action = 'dose.given' AND patient_mrn = 'CLI1' AND details LIKE '%\"override\"%'") == "1")
    }

    @Test func theOldOneKeyPrescriberReasonIsRefused() throws {
        let demo = try DemoWardDB("dosecli2"); defer { demo.remove() }
        _ = try demo.admitWithADoseDueNow(mrn: "CLI2", name: "Berg, Ola", prn: true)
        let o = try orders(demo, mrn: "CLI2")
        let r = try runWardline(["dose", "--db", demo.path, "--as", "N1001", "--order", o.prn, "--witness", "C2001",
                                              "--reason", "prn-prescriber-instructed"], input: "111111\n222222\n")
        #expect(r.status == 65 && r.stderr.contains("override naming the prescriber"), "\(r.stderr)")
    }
}
