import ArgumentParser
import Foundation
import WardCore

extension CalcCommand {
    /// `calc equivalent --drug A --mg 2 [--drug B --mg 7.5 …]`: each pair and
    /// the total as diazepam mg, through one equivalence table.
    struct Equivalent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Doses of benzodiazepines or Z-drugs as diazepam mg, each and in total (repeat --drug/--mg pairs).")
        @Option(name: .long, help: "Drug name, e.g. alprazolam (repeat: one --mg for each --drug, in order).") var drug: [String] = []
        @Option(name: .long, parsing: .unconditionalSingleValue, help: "Dose in mg (repeat, in the order of the --drug options).") var mg: [String] = []
        @Option(name: .long, help: "Equivalence table (default: the protocol's, e.g. ashton, who2009, vadod2021).") var table: String?
        @OptionGroup var common: Common

        func run() throws {
            let p = try common.loadProtocol()
            let q = p.equivalence
            let tableName = table ?? q.selected
            guard let t = q.tables[tableName] else {
                throw CalcArgs.fail("--table: '\(tableName)' is not accepted; accepted: \(q.tables.keys.sorted().joined(separator: ", "))")
            }
            let accepted = "accepted: \(t.doses.keys.sorted().joined(separator: ", "))"
            guard !drug.isEmpty else { throw CalcArgs.fail("--drug: is required; \(accepted)") }
            guard drug.count == mg.count else {
                throw CalcArgs.fail("--drug and --mg: \(drug.count) --drug but \(mg.count) --mg; accepted: one --mg for each --drug, as pairs (e.g. --drug alprazolam --mg 2 --drug zopiclone --mg 7.5)")
            }
            var pairs: [(drug: String, mg: Double)] = []
            for (d, m) in zip(drug, mg) {
                if let none = q.noAgreedEquivalent(for: d), let listed = q.noAgreedEquivalent {
                    throw CalcArgs.noAgreedEquivalent(none, drug: d.lowercased(), status: listed.provenance.status, json: common.json)
                }
                guard t.doses[d.lowercased()] != nil else { throw CalcArgs.fail("--drug: '\(d)' is not in the \(tableName) table; \(accepted)") }
                pairs.append((d, try CalcArgs.double("--mg", m, 0...10_000, positive: true)))
            }
            let total: EquivalenceTotal
            do { total = try q.total(pairs, table: tableName) } catch { throw CalcArgs.fail("--drug: \(error.message); \(accepted)") }
            let spreads = total.parts.map { q.acrossTables(drug: $0.drug, mg: $0.doseMg) }
            let parts = zip(total.parts, spreads).map { r, s in
                EquivalentPartJSON(drug: r.drug, mg: r.doseMg, diazepamMg: r.diazepamMg,
                                   diazepamMgRange: [r.diazepamMgLow, r.diazepamMgHigh], zDrug: r.isZDrug,
                                   conflict: s?.isConflict ?? false,
                                   acrossTablesRange: s.map { [$0.diazepamMgLow, $0.diazepamMgHigh] } ?? [r.diazepamMgLow, r.diazepamMgHigh],
                                   byTable: (s?.byTable ?? [:]).mapValues { [$0.diazepamMgLow, $0.diazepamMgHigh] })
            }
            let conflict = parts.contains(where: \.conflict)
            // A conversion the tables disagree on is a CONFLICT whatever the table in force says of itself.
            let status = conflict ? EvidenceStatus.conflict.rawValue : t.provenance.status.rawValue
            let across = [parts.map { $0.acrossTablesRange[0] }.reduce(0, +), parts.map { $0.acrossTablesRange[1] }.reduce(0, +)]
            if common.json {
                try CalcArgs.printJSON(EquivalentJSON(
                    totalDiazepamMg: total.diazepamMg, totalDiazepamMgRange: [total.diazepamMgLow, total.diazepamMgHigh],
                    drugs: parts, table: tableName, tableTitle: t.title, source: t.provenance.source,
                    status: status, conflict: conflict, totalAcrossTablesRange: across,
                    single: parts.count == 1 ? parts[0] : nil))
                return
            }
            func mgText(_ point: Double?, _ low: Double, _ high: Double) -> String {
                point.map { "\(CalcArgs.num($0)) mg" } ?? "\(CalcArgs.num(low))–\(CalcArgs.num(high)) mg (the table gives a range)"
            }
            for (r, s) in zip(total.parts, spreads) {
                print("\(r.drug) \(CalcArgs.num(r.doseMg)) mg ≈ diazepam \(mgText(r.diazepamMg, r.diazepamMgLow, r.diazepamMgHigh))\(r.isZDrug ? " [Z-drug]" : "")")
                if let s, s.isConflict { print("  CONFLICT: the tables give \(Self.rangeText(s)) — \(Self.perTable(s))") }
            }
            if total.parts.count > 1 {
                print("Total ≈ diazepam \(mgText(total.diazepamMg, total.diazepamMgLow, total.diazepamMgHigh))")
                if conflict { print("  CONFLICT: across the tables \(CalcArgs.num(across[0]))–\(CalcArgs.num(across[1])) mg") }
            }
            print("Table: \(tableName) — \(t.title) (\(status))")
            print("Source: \(t.provenance.source)")
        }

        static func rangeText(_ s: EquivalenceSpread) -> String {
            "\(CalcArgs.num(s.diazepamMgLow))–\(CalcArgs.num(s.diazepamMgHigh)) mg"
        }

        static func perTable(_ s: EquivalenceSpread) -> String {
            s.byTable.keys.sorted().map { name in
                let r = s.byTable[name]!
                let v = r.diazepamMg.map { CalcArgs.num($0) } ?? "\(CalcArgs.num(r.diazepamMgLow))–\(CalcArgs.num(r.diazepamMgHigh))"
                return "\(name) \(v) mg"
            }.joined(separator: ", ")
        }
    }
}

extension CalcArgs {
    /// Prints the answer (stdout; `--json`: {drug, noAgreedEquivalent, status, message}) and returns
    /// `.noAgreedEquivalent` (3): not an argument error, a refusal to invent a value.
    static func noAgreedEquivalent(_ e: EquivalenceError, drug: String, status: EvidenceStatus, json: Bool) -> ExitCode {
        if json {
            try? printJSON(NoAgreedEquivalentJSON(drug: drug, noAgreedEquivalent: true, status: status.rawValue, message: e.message))
        } else {
            print(e.message)
        }
        return ExitCode(.noAgreedEquivalent)
    }
}

struct NoAgreedEquivalentJSON: Encodable {
    var drug: String, noAgreedEquivalent: Bool, status: String, message: String
}

/// One --drug/--mg pair as diazepam; `diazepamMg` is null when the table gives a range.
/// `conflict`: the tables listing the drug disagree; `acrossTablesRange` spans them all, `byTable` gives each as [low, high].
struct EquivalentPartJSON: Encodable {
    var drug: String, mg: Double, diazepamMg: Double?, diazepamMgRange: [Double], zDrug: Bool
    var conflict: Bool, acrossTablesRange: [Double], byTable: [String: [Double]]
    enum CodingKeys: String, CodingKey { case drug, mg, diazepamMg, diazepamMgRange, zDrug, conflict, acrossTablesRange, byTable }
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(drug, forKey: .drug); try c.encode(mg, forKey: .mg)
        try c.encode(diazepamMg, forKey: .diazepamMg)   // null when the table gives a range
        try c.encode(diazepamMgRange, forKey: .diazepamMgRange); try c.encode(zDrug, forKey: .zDrug)
        try c.encode(conflict, forKey: .conflict); try c.encode(acrossTablesRange, forKey: .acrossTablesRange)
        try c.encode(byTable, forKey: .byTable)
    }
}

/// The total and each pair; with a single pair, that pair's keys at the top
/// level too (drug, mg, diazepamMg, diazepamMgRange, zDrug), as before.
struct EquivalentJSON: Encodable {
    var totalDiazepamMg: Double?, totalDiazepamMgRange: [Double], drugs: [EquivalentPartJSON]
    var table: String, tableTitle: String, source: String, status: String
    var conflict: Bool, totalAcrossTablesRange: [Double]
    var single: EquivalentPartJSON?
    enum CodingKeys: String, CodingKey { case totalDiazepamMg, totalDiazepamMgRange, drugs, table, tableTitle, source, status, totalAcrossTablesRange, conflict }
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(totalDiazepamMg, forKey: .totalDiazepamMg)   // null when any part is a range
        try c.encode(totalDiazepamMgRange, forKey: .totalDiazepamMgRange); try c.encode(drugs, forKey: .drugs)
        try c.encode(table, forKey: .table); try c.encode(tableTitle, forKey: .tableTitle)
        try c.encode(source, forKey: .source); try c.encode(status, forKey: .status)
        try c.encode(totalAcrossTablesRange, forKey: .totalAcrossTablesRange)
        if single == nil { try c.encode(conflict, forKey: .conflict) }
        try single?.encode(to: e)   // a single pair also puts its own `conflict` at the top level
    }
}
