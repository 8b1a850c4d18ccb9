import ArgumentParser
import Foundation
import WardCore

extension CalcCommand {
    /// `calc taper`: a plan in the drug's mg (diazepam unless --drug), rounded
    /// to the ward's stock of that drug, with the diazepam equivalent of each step.
    struct Taper: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Plan a taper: phases of 'untilMg:step:everyDays' (step in mg, or N%).")
        @Option(name: .customLong("start-mg"), parsing: .unconditional, help: "Starting daily dose, mg of the drug (diazepam unless --drug).") var startMg: String?
        @Option(name: .customLong("phase"), help: "untilMg:step:everyDays, e.g. 20:4:14 or 20:10%:7 (repeat for more phases).") var phases: [String] = []
        @Option(name: .customLong("percent-of"), help: "A percentage step is of the 'start' dose (linear, default) or the 'current' dose.") var percentOf: String?
        @Option(name: .customLong("round-mg"), parsing: .unconditional, help: "Round doses to multiples of this (default: what the ward's stock of the drug makes).") var roundMg: String?
        @Option(name: .long, help: "The drug tapered (default diazepam): doses in its mg, rounded to its ward stock, each step with its diazepam equivalent.") var drug: String?
        @Option(name: .long, help: "Guard rail: 'outpatient' (ASAM, default) or 'inpatient' (the protocol's inpatient reducing profile).") var profile: String?
        @Flag(name: .long, help: "Also print the day-by-day schedule split at the protocol's dose times.") var daily = false
        @OptionGroup var common: Common

        func run() throws {
            let p = try common.loadProtocol()
            let drugName = (drug ?? EquivalenceRules.referenceDrug).trimmingCharacters(in: .whitespaces).lowercased()
            guard !drugName.isEmpty else {
                throw CalcArgs.fail("--drug: '' is not accepted; accepted: a drug name, e.g. one of \(p.equivalence.table.doses.keys.sorted().joined(separator: ", "))")
            }
            let start = try CalcArgs.double("--start-mg", startMg, 0...1000, positive: true)
            guard !phases.isEmpty else { throw CalcArgs.fail("--phase: at least one is required, as untilMg:step:everyDays (e.g. 20:4:14 or 20:10%:7)") }
            let parsed = try phases.enumerated().map { try CalcArgs.phase($1, index: $0, startMg: start) }
            var base = PercentBase.start
            if let percentOf {
                guard let b = PercentBase(rawValue: percentOf) else { throw CalcArgs.fail("--percent-of: '\(percentOf)' is not accepted; accepted: start, current") }
                base = b
            }
            let round = try roundMg.map { try CalcArgs.double("--round-mg", $0, DoseGrid.chartPrecisionMg...100, positive: true) }
            var chosen = TaperProfile.outpatient
            if let profile {
                guard let pr = TaperProfile(rawValue: profile) else { throw CalcArgs.fail("--profile: '\(profile)' is not accepted; accepted: outpatient, inpatient") }
                chosen = pr
            }
            let request = TaperRequest(startMg: start, phases: parsed, percentOf: base, roundingMg: round, drug: drugName, profile: chosen)
            let plan: TaperPlan
            do { plan = try TaperPlanner.plan(request, rules: p.taper, equivalence: p.equivalence) }
            catch { throw CalcArgs.fail("--phase: \(error.message)") }
            let schedule = daily ? plan.days(times: p.taper.doseTimes) : nil
            let de = plan.steps.map { TaperPlanner.diazepamEquivalent(of: $0.dailyMg, plan.drug, equivalence: p.equivalence) }
            if common.json {
                try CalcArgs.printJSON(TaperJSON(
                    drug: plan.drug, equivalenceTable: p.equivalence.selected,
                    steps: zip(plan.steps, de).map { s, e in
                        TaperStepJSON(day: s.day, dailyMg: s.dailyMg, diazepamMg: e?.mg, diazepamMgRange: e.map { [$0.low, $0.high] })
                    },
                    endDay: plan.endDay, roundingMg: plan.roundingMg, rounding: plan.rounding.description, warnings: plan.warnings,
                    schedule: schedule?.map { d in TaperDayJSON(day: d.day, dailyMg: d.dailyMg,
                        doses: d.doses.map { TaperDoseJSON(time: $0.time.description, mg: $0.mg) }) }))
                return
            }
            let isDiazepam = plan.drug == EquivalenceRules.referenceDrug
            print("Taper from \(CalcArgs.num(start)) mg \(plan.drug) (\(plan.rounding)), ends on day \(plan.endDay)")
            for (s, e) in zip(plan.steps, de) {
                let beside = isDiazepam ? "" : e.map { " ≈ \($0.text)/day diazepam" } ?? " (diazepam equivalent unknown)"
                print("  day \(s.day): \(CalcArgs.num(s.dailyMg)) mg/day\(beside)")
            }
            for w in plan.warnings { print("WARNING: \(w)") }
            if let schedule {
                print("Day-by-day (\(p.taper.doseTimes.map(\.description).joined(separator: ", "))):")
                for d in schedule {
                    print("  day \(d.day): \(CalcArgs.num(d.dailyMg)) mg = " + d.doses.map { "\($0.time) \(CalcArgs.num($0.mg))" }.joined(separator: ", "))
                }
            }
        }
    }
}

struct TaperJSON: Encodable {
    var drug: String, equivalenceTable: String, steps: [TaperStepJSON], endDay: Int, roundingMg: Double, rounding: String
    var warnings: [String], schedule: [TaperDayJSON]?
}
/// A step with its diazepam equivalent: `diazepamMg` null for a range or a
/// drug the table does not list (then `diazepamMgRange` is null too).
struct TaperStepJSON: Encodable {
    var day: Int, dailyMg: Double, diazepamMg: Double?, diazepamMgRange: [Double]?
    enum CodingKeys: String, CodingKey { case day, dailyMg, diazepamMg, diazepamMgRange }
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(day, forKey: .day); try c.encode(dailyMg, forKey: .dailyMg)
        try c.encode(diazepamMg, forKey: .diazepamMg); try c.encode(diazepamMgRange, forKey: .diazepamMgRange)
    }
}
struct TaperDayJSON: Encodable { var day: Int, dailyMg: Double, doses: [TaperDoseJSON] }
struct TaperDoseJSON: Encodable { var time: String, mg: Double }
