import Foundation
import Testing
import TestTools
import WardCore
import WardStore

/// `wardline handover` and `wardline downtime` run as the built binary on a
/// demo ward. Demo data follows the clock, so these check structure, names
/// and what nurses wrote — not a whole golden page.
@Suite(.serialized) struct HandoverCLITests {
    static let demoNames = ["Müller, Grete", "李, 娜", "Nguyen, Minh", "Petrov, Dmitri", "Tanaka, Hiroshi"]

    func demo(_ tag: String) throws -> (URL, String) {
        let dir = Paths.tempDir(tag)
        let db = dir.appendingPathComponent("ward.sqlite").path
        let made = try runWardline(["demo", "--db", db, "--create-only"])
        try #require(made.status == 0, "\(made.stderr)")
        return (dir, db)
    }

    /// Display columns of a printout line (CJK ideographs are two wide).
    func columns(_ line: Substring) -> Int {
        line.unicodeScalars.filter { $0 != "\u{0C}" }.reduce(0) { $0 + ((0x1100...0x115F).contains($1.value) || (0x2E80...0xA4CF).contains($1.value)
            || (0xAC00...0xD7A3).contains($1.value) || (0xF900...0xFAFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1) }
    }

    @Test(arguments: [80, 132])
    func textToStdoutIsPaginatedAndNamesEveryPatient(width: Int) throws {
        let (dir, db) = try demo("ho-text"); defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runWardline(["handover", "--db", db, "--shift", "00:00-23:59", "--width", "\(width)"])
        #expect(r.status == 0, "\(r.stderr)")
        let pages = r.stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pages.count > 1)
        for (i, page) in pages.enumerated() {
            let first = try #require(page.split(separator: "\n").first)
            #expect(first.hasPrefix("Ward 7 Detox (DEMO) - HANDOVER - 00:00-23:59 shift"))
            #expect(first.hasSuffix("page \(i + 1) of \(pages.count)"))
        }
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { columns($0) <= width })
        #expect(lines.contains { columns($0) > 80 } == (width == 132))
        #expect(!r.stdout.contains("\u{1B}"))
        for name in Self.demoNames { #expect(r.stdout.contains("  \(name)  "), "\(name)") }
        for heading in ["WARD SUMMARY", "PATIENTS BY RISK", "S  Situation", "B  Background", "Census: 16 occupied, 4 empty beds"] {
            #expect(r.stdout.contains(heading), "\(heading)")
        }
    }

    @Test func notesOverridesAndDischargesPrint() throws {
        let (dir, db) = try demo("ho-notes"); defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store.open(path: db, create: false)
        let proto = ProtocolLoader.builtInDefault()
        let nurse = try store.signIn(staffID: "N1001", secret: "111111", terminal: "test", policy: proto.security)
        let charge = try store.signIn(staffID: "C2001", secret: "222222", terminal: "test", policy: proto.security)
        let ward = try store.loadWard(protocol: proto)
        let grete = try #require(ward.patients.first { $0.name == "Müller, Grete" })
        let tanaka = try #require(ward.patients.first { $0.name == "Tanaka, Hiroshi" })
        let shift = try #require(try HandoverShift.resolve(shift: "00:00-23:59", date: nil, rules: proto.shifts, now: Date(),
                                                          calendar: WardZone.calendar).get())
        try store.addHandoverNote(patientID: grete.id, shiftStart: shift.start, text: "if she is tremulous at night then score CIWA-B",
                                  session: Session(staff: nurse, terminal: "test"))
        try store.overrideSeverity(patientID: tanaka.id, shiftStart: shift.start, level: .unstable, reason: "new confusion since noon",
                                   session: Session(staff: nurse, terminal: "test"))
        try store.discharge(patientID: try #require(ward.patients.first { $0.name == "Ahmed, Yusuf" }).id,
                            session: Session(staff: charge, terminal: "test"))
        try store.close()

        let r = try runWardline(["handover", "--db", db, "--shift", "00:00-23:59", "--width", "132"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("- if she is tremulous at night then score CIWA-B (Hughes, Sam,"))
        #expect(r.stdout.contains("Overridden by nurse: new confusion since noon (Hughes, Sam,"))
        #expect(r.stdout.contains("discharges this shift: 1"))
        #expect(r.stdout.contains("15 occupied, 5 empty beds"))
        #expect(!r.stdout.contains("Ahmed, Yusuf"))
        // The override puts Tanaka among the unstable, ahead of every watcher on the risk list.
        let risk = r.stdout.components(separatedBy: "PATIENTS BY RISK")[1]
        let tanakaAt = try #require(risk.range(of: "Tanaka, Hiroshi")).lowerBound
        let firstWatcher = try #require(risk.range(of: "WATCHER")).lowerBound
        #expect(tanakaAt < firstWatcher)
    }

    @Test func pdfHasEveryPatientAndIsPrivate() throws {
        try SystemPackages.ensure(SystemPackages.pdfTools)
        let (dir, db) = try demo("ho-pdf"); defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("h.pdf").path
        let r = try runWardline(["handover", "--db", db, "--format", "pdf", "--out", out, "--shift", "00:00-23:59"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("saved to \(out)"))
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o640)
        let text = try runProcess(URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-layout", out, "-"])
        #expect(text.status == 0)
        for name in Self.demoNames { #expect(text.stdout.contains(name), "\(name)") }
        #expect(text.stdout.contains("HANDOVER"))
        let info = try runProcess(URL(fileURLWithPath: "/usr/bin/pdfinfo"), [out])
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        #expect(Int(pages?.split(separator: " ").last ?? "") ?? 0 >= 2)
        #expect(text.stdout.contains("page 1 of \(Int(pages?.split(separator: " ").last ?? "") ?? 0)"))
    }

    @Test func badArgumentsSayWhatToFix() throws {
        let (dir, db) = try demo("ho-args"); defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], Int32, String)] = [
            (["--width", "100"], 64, "use 80 or 132"),
            (["--shift", "evening"], 64, "neither a shift of the ward protocol (day, night) nor HH:MM-HH:MM"),
            (["--shift", "25:00-07:00"], 64, "nor HH:MM-HH:MM"),
            (["--shift", "day", "--date", "2026-02-30"], 64, "is not a date; use YYYY-MM-DD"),
            (["--date", "2026-11-28"], 64, "--date needs --shift"),
            (["--shift", "day", "--date", "2999-01-01"], 64, "has not begun yet"),
            (["--format", "pdf"], 64, "a PDF needs --out FILE or --print"),
            (["--format", "docx"], 64, "'text' and 'pdf'"),
            (["--printer", "X"], 64, "--printer needs --print"),
            (["--ward", "Ward 9"], 64, "holds ward \"Ward 7 Detox (DEMO)\", not \"Ward 9\""),
        ]
        for (args, code, words) in cases {
            let r = try runWardline(["handover", "--db", db] + args)
            #expect(r.status == code, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(words), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        let missing = try runWardline(["handover", "--db", dir.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no ward database"))
    }

    @Test func printWithoutAPrinterSavesAndSaysWhere() throws {
        let (dir, db) = try demo("ho-print"); defer { try? FileManager.default.removeItem(at: dir) }
        var env = ProcessInfo.processInfo.environment
        env["CUPS_SERVER"] = dir.appendingPathComponent("no-cups.sock").path   // no scheduler there
        let out = dir.appendingPathComponent("h.txt").path
        let r = try runWardline(["handover", "--db", db, "--print", "--printer", "Nowhere", "--out", out], environment: env)
        #expect(r.status == 69, "\(r.stderr)")
        #expect(r.stderr.contains("Not printed"))
        #expect(r.stderr.contains("saved at \(out)"))
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("HANDOVER"))
    }

    @Test func downtimeWritesAPrivatePackWithoutSignIn() throws {
        let (dir, db) = try demo("downtime"); defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("dt").path
        let r = try runWardline(["downtime", "--db", db, "--out", out])   // stdin is /dev/null: no prompt possible
        #expect(r.status == 0, "\(r.stderr)")
        let current = URL(fileURLWithPath: out).appendingPathComponent("current")
        let files = try FileManager.default.contentsOfDirectory(atPath: current.path).sorted()
        #expect(files == ["README.txt", "audit-anchor.txt", "handover.pdf", "handover.txt", "mar-sheets.txt", "observation-sheets.txt"])
        let handover = try String(contentsOf: current.appendingPathComponent("handover.txt"), encoding: .utf8)
        #expect(handover.contains("Last 24 hours"))
        for name in Self.demoNames { #expect(handover.contains(name), "\(name)") }
        #expect(try FileManager.default.attributesOfItem(atPath: current.appendingPathComponent("handover.txt").path)[.posixPermissions] as? Int == 0o640)
        let packDir = try FileManager.default.destinationOfSymbolicLink(atPath: current.path)
        #expect(try FileManager.default.attributesOfItem(atPath: out + "/" + packDir)[.posixPermissions] as? Int == 0o750)
        // A second run replaces current and keeps the one before.
        let again = try runWardline(["downtime", "--db", db, "--out", out])
        #expect(again.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: current.path) != packDir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("pack-") }.count == 2)
        // Reading only: the audit trail did not grow.
        let q = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, "SELECT count(*) FROM audit_events WHERE action LIKE 'handover%'"])
        #expect(q.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let missing = try runWardline(["downtime", "--db", dir.appendingPathComponent("x.sqlite").path, "--out", out])
        #expect(missing.status == 66)
    }

    @Test func downtimePrintFailureStillLeavesTheNewPackCurrent() throws {
        let (dir, db) = try demo("downtime-print"); defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("dt").path
        var env = ProcessInfo.processInfo.environment
        env["CUPS_SERVER"] = dir.appendingPathComponent("no-cups.sock").path
        let r = try runWardline(["downtime", "--db", db, "--out", out, "--print"], environment: env)
        #expect(r.status == 69, "\(r.stderr)")
        #expect(r.stderr.contains("not printed"))
        #expect(r.stderr.contains("handover.txt"))
        let current = try FileManager.default.destinationOfSymbolicLink(atPath: out + "/current")
        #expect(r.stderr.contains("The pack is saved at \(out)/\(current)"))
        #expect(FileManager.default.fileExists(atPath: out + "/current/mar-sheets.txt"))
        let bad = try runWardline(["downtime", "--db", db, "--printer", "X"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--printer needs --print"))
    }
}
