import Foundation
import GRDB
import WardCore

/// A 30-bed ward with a year of history, for the benchmark only (never a
/// real ward): staff and current patients go through the commands; the
/// year's discharged patients and their scores are bulk-inserted in one
/// transaction with a single audit event saying so.
public enum BenchmarkWard {
    public struct Summary: Sendable {
        public var currentPatients: Int
        public var dischargedPatients: Int
        public var assessments: Int
    }

    /// With `vitals`, each history score has a set of vital signs beside it (issue 19's load test).
    public static func seed(store: Store, protocol ward: WardProtocol, now: Date, beds: Int = 30,
                            days: Int = 365, stayDays: Int = 10, vitals: Bool = false) throws -> Summary {
        let admin = try store.createFirstAdmin(staffID: "A1", name: "Bench, Admin", secret: "913579", terminal: "bench",
                                               policy: ward.security)
        let adminSession = Session(staff: admin, terminal: "bench")
        let labels = (1...beds).map(String.init)
        try store.configureWard(name: "Benchmark ward", bedLabels: labels, session: adminSession)
        let charge = try store.addStaff(staffID: "C1", name: "Bench, Charge", role: .chargeNurse, secret: "924680",
                                        policy: ward.security, session: adminSession)
        var rng = DemoWard.SplitMix(seed: 0xBE7C)
        var assessments = 0
        var discharged = 0
        // The year: each bed has back-to-back stays, CIWA-B every 2–4 h.
        try store.pool.writeWithoutTransaction { db in
            if try AuditRows.installedKey(db) == nil { try AuditRows.install(db, key: store.auditKey) }
            try db.inTransaction(.immediate) {
                for bed in labels {
                    var start = now.addingTimeInterval(-Double(days) * 86_400)
                    var n = 0
                    while start.addingTimeInterval(Double(stayDays) * 86_400) < now.addingTimeInterval(-86_400) {
                        n += 1
                        let end = start.addingTimeInterval(Double(stayDays) * 86_400)
                        try db.execute(sql: """
                            INSERT INTO patients(mrn, name, date_of_birth, sex, admitted_at, admitted_by, entered_at)
                            VALUES (?, ?, '1970-01-01', 'unknown', ?, ?, ?)
                            """, arguments: ["H\(bed)-\(n)", "History, Patient \(bed)-\(n)", Timestamp.text(start), charge.id, Timestamp.text(start)])
                        let pid = db.lastInsertedRowID
                        try db.execute(sql: "INSERT INTO placements(patient_id, bed, placed_at, placed_by) VALUES (?, ?, ?, ?)",
                                       arguments: [pid, bed, Timestamp.text(start), charge.id])
                        assessments += try insertScores(db, patient: pid, from: start.addingTimeInterval(1800), until: end,
                                                        totalsBelow: 50, ward: ward, by: charge, rng: &rng, vitals: vitals)
                        try db.execute(sql: "INSERT INTO discharges(patient_id, discharged_at, discharged_by) VALUES (?, ?, ?)",
                                       arguments: [pid, Timestamp.text(end), charge.id])
                        discharged += 1
                        start = end.addingTimeInterval(3600)
                    }
                    // One event per bed's history (it records every row written: keep each event a few MB).
                    try AuditChain.append(SQLiteTx(db), at: now, actor: "bench", terminal: "bench", action: "bench.seed-history",
                                          details: ["bed": .string(bed), "patients": .int(n)])
                }
                return .commit
            }
        }
        // The current ward: 28 patients admitted through the command (2 beds empty), 3 days of scores each.
        let chargeSession = Session(staff: charge, terminal: "bench")
        var current = 0
        for bed in labels.prefix(beds - 2) {
            let p = try store.admit(AdmitPatient(mrn: "C\(bed)", name: "Current, Patient \(bed)", dateOfBirth: CalendarDate("1980-01-01")!,
                                                 sex: .unknown, bed: bed, admittedAt: now.addingTimeInterval(-3 * 86_400)),
                                    session: chargeSession, protocol: ward)
            current += 1
            try store.pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    assessments += try insertScores(db, patient: p.id, from: now.addingTimeInterval(-3 * 86_400 + 1800),
                                                    until: now.addingTimeInterval(-600), totalsBelow: 60, ward: ward,
                                                    by: charge, rng: &rng)
                    try AuditChain.append(SQLiteTx(db), at: now, actor: "bench", terminal: "bench", action: "bench.seed-scores",
                                          patientMRN: p.mrn, details: ["bed": .string(bed)])
                    return .commit
                }
            }
        }
        return Summary(currentPatients: current, dischargedPatients: discharged, assessments: assessments)
    }

    /// CIWA-B scores every 2–4 h from `start` until `end`, totals below
    /// `totalsBelow`, bulk-inserted (the caller's audit event covers them).
    /// Returns how many were written.
    static func insertScores(_ db: Database, patient: PatientID, from start: Date, until end: Date, totalsBelow: UInt64,
                             ward: WardProtocol, by staff: StaffMember, rng: inout DemoWard.SplitMix, vitals: Bool = false) throws -> Int {
        var written = 0
        var t = start
        while t < end {
            let total = Int(rng.next() % totalsBelow)
            try db.execute(sql: """
                INSERT INTO assessments(patient_id, scale, items, total, band, taken_at, entered_at, recorded_by)
                VALUES (?, 'ciwa-b', ?, ?, ?, ?, ?, ?)
                """, arguments: [patient, "[" + DemoWard.itemScores(total: total, rng: &rng).map(String.init).joined(separator: ",") + "]",
                                 total, ward.band(.ciwaB, total: total)?.name ?? "", Timestamp.text(t), Timestamp.text(t), staff.id])
            if vitals {
                try db.execute(sql: """
                    INSERT INTO vital_signs(patient_id, respiration_rate, spo2, on_oxygen, systolic, diastolic, pulse, acvpu,
                                            temperature, scale2, news2_total, taken_at, entered_at, recorded_by)
                    VALUES (?, 16, 97, 0, 124, 78, 84, 'A', 36.8, 0, 0, ?, ?, ?)
                    """, arguments: [patient, Timestamp.text(t), Timestamp.text(t), staff.id])
            }
            written += 1
            t = t.addingTimeInterval(Double(7200 + Int(rng.next() % 7201)))
        }
        return written
    }
}
