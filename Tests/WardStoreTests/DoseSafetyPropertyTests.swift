import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

/// Random shifts of orders, observations, scores and dose attempts (some with
/// an override, some with the nurse's judgement, most with neither) against
/// the real store. Whatever was accepted, read back from the database and
/// checked here independently of the store's own rule code: no 24 hours hold
/// more than the ceiling without an override on the dose that passed it, no
/// dose was given inside a hold without an override, none on observations
/// older than the limit, and no two benzodiazepine PRN doses sit closer than
/// the minimum interval.
@Suite(.serialized) struct DoseSafetyPropertyTests {
    /// The shipped protocol with no witness needed (the witness rules are tested elsewhere; Argon2 per dose would only slow this).
    static let proto: WardProtocol = {
        var p = wardProtocol
        for k in p.witness.schedules.keys { p.witness.schedules[k]!.administration = false }
        return p
    }()

    @Test(arguments: TestBackend.both, [UInt64(1), 2, 3, 4])
    func randomShiftsNeverBreakTheRules(_ backend: TestBackend, seed: UInt64) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M\(seed)", bed: "1")
        let ward = Self.proto
        var rng = DemoWard.SplitMix(seed: seed)
        func roll(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var taperTerms = f.taperTerms(dailyMg: [20, 30, 40][roll(3)])
        taperTerms.doseTimes = ["08:00", "12:00", "18:00", "22:00"]
        let taper = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: taperTerms), session: f.session(.prescriber), protocol: ward)
        var lz = f.prnTerms(minInterval: 60, cap: 100, dose: 1); lz.drug = "lorazepam"
        let prns = [try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.prnTerms(minInterval: 120, cap: 100, dose: 10)),
                                           session: f.session(.prescriber), protocol: ward),
                    try f.store.writeOrder(WriteOrder(patientID: p.id, terms: lz), session: f.session(.prescriber), protocol: ward)]
        var accepted = 0, refused = 0
        for _ in 0..<160 {
            f.clock.advance(minutes: Double(5 + roll(40)))
            switch roll(7) {
            case 0, 1:
                // Sedation and vital signs together, mostly calm, sometimes inside a hold.
                let calm = roll(10) < 7
                let rass = calm ? [-1, 0, 0, 1][roll(4)] : [-5, -4, -3, -2][roll(4)]
                _ = try f.store.record(RecordSedation(patientID: p.id, score: .rass(rass)), session: f.session(.nurse))
                _ = try f.store.record(RecordVitals(patientID: p.id, vitals: VitalSigns(
                    respirationRate: calm || roll(2) == 0 ? [14, 16, 18][roll(3)] : [8, 10, 11][roll(3)],
                    spo2: calm || roll(2) == 0 ? [94, 96, 98][roll(3)] : [86, 90][roll(2)], onOxygen: false,
                    systolic: 120, diastolic: 70, pulse: 80, acvpu: !calm && roll(3) == 0 ? .confusion : .alert, temperature: 36.8)),
                    session: f.session(.nurse), protocol: ward)
            case 2:
                try f.score(p, [5, 25, 35, 50][roll(4)], gate: roll(5) == 0 ? nil : DoseGateAnswers(recentUseConfirmed: true, canCommunicate: roll(6) != 0))
            default:
                let override = roll(4) == 0 ? f.prescriberOverride : nil
                let judgement = roll(4) == 0
                var due: Date? = nil
                var order = prns[roll(2)]
                if roll(2) == 0 {
                    let snap = try f.store.loadWard(protocol: ward)
                    guard let d = snap.marRows(for: p.id, now: f.clock.now(), protocol: ward, calendar: .wardDefault)
                        .first(where: { $0.status == .due }) else { continue }
                    due = d.dose.dueAt; order = taper
                }
                do {
                    _ = try f.store.recordDose(RecordDose(orderID: order.id, scheduledFor: due, status: .given,
                                                          reason: judgement && due == nil ? .prnClinicalJudgement : nil,
                                                          note: judgement && due == nil ? "judgement" : nil, override: override),
                                               session: f.session(.nurse), protocol: ward)
                    accepted += 1
                } catch {
                    refused += 1
                }
            }
        }
        #expect(accepted > 5 && refused > 5, "the shift exercised both outcomes (\(accepted) given, \(refused) refused)")

        // Read back what the database holds and check it independently.
        let doses = try f.store.administrations(patient: p.id).filter { $0.status == .given && !$0.isEnteredInError }
            .sorted { $0.at < $1.at }
        let overridden = Set(try f.outside("SELECT administration_id FROM dose_overrides").out
            .split(separator: "\n").compactMap { Int64($0) })
        let snap = try f.store.record(mrn: p.mrn, session: f.session(.nurse))!.snapshot
        let h = ward.hold
        let ceiling = ward.doseSafety.ceiling24hDiazepamMg
        func de(_ a: Administration) throws -> Double { try ward.equivalence.convert(drug: a.drug, mg: a.mg).diazepamMgHigh }
        for d in doses {
            let maxAge = TimeInterval(h.observationMaxAgeMinutes * 60)
            let sed = snap.currentSedation(for: p.id).first { $0.stamp.recordedAt <= d.at.addingTimeInterval(60) }
            let vit = snap.currentVitals(for: p.id).first { $0.stamp.recordedAt <= d.at.addingTimeInterval(60) }
            let s = try #require(sed, "dose #\(d.id) given with no sedation score")
            let v = try #require(vit, "dose #\(d.id) given with no vital signs")
            #expect(d.at.timeIntervalSince(s.stamp.recordedAt) <= maxAge, "dose #\(d.id) on a stale sedation score")
            #expect(d.at.timeIntervalSince(v.stamp.recordedAt) <= maxAge, "dose #\(d.id) on stale vital signs")
            var held = false
            if case .rass(let r) = s.score, r <= h.rassAtOrBelow { held = true }
            if v.vitals.respirationRate < h.respirationRateBelow || v.vitals.spo2 < h.spo2Below { held = true }
            if h.holdOnNewConfusion && v.vitals.acvpu != .alert { held = true }
            #expect(!held || overridden.contains(d.id), "dose #\(d.id) given inside a hold without an override")
            let window = doses.filter { $0.at > d.at.addingTimeInterval(-86_400) && $0.at <= d.at }
            let total = try window.map(de).reduce(0, +)
            #expect(total <= ceiling + 1e-9 || overridden.contains(d.id),
                    "dose #\(d.id) took 24 h to \(total) mg DE, above \(ceiling), without an override")
            if d.isPRN, let last = doses.last(where: { $0.isPRN && $0.at < d.at }),
               let terms = prns.first(where: { $0.id == d.orderID })?.terms.prn {
                #expect(d.at.timeIntervalSince(last.at) >= TimeInterval(terms.minIntervalMinutes * 60),
                        "PRN #\(d.id) given \(Int(d.at.timeIntervalSince(last.at) / 60)) min after another")
            }
        }
    }
}
