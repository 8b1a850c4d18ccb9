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
            let p = try ProtocolFile.load(common.protocol)
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
                guard t.doses[d.lowercased()] != nil else { throw CalcArgs.fail("--drug: '\(d)' is not in the \(tableName) table; \(accepted)") }
                pairs.append((d, try CalcArgs.double("--mg", m, 0...10_000, positive: true)))
            }
            let total: EquivalenceTotal
            do { total = try q.total(pairs, table: tableName) } catch { throw CalcArgs.fail("--drug: \(error.message); \(accepted)") }
            let parts = total.parts.map { r in
                EquivalentPartJSON(drug: r.drug, mg: r.doseMg, diazepamMg: r.diazepamMg,
                                   diazepamMgRange: [r.diazepamMgLow, r.diazepamMgHigh], zDrug: r.isZDrug)
            }
            if common.json {
                try CalcArgs.printJSON(EquivalentJSON(
                    totalDiazepamMg: total.diazepamMg, totalDiazepamMgRange: [total.diazepamMgLow, total.diazepamMgHigh],
                    drugs: parts, table: tableName, tableTitle: t.title, source: t.provenance.source,
                    status: t.provenance.status.rawValue, single: parts.count == 1 ? parts[0] : nil))
                return
            }
            func mgText(_ point: Double?, _ low: Double, _ high: Double) -> String {
                point.map { "\(CalcArgs.num($0)) mg" } ?? "\(CalcArgs.num(low))–\(CalcArgs.num(high)) mg (the table gives a range)"
            }
            for r in total.parts {
                print("\(r.drug) \(CalcArgs.num(r.doseMg)) mg ≈ diazepam \(mgText(r.diazepamMg, r.diazepamMgLow, r.diazepamMgHigh))\(r.isZDrug ? " [Z-drug]" : "")")
            }
            if total.parts.count > 1 {
                print("Total ≈ diazepam \(mgText(total.diazepamMg, total.diazepamMgLow, total.diazepamMgHigh))")
            }
            print("Table: \(tableName) — \(t.title) (\(t.provenance.status.rawValue))")
            print("Source: \(t.provenance.source)")
        }
    }
}

/// One --drug/--mg pair as diazepam; `diazepamMg` is null when the table gives a range.
struct EquivalentPartJSON: Encodable {
    var drug: String, mg: Double, diazepamMg: Double?, diazepamMgRange: [Double], zDrug: Bool
    enum CodingKeys: String, CodingKey { case drug, mg, diazepamMg, diazepamMgRange, zDrug }
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(drug, forKey: .drug); try c.encode(mg, forKey: .mg)
        try c.encode(diazepamMg, forKey: .diazepamMg)   // null when the table gives a range
        try c.encode(diazepamMgRange, forKey: .diazepamMgRange); try c.encode(zDrug, forKey: .zDrug)
    }
}

/// The total and each pair; with a single pair, that pair's keys at the top
/// level too (drug, mg, diazepamMg, diazepamMgRange, zDrug), as before.
struct EquivalentJSON: Encodable {
    var totalDiazepamMg: Double?, totalDiazepamMgRange: [Double], drugs: [EquivalentPartJSON]
    var table: String, tableTitle: String, source: String, status: String
    var single: EquivalentPartJSON?
    enum CodingKeys: String, CodingKey { case totalDiazepamMg, totalDiazepamMgRange, drugs, table, tableTitle, source, status }
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(totalDiazepamMg, forKey: .totalDiazepamMg)   // null when any part is a range
        try c.encode(totalDiazepamMgRange, forKey: .totalDiazepamMgRange); try c.encode(drugs, forKey: .drugs)
        try c.encode(table, forKey: .table); try c.encode(tableTitle, forKey: .tableTitle)
        try c.encode(source, forKey: .source); try c.encode(status, forKey: .status)
        try single?.encode(to: e)
    }
}
