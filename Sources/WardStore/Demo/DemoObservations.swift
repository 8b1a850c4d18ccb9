import Foundation
import WardCore

extension DemoWard {
    /// Vital signs and sedation scores for the demo ward's last 20 hours,
    /// deterministic per patient: mostly unremarkable, one patient with a
    /// NEWS2 that needs a response, one sedated below the hold threshold, and
    /// one sedation check not done (asleep).
    static func seedObservations(store: Store, now: Date, protocol ward: WardProtocol,
                                 recorders: [Session]) throws(CommandRefusal) {
        let snap: WardSnapshot
        do { snap = try store.loadWard(protocol: ward) } catch {
            throw CommandRefusal(.storage, "The demo ward could not be read back: \(error)")
        }
        let patients = snap.patients.sorted { ($0.bed ?? "") < ($1.bed ?? "") }
        for (n, p) in patients.enumerated() {
            // Every 4 h back from a last set 30–150 min ago, within the last 20 h.
            let earliest = max(p.admittedAt.addingTimeInterval(3600), now.addingTimeInterval(-20 * 3600))
            var times: [Date] = []
            var t = now.addingTimeInterval(-Double(30 + (n % 5) * 30) * 60)
            while t >= earliest { times.insert(t, at: 0); t = t.addingTimeInterval(-4 * 3600) }
            for (i, when) in times.enumerated() {
                let wobble = (n * 7 + i * 3) % 5
                var v = VitalSigns(respirationRate: 14 + wobble, spo2: 95 + wobble % 4, onOxygen: false,
                                   systolic: 116 + n * 2 + wobble * 3, diastolic: 72 + wobble * 2, pulse: 76 + n * 2 + wobble * 4,
                                   acvpu: .alert, temperature: 36.5 + Double(wobble) / 10)
                let last = i == times.count - 1
                if last && n == 0 { v.respirationRate = 22; v.pulse = 124; v.temperature = 38.1 }
                let who = recorders[(n + i) % recorders.count]
                _ = try store.record(RecordVitals(patientID: p.id, vitals: v, takenAt: when), session: who, protocol: ward)
                let score: SedationScore = last && n == 2 ? .rass(-2) : .rass(wobble == 4 ? 1 : 0)
                _ = try store.record(RecordSedation(patientID: p.id, score: score, takenAt: when.addingTimeInterval(120)), session: who)
            }
            if n == 3 {
                _ = try store.record(RecordMonitoringException(patientID: p.id, kind: .sedation, reason: .asleep,
                                                               note: "asleep, breathing normally; not woken"),
                                     session: recorders[0], protocol: ward)
            }
        }
    }
}
