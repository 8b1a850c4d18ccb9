import Foundation
import Testing
import TestTools
@testable import WardStore
import WardCore

/// The row hashes the audit chain records are a fixed format over SQLite's own storage classes
/// (AuditRows.hash: "wardline-row-v1", then each column as n / i<int> / r<double bits in hex> /
/// t<len>:<utf8> / b<len>:<bytes>). A reader that shares no code with the store — Python's sqlite3
/// module over the file — recomputes every row's hash from the file and must find the hash the
/// store recorded for it. This pins the format (and how values are read: the SQL seam, and the
/// PostgreSQL port that must produce the same hashes) to the bytes in the file.
@Suite struct RowHashOutsideTests {
    static let recompute = #"""
        import hashlib, sqlite3, struct, sys
        db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
        excluded = {"staff": {"failed_attempts", "locked_until"}}
        latest = {}
        for (rows,) in db.execute("SELECT rows FROM audit_events WHERE rows IS NOT NULL ORDER BY seq"):
            for entry in filter(None, rows.split(";")):
                table, rid, digest = entry.split(":")
                latest[(table, int(rid))] = digest
        def enc(v):
            if v is None: return b"n"
            if isinstance(v, int): return b"i%d" % v
            if isinstance(v, float): return b"r" + format(struct.unpack("<Q", struct.pack("<d", v))[0], "x").encode()
            if isinstance(v, str): b = v.encode(); return b"t%d:" % len(b) + b
            return b"b%d:" % len(v) + bytes(v)
        checked, wrong = 0, []
        for (table, rid), digest in sorted(latest.items()):
            if not digest: continue          # the event deleted the row
            cur = db.execute('SELECT * FROM "%s" WHERE rowid = ?' % table, (rid,))
            row = cur.fetchone()
            if row is None: wrong.append("%s %d: gone" % (table, rid)); continue
            out = b"wardline-row-v1\n%d:%s\n%d\n" % (len(table.encode()), table.encode(), rid)
            for (name, *_), value in zip(cur.description, row):
                if name in excluded.get(table, ()): continue
                out += b"%d:%s=" % (len(name.encode()), name.encode()) + enc(value) + b"\n"
            checked += 1
            if hashlib.sha256(out).hexdigest() != digest: wrong.append("%s %d" % (table, rid))
        print(checked, len({t for t, _ in latest}))
        for w in wrong: print(w)
        """#

    @Test func everyRecordedRowHashIsRecomputedFromTheFileByAnOutsideReader() throws {
        let demo = try SeededDemoWard(); defer { demo.cleanup() }
        // A save after the seed, through the store's commands as a terminal makes it.
        let nurse = try demo.store.signIn(staffID: "N1001", secret: "111111", terminal: "test", policy: testPolicy)
        let patient = try #require(try demo.store.loadWard(protocol: wardProtocol).patients.first)
        _ = try demo.store.record(RecordVitals(patientID: patient.id, vitals: VitalSigns(
            respirationRate: 16, spo2: 97, onOxygen: false, systolic: 128, diastolic: 78, pulse: 84, acvpu: .alert, temperature: 36.8)),
            session: Session(staff: nurse, terminal: "test"), protocol: wardProtocol)
        let r = try runProcess("python3", ["-c", Self.recompute, demo.store.path], timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let counts = try #require(lines.first).split(separator: " ").compactMap { Int($0) }
        #expect(counts.count == 2 && counts[0] > 500, "rows checked: \(r.stdout)")
        #expect(counts.count == 2 && counts[1] >= 10, "tables covered: \(r.stdout)")
        #expect(lines.dropFirst().isEmpty, "rows whose recorded hash an outside reader does not find:\n\(lines.dropFirst().prefix(20).joined(separator: "\n"))")
    }
}
