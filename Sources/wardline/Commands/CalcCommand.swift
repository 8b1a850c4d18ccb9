import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline calc …`: the clinical engine without a database, for people
/// (text) and scripts (`--json`, camelCase keys). Invalid arguments print one
/// line naming the argument and its accepted range, and exit with code 2.
struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Clinical calculators: NEWS2, CIWA-Ar, CIWA-B, diazepam equivalence, taper plans.",
        subcommands: [News2.self, CiwaAr.self, CiwaB.self, Equivalent.self, Taper.self])

    struct Common: ParsableArguments {
        @Flag(name: .long, help: "Machine-readable JSON output (camelCase keys).") var json = false
        @Option(name: .long, help: "A ward protocol file (default: the shipped defaults, or the ward's protocol with --db).") var `protocol`: String?
        @Option(name: .long, help: ArgumentHelp("Use the protocol in force on this ward database (`wardline protocol use`).", valueName: "PATH"))
        var db: String?

        /// `--protocol`, else the protocol in force on `--db`, else the shipped defaults.
        func loadProtocol() throws -> WardProtocol {
            if let file = `protocol` { return try ProtocolFile.load(file) }
            guard let db else { return ProtocolLoader.builtInDefault() }
            let store: Store
            do { store = try Store.open(path: db, create: false) } catch { throw error.cliFailure }
            defer { try? store.close() }
            return try ProtocolFile.inForce(store: store, override: nil)
        }
    }

    // MARK: news2

    struct News2: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "NEWS2 score, risk, monitoring and response.")
        @Option(name: .long, parsing: .unconditional, help: "Respiration rate /min.") var rr: String?
        @Option(name: .long, parsing: .unconditional, help: "SpO2 %.") var spo2: String?
        @Flag(name: .long, help: "Breathing air (the default).") var air = false
        @Flag(name: .long, help: "On supplemental oxygen.") var oxygen = false
        @Option(name: .long, parsing: .unconditional, help: "Systolic blood pressure mmHg.") var sbp: String?
        @Option(name: .long, parsing: .unconditional, help: "Diastolic blood pressure mmHg (recorded, not scored).") var dbp: String?
        @Option(name: .long, parsing: .unconditional, help: "Pulse /min.") var pulse: String?
        @Option(name: .long, help: "Consciousness: A, C (new confusion), V, P or U.") var acvpu: String?
        @Option(name: .long, parsing: .unconditional, help: "Temperature °C.") var temp: String?
        @Option(name: .long, help: "SpO2 scale 1 or 2 (2 only when the patient's record says so).") var scale: String?
        @OptionGroup var common: Common

        func run() throws {
            let p = try common.loadProtocol()
            let l = p.entryLimits
            let rr = try CalcArgs.int("--rr", rr, l.respirationRate)
            let spo2 = try CalcArgs.int("--spo2", spo2, l.spo2)
            let sbp = try CalcArgs.int("--sbp", sbp, l.systolic)
            let dbp = try dbp.map { try CalcArgs.int("--dbp", $0, l.diastolic) }
            let pulse = try CalcArgs.int("--pulse", pulse, l.pulse)
            let temp = try CalcArgs.double("--temp", temp, l.temperature)
            guard let acvpuText = acvpu, let level = ACVPU(rawValue: acvpuText.uppercased()) else {
                throw CalcArgs.fail("--acvpu: \(acvpu.map { "'\($0)' is not accepted" } ?? "is required"); accepted: A, C, V, P, U")
            }
            if air && oxygen { throw CalcArgs.fail("--air and --oxygen: give one of them, not both") }
            let scale2: Bool
            switch scale {
            case nil, "1": scale2 = false
            case "2": scale2 = true
            case let s?: throw CalcArgs.fail("--scale: '\(s)' is not accepted; accepted: 1 or 2")
            }
            let vitals = VitalSigns(respirationRate: rr, spo2: spo2, onOxygen: oxygen, systolic: sbp, diastolic: dbp,
                                    pulse: pulse, acvpu: level, temperature: temp)
            let s = p.news2.score(vitals, scale2: scale2)
            let escalate = p.escalation.reasons(s)
            if common.json {
                try CalcArgs.printJSON(NEWS2JSON(
                    total: s.total, risk: s.risk.rawValue, singleRed: s.singleRed, monitoring: s.response.monitoring,
                    monitoringMinutes: s.response.monitoringMinutes, response: s.response.response,
                    spo2Scale: s.spo2Scale, parameters: s.parameters, escalate: escalate, source: p.news2.provenance.source))
            } else {
                let q = s.parameters
                print("NEWS2 \(s.total) — risk \(s.risk.rawValue)\(s.singleRed ? " (single red parameter)" : "")")
                print("  respiration rate \(rr) → \(q.respirationRate)")
                print("  SpO2 \(spo2)% (scale \(s.spo2Scale)) → \(q.spo2)")
                print("  \(oxygen ? "oxygen" : "air") → \(q.airOrOxygen)")
                print("  systolic BP \(sbp) → \(q.systolicBP)")
                print("  pulse \(pulse) → \(q.pulse)")
                print("  consciousness \(level.rawValue) (\(level.label)) → \(q.consciousness)")
                print("  temperature \(temp) → \(q.temperature)")
                print("Monitoring: \(s.response.monitoring)")
                print("Response: \(s.response.response)")
                if !escalate.isEmpty { print("Escalate: " + escalate.joined(separator: "; ")) }
                print("Source: \(p.news2.provenance.source)")
            }
        }
    }

    // MARK: ciwa-ar / ciwa-b

    struct CiwaAr: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ciwa-ar", abstract: "CIWA-Ar total and band (10 items: nine 0–7, orientation 0–4).")
        @Option(name: .long, help: "10 comma-separated item scores, in form order.") var items: String?
        @OptionGroup var common: Common
        func run() throws { try CalcArgs.scale(.ciwaAr, items, common) }
    }

    struct CiwaB: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ciwa-b", abstract: "CIWA-B total and band (20 items 0–4).")
        @Option(name: .long, help: "20 comma-separated item scores, in form order.") var items: String?
        @OptionGroup var common: Common
        func run() throws { try CalcArgs.scale(.ciwaB, items, common) }
    }
}

// MARK: - JSON shapes (camelCase keys as issue 3 lists them)

struct NEWS2JSON: Encodable {
    var total: Int, risk: String, singleRed: Bool, monitoring: String, monitoringMinutes: Int, response: String
    var spo2Scale: Int, parameters: NEWS2Parameters, escalate: [String], source: String
}
struct ScaleJSON: Encodable { var scale: String, total: Int, band: String, bandLevel: Int, source: String, status: String }

// MARK: - Argument checking

enum CalcArgs {
    /// "wardline calc: MESSAGE" on stderr; returns the `.invalidArgument` exit to throw.
    static func fail(_ message: String) -> ExitCode { wardline.fail(.invalidArgument, message, command: "calc") }

    static func num(_ d: Double) -> String {
        if d == d.rounded() { return String(Int(d)) }
        return String(format: "%.2f", d).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

    static func int(_ name: String, _ text: String?, _ range: ClosedRange<Double>) throws -> Int {
        let accepted = "accepted: whole number \(num(range.lowerBound))–\(num(range.upperBound))"
        guard let text else { throw fail("\(name): is required; \(accepted)") }
        guard let v = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(Double(v)) else {
            throw fail("\(name): '\(text)' is not accepted; \(accepted)")
        }
        return v
    }

    static func double(_ name: String, _ text: String?, _ range: ClosedRange<Double>, positive: Bool = false) throws -> Double {
        let lower = positive ? "above \(num(range.lowerBound))" : num(range.lowerBound)
        let accepted = "accepted: number \(positive ? "\(lower) up to \(num(range.upperBound))" : "\(lower)–\(num(range.upperBound))")"
        guard let text else { throw fail("\(name): is required; \(accepted)") }
        guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite, range.contains(v),
              !positive || v > range.lowerBound else {
            throw fail("\(name): '\(text)' is not accepted; \(accepted)")
        }
        return v
    }

    /// "untilMg:step:everyDays", step "4" (mg) or "10%".
    static func phase(_ text: String, index: Int, startMg: Double) throws -> TaperPhase {
        let name = "--phase \(text)"
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let shape = "accepted: untilMg:step:everyDays, e.g. 20:4:14 or 20:10%:7 (untilMg 0 up to below the dose before it, step above 0 mg or 0–100% exclusive, everyDays 1–365)"
        guard parts.count == 3 else { throw fail("\(name): not three parts; \(shape)") }
        guard let until = Double(parts[0]), until >= 0, until < startMg else { throw fail("\(name): untilMg '\(parts[0])' is not accepted; \(shape)") }
        let reduction: TaperReduction
        if parts[1].hasSuffix("%") {
            guard let q = Double(parts[1].dropLast()), q > 0, q < 100 else { throw fail("\(name): step '\(parts[1])' is not accepted; \(shape)") }
            reduction = .percent(q)
        } else {
            guard let m = Double(parts[1]), m > 0, m.isFinite else { throw fail("\(name): step '\(parts[1])' is not accepted; \(shape)") }
            reduction = .mg(m)
        }
        guard let every = Int(parts[2]), (1...365).contains(every) else { throw fail("\(name): everyDays '\(parts[2])' is not accepted; \(shape)") }
        return TaperPhase(untilMg: until, reduction: reduction, everyDays: every)
    }

    static func scale(_ kind: ScaleKind, _ items: String?, _ common: CalcCommand.Common) throws {
        let p = try common.loadProtocol()
        guard let def = p.definition(kind), let rules = p.scales[kind] else {
            throw fail("\(kind.displayName) is not defined in this protocol")
        }
        // Runs of items with the same range: "items 1–9 0–7, item 10 0–4".
        var runs: [(first: Int, last: Int, range: ClosedRange<Int>)] = []
        for (n, item) in def.items.enumerated() {
            if let last = runs.last, last.range == item.range { runs[runs.count - 1].last = n + 1 }
            else { runs.append((n + 1, n + 1, item.range)) }
        }
        let ranges = runs.count == 1
            ? "each \(runs[0].range.lowerBound)–\(runs[0].range.upperBound)"
            : runs.map { ($0.first == $0.last ? "item \($0.first)" : "items \($0.first)–\($0.last)") + " \($0.range.lowerBound)–\($0.range.upperBound)" }.joined(separator: ", ")
        let accepted = "accepted: \(def.items.count) comma-separated whole numbers, " + ranges
        guard let items else { throw fail("--items: is required; \(accepted)") }
        let parts = items.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var scores: [Int] = []
        for (n, s) in parts.enumerated() {
            guard let v = Int(s) else { throw fail("--items: item \(n + 1) '\(s)' is not a whole number; \(accepted)") }
            scores.append(v)
        }
        let total: Int
        do { total = try def.total(scores) } catch { throw fail("--items: \(error.message); \(accepted)") }
        let band = rules.band(for: total)
        if common.json {
            try printJSON(ScaleJSON(scale: kind.rawValue, total: total, band: band?.name ?? "", bandLevel: band?.level ?? 0,
                                    source: rules.source, status: rules.status))
        } else {
            print("\(def.name) \(total) — \(band?.name ?? "no band")")
            print("Bands: \(rules.status): \(rules.source)")
        }
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try e.encode(value), as: UTF8.self))
    }
}
