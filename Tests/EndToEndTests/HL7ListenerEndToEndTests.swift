import Foundation
import Glibc
import TestTools
import Testing
import WardCore
import WardStore

/// The ADT listener (`wardline interface listen`) against a sending system from outside the
/// program: python-hl7 from PyPI (Tests/Interop/hl7_peer.py) sends real MLLP traffic over TCP.
@Suite(.serialized) struct HL7ListenerEndToEndTests {
    @Test(arguments: TestBackend.both) func eachMessageTypeIsAppliedAcknowledgedAndKept(backend: TestBackend) throws {
        let ward = try DemoWardDB("hl7-types", backend: backend); defer { ward.remove() }
        let listener = try Listener(ward); defer { listener.stop() }
        let demoPatients = try Int(ward.sql("SELECT count(*) FROM patients")) ?? -1
        let free = try ward.freeBeds()
        try #require(free.count >= 2, "the demo ward has free beds")
        let (bedA, bedB) = (free[0], free[1])
        let messages = [
            HL7.adt("A01", "C1", mrn: "H1", name: "Ozturk^Ayla", bed: bedA, allergies: ["Penicillin"]),
            HL7.adt("A01", "C2", mrn: "H2", name: "Nakamura^Ken", bed: nil),
            HL7.adt("A02", "C3", mrn: "H1", bed: bedB),
            HL7.adt("A12", "C4", mrn: "H1", bed: bedA, prior: bedA),
            HL7.adt("A08", "C5", mrn: "H1", name: "Ozturk-Smith^Ayla", allergies: ["Latex"]),
            HL7.adt("A03", "C6", mrn: "H1"),
            HL7.adt("A13", "C7", mrn: "H1"),
            HL7.adt("A11", "C8", mrn: "H2"),
            HL7.adt("A01", "C1", mrn: "H1", name: "Ozturk^Ayla", bed: bedA, allergies: ["Penicillin"]),   // resent
        ]
        let out = try listener.peer("send", messages)
        let acks = out.acks
        try #require(acks.count == messages.count, "\(out)")
        for (n, a) in acks.prefix(8).enumerated() { #expect(a.code == "AA", "message \(n + 1): \(a)") }
        #expect(acks.map(\.control) == ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C1"])
        // The resend: the same ACK, word for word (its own control ID included), and nothing applied twice.
        #expect(acks[8] == acks[0])
        #expect(acks[0].msh9 == "ACK^A01^ACK")
        #expect(try Int(ward.sql("SELECT count(*) FROM patients")) == demoPatients + 2)
        #expect(try ward.sql("SELECT count(*) FROM interface_messages") == "8", "the resend is not stored again")
        // Where each message left the record.
        let h1 = try ward.sql("SELECT id FROM patients WHERE mrn = 'H1'")
        #expect(try ward.sql("SELECT bed FROM placements WHERE patient_id = \(h1) ORDER BY id") == "\(bedA)\n\(bedB)\n\(bedA)")
        #expect(try ward.sql("SELECT count(*) FROM placements WHERE patient_id = (SELECT id FROM patients WHERE mrn = 'H2')") == "0",
                "admitted without a bed: waiting for one")
        #expect(try ward.sql("SELECT name || ';' || allergies FROM patient_demographics WHERE patient_id = \(h1)")
                == #"Ozturk-Smith, Ayla;["Penicillin","Latex"]"#)
        #expect(try ward.sql("SELECT risk_flags FROM patients WHERE id = \(h1)").contains("seizure history and substances not asked yet"))
        #expect(try ward.sql("SELECT count(*) FROM discharges WHERE patient_id = \(h1)") == "0", "an A03 is a notice, not a discharge")
        #expect(try ward.sql("SELECT string_agg(message_type, ',') FROM (SELECT message_type FROM interface_messages WHERE outcome = 'AA' ORDER BY id) t"
                             .replacingOccurrences(of: "string_agg(message_type, ',')", with: ward.backend == .sqlite ? "group_concat(message_type, ',')" : "string_agg(message_type, ',')"))
                == "ADT^A01,ADT^A01,ADT^A02,ADT^A12,ADT^A08,ADT^A03,ADT^A13,ADT^A11")
        // The raw bytes are kept: the first row decodes to exactly what was sent.
        let raw = try ward.sql("SELECT raw_base64 FROM interface_messages ORDER BY id LIMIT 1")
        #expect(Data(base64Encoded: raw).map { String(decoding: $0, as: UTF8.self) } == messages[0])
        // Audited with the interface as the actor, and the ward checks clean.
        #expect(try ward.sql("SELECT count(*) FROM audit_events WHERE actor = 'ADT-INTERFACE' AND action = 'interface.message'") == "8")
        #expect(try ward.sql("SELECT count(*) FROM audit_events WHERE actor = 'ADT-INTERFACE' AND action = 'patient.admit'") == "2")
        let check = try runWardline(["check", "--db", ward.path], environment: ward.processEnvironment)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let record = try runWardline(["record", "H2", "--db", ward.path, "--as", "C2001"], input: "222222\n", environment: ward.processEnvironment)
        #expect(record.stdout.contains("Nakamura, Ken"), "\(record.stdout)\(record.stderr)")
        // What the overview is handed: H2 waits for a bed with the A11 notice; H1's A03 was withdrawn by the A13.
        if backend == .sqlite {
            let store = try Store.open(path: ward.path, create: false); defer { try? store.close() }
            let snapshot = try store.loadWard(protocol: ProtocolLoader.builtInDefault())
            #expect(snapshot.waitingForBed.map(\.mrn) == ["H2"])
            let h2 = try #require(snapshot.patients.first { $0.mrn == "H2" })
            #expect(snapshot.pasNotices[h2.id]?.kind == .admissionCancelled)
            #expect(snapshot.pasNotices.count == 1, "H1's discharge notice was withdrawn")
            #expect(snapshot.patients.first { $0.mrn == "H1" }?.name == "Ozturk-Smith, Ayla")
        }
    }

    @Test(arguments: TestBackend.both) func everyErrorAndRejectionNamesItsField(backend: TestBackend) throws {
        let ward = try DemoWardDB("hl7-errors", backend: backend); defer { ward.remove() }
        let listener = try Listener(ward); defer { listener.stop() }
        let free = try ward.freeBeds()
        let taken = try ward.sql("SELECT bed FROM current_beds ORDER BY bed LIMIT 1")
        let cases: [(message: String, code: String, place: String, err: String, says: String)] = [
            (HL7.adt("A01", "E0", mrn: "E0", name: "Setup^Patient", bed: free[0]), "AA", "", "", "Admitted"),
            (HL7.adt("A02", "E1", mrn: "E0", bed: taken), "AE", "PV1^1^3", "207", "taken"),
            (HL7.adt("A02", "E2", mrn: "E0", bed: "99"), "AE", "PV1^1^3", "103", "not a bed on this ward"),
            (HL7.adt("A02", "E3", mrn: "NOBODY", bed: free[1]), "AE", "PID^1^3", "204", "No patient with MRN NOBODY"),
            (HL7.adt("A01", "E4", mrn: "E4", name: "Bad^Date", dob: "19801340"), "AE", "PID^1^7", "102", "not a date"),
            (HL7.adt("A01", "E5", mrn: "E5", name: "Bad^Time", evn: "2026-12-06"), "AE", "EVN^1^2", "102", "not a date and time"),
            (HL7.adt("A01", "E6", mrn: "E6", name: "Too^Early", dob: "20250101"), "AE", "PID^1^7", "102", "this ward admits ages"),
            (HL7.adt("A01", "E0", mrn: "E0", name: "Setup^Patient", bed: free[0]).replacingOccurrences(of: "|E0|P|", with: "|E7|P|"),
             "AE", "PID^1^3", "205", "already admitted"),
            (HL7.adt("A01", "E8", mrn: "E8", name: "Bell\\X07\\^Ring"), "AE", "PID^1^5^1^1", "102", "control character"),
            (HL7.adt("A01", "E9", mrn: "E9", name: "Line\\.br\\Break^X"), "AE", "PID^1^5^1^1", "102", "escape sequence"),
            (HL7.adt("A01", "E10", mrn: "E10", name: "Nobody^Here", poc: "CARDIO"), "AR", "PV1^1^3", "204", "not for this ward"),
            (HL7.adt("A04", "E11", mrn: "E11", name: "Wrong^Event"), "AR", "MSH^1^9", "201", "not an event this ward applies"),
            (HL7.adt("A01", "E12", mrn: "E12", name: "Not^Adt").replacingOccurrences(of: "ADT^A01^ADT_A01", with: "ORU^R01^ORU_R01"),
             "AR", "MSH^1^9", "200", "ADT only"),
            (HL7.adt("A01", "E13", mrn: "E13", name: "Old^Version").replacingOccurrences(of: "|P|2.5|", with: "|P|3.0|"), "AR", "MSH^1^12", "203", "not 2.x"),
            (HL7.adt("A01", "E14", mrn: "E14", name: "No^Bed", bed: "42"), "AE", "PV1^1^3", "103", "not a bed on this ward"),
            (HL7.adt("A03", "E15", mrn: "NOBODY"), "AE", "PID^1^3", "204", "No patient"),
            (HL7.adt("A13", "E16", mrn: "E0"), "AE", "MSH^1^9", "207", "no PAS discharge"),
            (HL7.adt("A01", "E17", mrn: "", name: "No^Mrn"), "AE", "PID^1^3", "101", "empty"),
            (HL7.adt("A01", "E18", mrn: "E18", name: "Other^Set", charset: "UNICODE UTF-16"), "AR", "MSH^1^18", "102", "character set"),
        ]
        let out = try listener.peer("send", cases.map(\.message))
        try #require(out.acks.count == cases.count, "\(out)")
        for (c, a) in zip(cases, out.acks) {
            #expect(a.code == c.code, "\(c.message.split(separator: "\r")[0]): \(a)")
            if c.code != "AA" {
                #expect(a.errPlace == c.place && a.errCode == c.err, "\(a)")
                #expect(a.errText.contains(c.says), "\(a)")
            }
        }
        #expect(try ward.sql("SELECT count(*) FROM interface_messages") == "\(cases.count)", "every message kept with its outcome")
        #expect(try ward.sql("SELECT count(*) FROM patients WHERE mrn LIKE 'E%'") == "1", "only the setup patient was admitted")
        let check = try runWardline(["check", "--db", ward.path], environment: ward.processEnvironment)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func escapesAndCharacterSetsAreDecoded() throws {
        let ward = try DemoWardDB("hl7-text"); defer { ward.remove() }
        let listener = try Listener(ward); defer { listener.stop() }
        // \F\ \S\ \T\ \R\ \E\ and \Xhh\ (UTF-8 bytes of "é") in UTF-8; then an 8859/1 message whose
        // byte 0xE9 is "é", and a UTF-8 message with a byte that is not UTF-8.
        let utf8 = HL7.adt("A01", "T1", mrn: "T1", name: #"A\F\B\S\C\T\D\R\E\E\F^Ren\XC3A9\"#)
        let out = try listener.peer("send", [utf8])
        #expect(out.acks.first?.code == "AA", "\(out)")
        #expect(try ward.sql("SELECT name FROM patients WHERE mrn = 'T1'") == #"A|B^C&D~E\F, René"#)
        let latin1 = HL7.adt("A01", "T2", mrn: "T2", name: "Lef\u{E8}vre^Ren\u{E9}e", charset: "8859/1")
        let bad = HL7.adt("A01", "T3", mrn: "T3", name: "Bad\u{E9}^Bytes")   // sent as latin-1 bytes, says UTF-8
        let raw = try listener.peer("bytes", [latin1, bad])
        #expect(raw.acks.map(\.code) == ["AA", "AR"], "\(raw)")
        #expect(raw.acks.last?.errPlace == "MSH^1^18")
        #expect(try ward.sql("SELECT name FROM patients WHERE mrn = 'T2'") == "Lefèvre, Renée")
    }

    @Test func framesThatArriveSplitBrokenOrHalfAreHandled() throws {
        let ward = try DemoWardDB("hl7-frames"); defer { ward.remove() }
        let listener = try Listener(ward); defer { listener.stop() }
        let split = try listener.peer("split", [HL7.adt("A01", "F1", mrn: "F1", name: "Split^Frame")])
        #expect(split.acks.first?.code == "AA" && (split.pieces ?? 0) > 10, "\(split)")
        let garbage = try listener.peer("garbage", [HL7.adt("A01", "F2", mrn: "F2", name: "After^Garbage")])
        #expect(garbage.acks.map(\.code) == ["AR", "AA"], "not HL7 rejected, then the good message applied: \(garbage)")
        #expect(garbage.acks.first?.errText.contains("MSH") == true)
        let half = try listener.peer("midframe", [HL7.adt("A01", "F3", mrn: "F3", name: "Half^Sent"),
                                                  HL7.adt("A01", "F4", mrn: "F4", name: "Next^Peer")])
        #expect(half.acks.map(\.code) == ["AA"], "\(half)")
        #expect(try ward.sql("SELECT count(*) FROM patients WHERE mrn IN ('F1','F2','F3','F4')") == "3", "the half-sent F3 was not applied")
        // 300 frames in one write, no waiting for ACKs: all answered, in order.
        let flood = (1...300).map { HL7.adt("A08", "Q\($0)", mrn: "F1", name: "Split^Frame \($0 % 7)") }
        let piped = try listener.peer("pipeline", flood)
        #expect(piped.acks.map(\.control) == flood.indices.map { "Q\($0 + 1)" } && piped.acks.allSatisfy { $0.code == "AA" },
                "\(piped.acks.count) ACKs; first not AA: \(String(describing: piped.acks.first { $0.code != "AA" }))")
        let log = listener.stop()
        #expect(log.contains("an end block not followed by a carriage return"), "\(log)")
        #expect(log.contains("bytes outside any frame were ignored"), "\(log)")
        #expect(log.contains("closed the connection inside a frame"), "\(log)")
    }

    /// A message that cannot be stored gets no ACK (the connection is closed, the sender resends):
    /// nothing is acknowledged that is not durable. Another process holds the ward's write lock for
    /// longer than the store waits (10 s, twice: the message, then its AE); afterwards the resend is
    /// applied once.
    @Test func aMessageThatCannotBeStoredIsNotAcknowledged() throws {
        let ward = try DemoWardDB("hl7-noack"); defer { ward.remove() }
        let listener = try Listener(ward); defer { listener.stop() }
        // The listener is up (and has made its staff row) before the lock is taken.
        let warm = try listener.peer("send", [HL7.adt("A08", "L0", mrn: "NOBODY")])
        #expect(warm.acks.first?.code == "AE")
        let holder = try ChildProcess(URL(fileURLWithPath: "/bin/bash"),
                                      ["-c", "{ echo 'BEGIN EXCLUSIVE;'; echo 'SELECT 1;'; sleep 30; echo 'COMMIT;'; } | sqlite3 \(Tmux.quote(ward.path))"])
        usleep(500_000)
        let message = [HL7.adt("A01", "L1", mrn: "L1", name: "Locked^Out")]
        let refused = try listener.peer("noack", message, timeout: 120)
        #expect(refused.closed == true && refused.acks.isEmpty, "\(refused)")
        holder.finish(timeout: 60)
        #expect(try ward.sql("SELECT count(*) FROM interface_messages") == "1", "only the warm-up")
        #expect(try ward.sql("SELECT count(*) FROM patients WHERE mrn = 'L1'") == "0")
        let resent = try listener.peer("send", message + message)
        #expect(resent.acks.map(\.code) == ["AA", "AA"] && resent.acks[0] == resent.acks[1], "\(resent)")
        #expect(try ward.sql("SELECT count(*) FROM patients WHERE mrn = 'L1'") == "1")
        #expect(listener.stop().contains("no ACK"))
    }

    @Test func onlyAllowedAddressesMayConnect() throws {
        let ward = try DemoWardDB("hl7-allow"); defer { ward.remove() }
        let listener = try Listener(ward, extra: ["--allow", "127.0.0.1/32", "127.0.0.3"]); defer { listener.stop() }
        let message = [HL7.adt("A01", "P1", mrn: "P1", name: "Allowed^Peer")]
        let refused = try listener.peer("refused", message, extra: ["127.0.0.2"])
        #expect(refused.closed == true && refused.acks.isEmpty, "\(refused)")
        let allowed = try listener.peer("refused", message, extra: ["127.0.0.3"])
        #expect(allowed.closed == false && allowed.acks.first?.code == "AA", "\(allowed)")
        #expect(try ward.sql("SELECT count(*) FROM interface_messages") == "1", "nothing from the refused peer was read")
        let log = listener.stop()
        #expect(log.contains("refused a connection from 127.0.0.2"), "\(log)")
        let bad = try runWardline(["interface", "listen", "--db", ward.path, "--port", "0", "--point-of-care", "DETOX", "--allow", "10.0.0.0/40"])
        #expect(bad.status == 64 && bad.stderr.contains("prefix length"), "\(bad.stderr)")
        let noCode = try runWardline(["interface", "listen", "--db", ward.path, "--port", "0"])
        #expect(noCode.status == 64 && noCode.stderr.contains("--point-of-care"), "\(noCode.stderr)")
    }

    /// On a hospital's database, an A02 naming another ward sends the patient there with the record
    /// (the sending ward's listener), and the same A02 at the receiving ward's listener accepts them
    /// into the bed it names: what `W` and the arrival picker do, from the PAS.
    @Test func anA02BetweenTwoWardsOfTheHospitalMovesTheRecord() throws {
        let h = try TransferEndToEndTests.hospital(); defer { h.drop() }
        let (a, b) = (h.code("a"), h.code("b"))
        let onA = try Listener(db: h.url("a"), environment: h.environment, extra: [])
        defer { onA.stop() }
        let onB = try Listener(db: h.url("b"), environment: h.environment, extra: [])
        defer { onB.stop() }
        func sql(_ q: String) throws -> String {
            try h.psql(q, as: "wardline_owner").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let mrn = try sql("SELECT p.mrn FROM ward_\(a).patients p JOIN ward_\(a).current_beds c ON c.patient_id = p.id ORDER BY c.bed LIMIT 1")
        let move = HL7.adt("A02", "X1", mrn: mrn, poc: b, bed: "2")
        // Ward b cannot take them before ward a has sent them: the MRN is not on b's record.
        let early = try onB.peer("send", [move.replacingOccurrences(of: "|X1|", with: "|X0|")])
        #expect(early.acks.first?.code == "AE" && early.acks.first?.errCode == "204", "\(early)")
        let sent = try onA.peer("send", [move])
        #expect(sent.acks.first?.code == "AA" && sent.acks.first?.text?.contains("sent to Ward b with the record") == true, "\(sent)")
        let accepted = try onB.peer("send", [move, move])
        #expect(accepted.acks.first?.code == "AA" && accepted.acks.first?.text?.contains("into bed 2 with the record") == true, "\(accepted)")
        #expect(accepted.acks[1] == accepted.acks[0], "the resend is answered from the log")
        #expect(try sql("SELECT c.bed FROM ward_\(b).patients p JOIN ward_\(b).current_beds c ON c.patient_id = p.id WHERE p.mrn = '\(mrn)'") == "2")
        #expect(try sql("SELECT count(*) FROM ward_\(a).discharges d JOIN ward_\(a).patients p ON p.id = d.patient_id WHERE p.mrn = '\(mrn)'") == "1")
        #expect(try sql("SELECT count(*) FROM hospital.transfer_arrivals a JOIN hospital.transfers t ON t.id = a.transfer_id WHERE t.mrn = '\(mrn)'") == "1")
        #expect(try sql("SELECT count(*) FROM ward_\(b).audit_events WHERE action = 'patient.transfer-in' AND actor = 'ADT-INTERFACE'") == "1")
        // The record came too: the same number of withdrawal scores on both wards.
        let scores = "SELECT count(*) FROM ward_%@.assessments x JOIN ward_%@.patients p ON p.id = x.patient_id WHERE p.mrn = '\(mrn)'"
        #expect(try sql(scores.replacingOccurrences(of: "%@", with: b)) == sql(scores.replacingOccurrences(of: "%@", with: a)))
        for w in ["a", "b"] {
            let check = try runWardline(["check", "--db", h.url(w)], environment: ProcessInfo.processInfo.environment.merging(h.environment) { $1 })
            #expect(check.status == 0, "\(w): \(check.stdout.suffix(800))\(check.stderr)")
        }
    }

    @Test(arguments: TestBackend.both) func aThousandMessagesInARowAreEachAppliedOnce(backend: TestBackend) throws {
        let ward = try DemoWardDB("hl7-burst", backend: backend); defer { ward.remove() }
        let listener = try Listener(ward); defer { listener.stop() }
        let count = 1000
        let messages = (1...count).map { HL7.adt("A01", "B\($0)", mrn: "B\($0)", name: "Burst^Patient \($0)") }
        let out = try listener.peer("burst", messages, timeout: 600)
        #expect(out.acks.count == count)
        #expect(out.acks.filter { $0.code == "AA" }.count == count, "\(out.acks.filter { $0.code != "AA" }.prefix(3))")
        #expect(out.acks.map(\.control) == messages.indices.map { "B\($0 + 1)" }, "answered in order")
        #expect(try ward.sql("SELECT count(*) FROM patients WHERE mrn LIKE 'B%'") == "\(count)")
        #expect(try ward.sql("SELECT count(*) FROM interface_messages WHERE outcome = 'AA'") == "\(count)")
        let check = try runWardline(["check", "--db", ward.path], environment: ward.processEnvironment)
        #expect(check.status == 0, "\(check.stdout.suffix(500))\(check.stderr)")
        // The floor on the same disk, in the same run: as many bare commits (WAL, synchronous=FULL) by the sqlite3 shell.
        var floor = ""
        if backend == .sqlite {
            let db = Paths.tempDir("hl7-floor").appendingPathComponent("floor.sqlite").path
            let script = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(x);\n"
                + String(repeating: "BEGIN IMMEDIATE; INSERT INTO t VALUES (1); COMMIT;\n", count: count)
            let start = Date()
            _ = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db], input: script, timeout: 300)
            let bare = Date().timeIntervalSince(start)
            floor = String(format: "; %d bare commits by sqlite3 %.2f s (%.1f× the floor)", count, bare, (out.seconds ?? 0) / max(bare, 0.001))
        }
        print("hl7 burst (\(backend)): \(count) messages, all AA, \(String(format: "%.2f", out.seconds ?? 0)) s, \(String(format: "%.1f", Double(count) / (out.seconds ?? 1))) messages/s\(floor)")
    }

    @Test func aFuzzedPeerNeverStopsTheListener() throws {
        let ward = try DemoWardDB("hl7-fuzz"); defer { ward.remove() }
        let listener = try Listener(ward); defer { listener.stop() }
        let free = try ward.freeBeds()
        let bases = [HL7.adt("A01", "Z1", mrn: "Z1", name: "Fuzz^One", bed: free[0], allergies: ["Latex"]),
                     HL7.adt("A08", "Z2", mrn: "Z1", name: "Fuzz^Two"),
                     HL7.adt("A02", "Z3", mrn: "Z1", bed: free[1]),
                     HL7.adt("A01", "Z9", mrn: "Z9", name: "After^Fuzz")]
        let out = try listener.peer("fuzz", bases, extra: ["20261206", "300"], timeout: 600)
        #expect((out.answered ?? 0) + (out.unanswered ?? 0) == 300, "\(out)")
        #expect(out.probe_answered == out.unanswered, "every connection left waiting for a frame still answered the next good message: \(out)")
        #expect(out.after?.code == "AA", "still answering after the fuzz: \(out)")
        #expect(listener.isRunning, "the listener is still running")
        let check = try runWardline(["check", "--db", ward.path])
        #expect(check.status == 0, "\(check.stdout.suffix(800))\(check.stderr)")
        print("hl7 fuzz: 300 frames, \(out.answered ?? 0) answered (\(out.codes ?? [:])), \(out.unanswered ?? 0) never made a whole frame (each connection then answered a good message)")
    }
}

/// Messages as a PAS would send them (HL7 v2.5, segments ended by carriage returns).
enum HL7 {
    static func adt(_ event: String, _ control: String, mrn: String, name: String? = nil, dob: String = "19800214", sex: String = "F",
                    poc: String = "DETOX", bed: String? = nil, prior: String? = nil, evn: String = "20261201080000",
                    allergies: [String] = [], charset: String = "UNICODE UTF-8") -> String {
        var segs = [
            "MSH|^~\\&|PAS|GENHOSP|WARDLINE|DETOX|20261201080000||ADT^\(event)^ADT_\(event)|\(control)|P|2.5||||||\(charset)",
            "EVN|\(event)|\(evn)",
            "PID|1||\(mrn)^^^GENHOSP^MR||\(name ?? "")||\(name == nil ? "" : dob)|\(name == nil ? "" : sex)",
            "PV1|1|I|\(poc)^^\(bed ?? "")|||\(prior.map { "\(poc)^^\($0)" } ?? "")",
        ]
        for (n, a) in allergies.enumerated() { segs.append("AL1|\(n + 1)|DA|^\(a)") }
        return segs.joined(separator: "\r") + "\r"
    }
}

/// `wardline interface listen` on a free port of this host, and the Python peer that talks to it.
final class Listener {
    let port: Int
    let child: ChildProcess
    private var log: String?

    convenience init(_ ward: DemoWardDB, extra: [String] = []) throws {
        try self.init(db: ward.path, environment: ward.environment, extra: ["--point-of-care", "DETOX"] + extra)
    }

    /// A listener on any ward (`--db`), e.g. one of a test hospital's, with its own options.
    init(db: String, environment: [String: String], extra: [String]) throws {
        port = try freeLoopbackPort()
        child = try ChildProcess(Paths.binary, ["interface", "listen", "--db", db, "--port", String(port)] + extra,
                                 environment: WardZone.environment().merging(environment) { $1 })
    }

    var isRunning: Bool { kill(child.pid, 0) == 0 && waitpid(child.pid, nil, WNOHANG) == 0 }

    /// Stops the listener; its log (stderr).
    @discardableResult
    func stop() -> String {
        if let log { return log }
        child.signal(SIGTERM)
        let r = child.finish(timeout: 20)
        log = r.stderr
        return r.stderr
    }

    struct Ack: Decodable, Equatable {
        var code: String, control: String, text: String?, msh9: String?
        var errPlace: String { err_place ?? "" }
        var errCode: String { err_code ?? "" }
        var errText: String { err_text ?? "" }
        var err_place: String?, err_code: String?, err_text: String?
    }
    struct Result: Decodable {
        var acks: [Ack] = []
        var pieces: Int?, closed: Bool?, seconds: Double?, answered: Int?, unanswered: Int?, probe_answered: Int?, codes: [String: Int]?, after: Ack?
    }

    func peer(_ mode: String, _ messages: [String], extra: [String] = [], timeout: TimeInterval = 120) throws -> Result {
        let python = try InteropPython.python(packageRoot: Paths.packageRoot)
        let script = Paths.packageRoot.appendingPathComponent("Tests/Interop/hl7_peer.py").path
        let input = String(decoding: try JSONEncoder().encode(messages), as: UTF8.self)
        let r = try runProcess(python, [script, mode, "127.0.0.1", String(port)] + extra, input: input, timeout: timeout)
        guard r.status == 0, let data = r.stdout.split(separator: "\n").last.map({ Data($0.utf8) }) else {
            // The listener's side of it too (this stops it: the test has failed).
            throw PeerFailed(description: "hl7_peer.py \(mode) exited \(r.status): \(r.stderr.suffix(3000))\nlistener log:\n\(stop().suffix(3000))")
        }
        return try JSONDecoder().decode(Result.self, from: data)
    }

    struct PeerFailed: Error, CustomStringConvertible { let description: String }

}

extension DemoWardDB {
    /// Beds without a patient now, in the ward's order.
    func freeBeds() throws -> [String] {
        try sql("SELECT label FROM beds WHERE label NOT IN (SELECT bed FROM current_beds) ORDER BY position").split(separator: "\n").map(String.init)
    }

    /// This process's environment with the ward's own (PostgreSQL's pgpass file), for `wardline` runs.
    var processEnvironment: [String: String]? {
        environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
}
