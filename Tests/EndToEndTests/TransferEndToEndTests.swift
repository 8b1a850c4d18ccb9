import Foundation
import Testing
import TestTools
import WardCore
import WardStore

/// Issue 19: a patient transferred between two wards of one hospital database keeps the record,
/// orders (held until the receiving prescriber re-confirms them) and audit; the sending ward sees
/// "transferred to …"; the database lets only the two wards concerned see the transfer.
@Suite(.serialized) struct TransferEndToEndTests {
    /// Ward a is the demo ward; b is a 6-bed ward with its own charge nurse, nurse and prescriber; c a third ward.
    static func hospital() throws -> PostgresTestHospital {
        let h = try PostgresTestHospital(["a", "b", "c"])
        let demo = try runWardline(["demo", "--db", h.ownerURL("a"), "--create-only"], environment: h.environment)
        #expect(demo.status == 0, "\(demo.stderr)")
        for (name, extra) in [("a", [String]()), ("b", ["--beds", "6", "--admin-id", "Ab", "--admin-name", "Admin, b"]),
                              ("c", ["--beds", "4", "--admin-id", "Ac", "--admin-name", "Admin, c"])] {
            let r = try runWardline(["ward", "add", h.code(name), "--db", h.ownerURL(name), "--name", "Ward \(name)",
                                     "--app-role", h.role(name)] + extra, input: "913579\n913579\n", environment: h.environment)
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        }
        for (id, role, pin) in [("CB1", "charge-nurse", "424242"), ("NB1", "nurse", "434343"), ("PB1", "prescriber", "454545")] {
            let r = try runWardline(["staff", "add", "--db", h.url("b"), "--as", "Ab", "--id", id, "--name", "Staff, \(id)", "--role", role],
                                    input: "913579\n\(pin)\n\(pin)\n", environment: h.environment)
            #expect(r.status == 0, "\(r.stderr)")
        }
        return h
    }

    /// The patient's rows per clinical table on a ward, each as its values without the ward's own
    /// numbers, with its authors' staff IDs and whether it amends another row (sorted; one line a row).
    static func fingerprints(_ h: PostgresTestHospital, _ ward: String, mrn: String) throws -> [String: [String]] {
        let w = "ward_\(h.code(ward))"
        let numbering = "ARRAY['id','patient_id','supersedes','order_id','administration_id','observation_id','followup_id','override_id','assessment_id','recorded_by','written_by','witness','prescriber','signed_by','decided_by','set_by','staff','created_by']"
        let authors = "ARRAY['recorded_by','written_by','witness','prescriber','signed_by','decided_by','set_by','staff','created_by']"
        var out: [String: [String]] = [:]
        for t in ["assessments", "vital_signs", "sedation_scores", "monitoring_exceptions", "administrations", "med_orders", "med_order_versions",
                  "clinical_events", "handover_notes", "handover_marks", "severity_overrides", "prn_followups", "prn_followup_results",
                  "dose_overrides", "override_cosignatures", "administration_amendments", "dose_gates", "spo2_scale_decisions"] {
            let via: [String: (String, String)] = ["administration_amendments": ("administrations", "administration_id"), "med_order_versions": ("med_orders", "order_id"),
                                                   "prn_followup_results": ("prn_followups", "followup_id"), "override_cosignatures": ("dose_overrides", "override_id"),
                                                   "dose_gates": ("assessments", "assessment_id")]
            let link = via[t].map { "JOIN \(w).\($0.0) y ON y.id = x.\($0.1) JOIN \(w).patients p ON p.id = y.patient_id" } ?? "JOIN \(w).patients p ON p.id = x.patient_id"
            let r = try h.psql("""
                SELECT ((to_jsonb(x) - \(numbering)) || jsonb_build_object('amends', to_jsonb(x)->>'supersedes' IS NOT NULL,
                    'authors', (SELECT coalesce(string_agg(s.staff_id, '+' ORDER BY s.staff_id), '') FROM \(w).staff s
                                WHERE s.id IN (SELECT value::bigint FROM jsonb_each_text(to_jsonb(x)) WHERE key = ANY(\(authors)) AND value IS NOT NULL))))::text
                FROM \(w).\(t) x \(link) WHERE p.mrn = '\(mrn)'
                """, as: "wardline_owner")
            #expect(r.status == 0, "\(t): \(r.stderr)")
            out[t] = r.stdout.split(separator: "\n").map(String.init).sorted()
        }
        return out
    }

    @Test func aPatientGoesFromWardAToWardBWithTheRecordOrdersAndAudit() throws {
        let h = try Self.hospital(); defer { if ProcessInfo.processInfo.environment["KEEP_HOSPITAL"] == nil { h.drop() } }
        let a = "ward_\(h.code("a"))", b = "ward_\(h.code("b"))"
        // The demo patient with the most dose events and a PRN order.
        let mrn = try h.psql("""
            SELECT p.mrn FROM \(a).patients p WHERE NOT EXISTS (SELECT 1 FROM \(a).discharges d WHERE d.patient_id = p.id)
            AND EXISTS (SELECT 1 FROM \(a).med_orders o WHERE o.patient_id = p.id AND o.kind = 'prn')
            ORDER BY (SELECT count(*) FROM \(a).administrations x WHERE x.patient_id = p.id) DESC, p.mrn LIMIT 1
            """, as: "wardline_owner").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!mrn.isEmpty)
        let before = try Self.fingerprints(h, "a", mrn: mrn)
        #expect(before["administrations"]!.count > 0 && before["assessments"]!.count > 0 && before["vital_signs"]!.count > 0, "\(before)")

        // A nurse may not send; an unknown ward is named with the ones there are.
        let byNurse = try runWardline(["transfer", "out", "--db", h.url("a"), "--as", "N1001", "--patient", mrn, "--to", h.code("b")],
                                      input: "111111\n", environment: h.environment)
        #expect(byNurse.status == 77, "\(byNurse.stderr)")
        let nowhere = try runWardline(["transfer", "out", "--db", h.url("a"), "--as", "C2001", "--patient", mrn, "--to", "zz9"],
                                      input: "222222\n", environment: h.environment)
        #expect(nowhere.status != 0 && nowhere.stderr.contains("no ward zz9") && nowhere.stderr.contains(h.code("b")), "\(nowhere.stderr)")

        // Ward a's charge nurse sends the patient to b.
        let sent = try runWardline(["transfer", "out", "--db", h.url("a"), "--as", "C2001", "--patient", mrn, "--to", h.code("b")],
                                   input: "222222\n", environment: h.environment)
        #expect(sent.status == 0 && sent.stdout.contains("sent to Ward b"), "\(sent.stdout)\(sent.stderr)")
        let id = try #require(sent.stdout.split(separator: "#").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) })
        // Ward a: discharged, "transferred to Ward b", waiting.
        let listA = try runWardline(["transfer", "list", "--db", h.url("a"), "--as", "C2001"], input: "222222\n", environment: h.environment)
        #expect(listA.stdout.contains("#\(id)  transferred to Ward b") && listA.stdout.contains("waiting for Ward b"), "\(listA.stdout)\(listA.stderr)")
        #expect(try h.psql("SELECT count(*) FROM \(a).discharges d JOIN \(a).patients p ON p.id = d.patient_id WHERE p.mrn = '\(mrn)'",
                           as: "wardline_owner").stdout.hasPrefix("1"))
        // The database shows the transfer to the two wards concerned only; nobody rewrites it or accepts for another ward.
        #expect(try h.psql("SELECT count(*) FROM hospital.transfers", as: h.role("c")).stdout.hasPrefix("0"))
        #expect(try h.psql("SELECT count(*) FROM hospital.transfers WHERE id = \(id)", as: h.role("b")).stdout.hasPrefix("1"))
        let forged = try h.psql("""
            INSERT INTO hospital.transfers (from_ward, to_ward, mrn, patient_name, sent_at, sent_by, sent_by_name, from_seq, from_hash, schema_version, package)
            VALUES ('\(h.code("b"))', '\(h.code("c"))', 'X', 'X', 'x', 'x', 'x', 0, 'x', 1, '{}')
            """, as: h.role("a"))
        #expect(forged.status != 0 && forged.stderr.contains("row-level security"), "\(forged.stderr)")
        let stolen = try h.psql("""
            INSERT INTO hospital.transfer_arrivals (transfer_id, ward, bed, patient_id, accepted_at, accepted_by, accepted_by_name)
            VALUES (\(id), '\(h.code("c"))', '1', 1, 'x', 'x', 'x')
            """, as: h.role("c"))
        #expect(stolen.status != 0 && stolen.stderr.contains("row-level security"), "\(stolen.stderr)")
        let rewritten = try h.psql("UPDATE hospital.transfers SET to_ward = '\(h.code("c"))' WHERE id = \(id)", as: h.role("b"))
        #expect(rewritten.status != 0 && rewritten.stderr.contains("permission denied"), "\(rewritten.stderr)")
        // Ward c cannot accept it; b's nurse may not.
        let byC = try runWardline(["transfer", "accept", "--db", h.url("c"), "--as", "Ac", "--transfer", String(id), "--bed", "1"],
                                  input: "913579\n", environment: h.environment)
        #expect(byC.status != 0 && byC.stderr.contains("No transfer #\(id) was sent to this ward"), "\(byC.stderr)")
        let byNurseB = try runWardline(["transfer", "accept", "--db", h.url("b"), "--as", "NB1", "--transfer", String(id), "--bed", "2"],
                                       input: "434343\n", environment: h.environment)
        #expect(byNurseB.status == 77, "\(byNurseB.stderr)")
        let listB = try runWardline(["transfer", "list", "--db", h.url("b"), "--as", "NB1"], input: "434343\n", environment: h.environment)
        #expect(listB.stdout.contains("#\(id)  from Ward a") && listB.stdout.contains("waiting"), "\(listB.stdout)")

        // Ward b's charge nurse accepts into bed 2: the whole record arrives.
        let accepted = try runWardline(["transfer", "accept", "--db", h.url("b"), "--as", "CB1", "--transfer", String(id), "--bed", "2"],
                                       input: "424242\n", environment: h.environment)
        #expect(accepted.status == 0 && accepted.stdout.contains("admitted from Ward a into bed 2"), "\(accepted.stdout)\(accepted.stderr)")
        #expect(accepted.stdout.contains("held until a prescriber of this ward re-confirms"), "\(accepted.stdout)")
        var arrived = try Self.fingerprints(h, "b", mrn: mrn)
        // Every entry came with its authors; each active order gained one version: held until b's prescriber re-confirms it.
        let holds = arrived["med_order_versions"]!.filter { $0.contains("Transferred from Ward a: held until a prescriber of this ward re-confirms it.") }
        #expect(holds.count == accepted.stdout.filter { $0 == "#" }.count && holds.allSatisfy { $0.contains("\"authors\": \"CB1\"") && $0.contains("\"status\": \"held\"") },
                "\(holds)")
        arrived["med_order_versions"]!.removeAll { holds.contains($0) }
        for (table, rows) in before { #expect(arrived[table] == rows, "\(table)") }
        let again = try runWardline(["transfer", "accept", "--db", h.url("b"), "--as", "CB1", "--transfer", String(id), "--bed", "3"],
                                    input: "424242\n", environment: h.environment)
        #expect(again.status != 0 && again.stderr.contains("accepted already, into bed 2"), "\(again.stderr)")
        let listA2 = try runWardline(["transfer", "list", "--db", h.url("a"), "--as", "C2001"], input: "222222\n", environment: h.environment)
        #expect(listA2.stdout.contains("transferred to Ward b") && listA2.stdout.contains("accepted into bed 2 by Staff, CB1"), "\(listA2.stdout)")
        let recordA = try runWardline(["record", mrn, "--db", h.url("a"), "--as", "C2001"], input: "222222\n", environment: h.environment)
        #expect(recordA.stdout.contains("Transferred to Ward b (transfer #\(id)"), "\(recordA.stdout)")

        // The audit: both chains intact; b's event names a's chain head at the send and the same record digest.
        for w in ["a", "b"] {
            let check = try runWardline(["check", "--db", h.url(w)], environment: h.environment)
            #expect(check.status == 0, "\(w): \(check.stdout)\(check.stderr)")
        }
        let outEvent = try h.psql("SELECT details FROM \(a).audit_events WHERE action = 'patient.transfer-out'", as: "wardline_owner").stdout
        let inEvent = try h.psql("SELECT details FROM \(b).audit_events WHERE action = 'patient.transfer-in'", as: "wardline_owner").stdout
        // (a's head when it sent: the event just before its transfer-out.)
        let headA = try h.psql("""
            SELECT seq || ' ' || hash FROM \(a).audit_events
            WHERE seq < (SELECT seq FROM \(a).audit_events WHERE action = 'patient.transfer-out') ORDER BY seq DESC LIMIT 1
            """, as: "wardline_owner").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = headA.split(separator: " ")
        #expect(inEvent.contains("\"fromSeq\":\(parts[0])") && inEvent.contains("\"fromHash\":\"\(parts[1])\""), "\(inEvent) vs \(headA)")
        let digest = try #require(outEvent.range(of: #""record":"[0-9a-f]{64}""#, options: .regularExpression).map { String(outEvent[$0]) })
        #expect(inEvent.contains(digest), "\(inEvent)")

        // On b: the carried doses count in b's dose-safety picture; every order is held until b's prescriber re-confirms it.
        let store = try Store.open(path: h.url("b"), create: false)
        defer { try? store.close() }
        let ward = ProtocolLoader.builtInDefault()
        let snap = try store.loadWard(protocol: ward)
        let p = try #require(snap.patients.first { $0.mrn == mrn })
        #expect(p.bed == "2")
        #expect((snap.administrations[p.id] ?? []).count == before["administrations"]!.count)
        let orders = (snap.orders[p.id] ?? []).filter { $0.terms.status != .stopped }
        #expect(orders.count == (snap.orders[p.id] ?? []).count && orders.count >= 2 && orders.allSatisfy { $0.terms.status == .held },
                "\(orders.map(\.terms.status))")
        let prn = try #require(orders.first { $0.kind == .prn })
        let refused = try runWardline(["dose", "--db", h.url("b"), "--as", "NB1", "--order", String(prn.id), "--witness", "CB1"],
                                      input: "434343\n424242\n", environment: h.environment)
        #expect(refused.status != 0 && refused.stderr.contains("is held"), "\(refused.stderr)")
        let prescriber = Session(staff: try store.signIn(staffID: "PB1", secret: "454545", terminal: "e2e", policy: ward.security), terminal: "e2e")
        var terms = prn.terms
        terms.status = .active
        _ = try store.changeOrder(ChangeOrder(orderID: prn.id, basedOn: prn.version, terms: terms, reason: "Re-confirmed on arrival"),
                                  session: prescriber, protocol: ward)
        let given = try runWardline(["dose", "--db", h.url("b"), "--as", "NB1", "--order", String(prn.id), "--witness", "CB1"],
                                    input: "434343\n424242\n", environment: h.environment)
        #expect(!given.stderr.contains("is held"), "\(given.stderr)")
        // The authors of the carried entries are on b's staff, disabled: their entries keep their names; they cannot sign in on b.
        let n1001 = try runWardline(["record", mrn, "--db", h.url("b"), "--as", "N1001"], input: "111111\n", environment: h.environment)
        #expect(n1001.status != 0 && n1001.stderr.contains("not accepted"), "\(n1001.stderr)")
        let record = try runWardline(["record", mrn, "--db", h.url("b"), "--as", "CB1"], input: "424242\n", environment: h.environment)
        #expect(record.status == 0 && record.stdout.contains("Hughes, Sam") && record.stdout.contains("Came from Ward a (transfer #\(id)"),
                "\(record.stdout)\(record.stderr)")
    }

    @Test func aTransferRacedByFourTerminalsIsAcceptedOnce() throws {
        let h = try Self.hospital(); defer { h.drop() }
        let sent = try runWardline(["transfer", "out", "--db", h.url("a"), "--as", "C2001", "--patient", "100231", "--to", h.code("b")],
                                   input: "222222\n", environment: h.environment)
        #expect(sent.status == 0, "\(sent.stderr)")
        let id = try #require(sent.stdout.split(separator: "#").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) })
        let results = Results(count: 4)
        for i in 0..<4 {
            let argv = ["transfer", "accept", "--db", h.url("b"), "--as", "CB1", "--transfer", String(id), "--bed", String(i + 1)]
            Thread { results.set(i, try? runWardline(argv, input: "424242\n", environment: h.environment, timeout: 120)) }.start()
        }
        let all = results.wait()
        #expect(all.count == 4)
        #expect(all.filter { $0.status == 0 }.count == 1, "\(all.map { $0.stdout + $0.stderr })")
        for r in all where r.status != 0 { #expect(r.stderr.contains("accepted already"), "\(r.stderr)") }
        #expect(try h.psql("SELECT count(*) FROM ward_\(h.code("b")).patients WHERE mrn = '100231'", as: "wardline_owner").stdout.hasPrefix("1"))
        #expect(try h.psql("SELECT count(*) FROM hospital.transfer_arrivals WHERE transfer_id = \(id)", as: "wardline_owner").stdout.hasPrefix("1"))
        let check = try runWardline(["check", "--db", h.url("b")], environment: h.environment)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func aWardOfItsOwnSaysTransfersNeedAHospitalDatabase() throws {
        let dir = TemporaryFolders.make("transfer-sqlite"); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ward.sqlite").path
        #expect(try runWardline(["demo", "--db", db, "--create-only"]).status == 0)
        let r = try runWardline(["transfer", "out", "--db", db, "--as", "C2001", "--patient", "100231", "--to", "w9"], input: "222222\n")
        #expect(r.status != 0 && r.stderr.contains("Transfers are between wards in one hospital database"), "\(r.stderr)")
        let list = try runWardline(["transfer", "list", "--db", db, "--as", "C2001"], input: "222222\n")
        #expect(list.status == 0 && list.stdout.contains("No transfers"), "\(list.stdout)\(list.stderr)")
    }

    /// Selects the row of `tui` whose ▶ line contains `text`, moving down (at most 40 rows).
    static func select(_ tui: Tmux, _ text: String) throws {
        for _ in 0..<40 {
            if try tui.capture().split(separator: "\n").contains(where: { $0.contains("▶") && $0.contains(text) }) { return }
            try tui.send("Down")
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("no row with \(text):\n\(try tui.capture())")
    }

    /// On the screens, as the two charge nurses do it: ward a at 80×24 sends with W, ward b at 132×43
    /// sees the patient arriving live and accepts them into an empty bed.
    @Test func theChargeNursesSendAndAcceptOnTheScreens() throws {
        let h = try Self.hospital(); defer { h.drop() }
        let dir = TemporaryFolders.make("transfer-tui"); defer { try? FileManager.default.removeItem(at: dir) }
        func terminal(_ ward: String, _ cols: Int, _ rows: Int) throws -> Tmux {
            try Tmux(cols: cols, rows: rows, command: "\(Tmux.quote(Paths.binary.path)) --db \(Tmux.quote(h.url(ward)))",
                     environment: h.environment.merging(["XDG_STATE_HOME": dir.path + "/" + ward]) { $1 })
        }
        let a = try terminal("a", 80, 24), b = try terminal("b", 132, 43)
        try a.signIn("C2001", "222222", landing: "Overview")
        try b.signIn("CB1", "424242", landing: "Overview")
        let before = try b.capture()
        #expect(!before.contains("arriving"), "\(before)")

        try Self.select(a, "Smith, Karen")
        try a.send("W")
        _ = try a.waitFor("Send Smith, Karen with the record to")
        try Self.select(a, "(\(h.code("b")))")
        try a.send("Enter")
        _ = try a.waitFor("Send Smith, Karen to Ward b? y/n")
        try a.send("y")
        let sent = try a.waitFor("sent to Ward b with the record")   // (not "discharged": the question says that too)
        #expect(sent.contains("Smith, Karen sent to Ward b with the record"), "\(sent)")
        _ = try a.waitFor("15/20 beds")

        // Ward b's overview says so by itself (no key pressed there).
        _ = try b.waitFor("1 arriving (A)", timeout: 10)
        try b.send("Enter")   // bed 1, empty
        _ = try b.waitFor("A new patient (the admission form)")
        try Self.select(b, "Smith, Karen (MRN 100291) from Ward a")
        try b.send("Enter")
        let accepted = try b.waitFor("admitted from Ward a to bed 1")
        #expect(accepted.contains("1 order held until a prescriber re-confirms") || accepted.contains("orders held until a prescriber re-confirms"), "\(accepted)")
        let after = try b.waitFor("1/6 beds")
        #expect(!after.contains("arriving"), "\(after)")
        let row = try #require(after.split(separator: "\n").first { $0.contains("Smith, Karen") && !$0.contains("admitted") }, "\(after)")
        #expect(row.contains("16 mild") || row.contains("mild") || row.contains("moderate"), "the carried CIWA-B shows: \(row)")
    }
}
