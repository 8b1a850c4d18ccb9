import Foundation
import Testing
@testable import WardReports
import TestTools

struct SimulatedCrash: Error {}

@Suite struct DowntimePackTests {
    /// The pack holds a PDF: the font for CJK names is installed before the first one is typeset.
    init() throws { try SystemPackages.ensure(SystemPackages.pdfTools) }

    func read(_ dir: URL) throws -> [String: String] {
        let pack = try #require(DowntimePack.current(in: dir))
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: pack.path) {
            out[name] = try String(contentsOf: pack.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }

    @Test func aNewPackReplacesTheOldOneWhole() throws {
        let dir = TemporaryFolders.make("reports-downtime")
        defer { try? FileManager.default.removeItem(at: dir) }
        try DowntimePack.write(to: dir, documents: [.init(name: "a.txt", text: "old A"), .init(name: "b.txt", text: "old B")])
        try DowntimePack.write(to: dir, documents: [.init(name: "a.txt", text: "new A"), .init(name: "c.txt", text: "new C")])
        #expect(try read(dir) == ["a.txt": "new A", "c.txt": "new C"])
    }

    @Test func aFailureMidPackLeavesThePreviousPackIntact() throws {
        let dir = TemporaryFolders.make("reports-downtime-crash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = [DowntimeDocument(name: "handover.txt", text: "good handover"), .init(name: "mar-sheets.txt", text: "good MAR")]
        try DowntimePack.write(to: dir, documents: old)
        let before = try read(dir)

        var written: [String] = []
        #expect(throws: SimulatedCrash.self) {
            try DowntimePack.write(to: dir, documents: [.init(name: "handover.txt", text: "NEW half"),
                                                        .init(name: "mar-sheets.txt", text: "NEW never written")],
                                   now: Date(), afterEachFile: { name in written.append(name); throw SimulatedCrash() })
        }
        #expect(written == ["handover.txt"])                 // it really was mid-pack
        #expect(try read(dir) == before)
        #expect(before == ["handover.txt": "good handover", "mar-sheets.txt": "good MAR"])
    }

    @Test func leftoversOfAKilledRunNeverBecomeCurrentAndAreCleanedUp() throws {
        let dir = TemporaryFolders.make("reports-downtime-killed")
        defer { try? FileManager.default.removeItem(at: dir) }
        try DowntimePack.write(to: dir, documents: [.init(name: "handover.txt", text: "good")])
        // What a process killed mid-write leaves: a half staging directory and a dangling new link.
        let stale = dir.appendingPathComponent(".incoming-deadbeef")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        try Data("half".utf8).write(to: stale.appendingPathComponent("handover.txt"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(".current-deadbeef").path,
                                                   withDestinationPath: ".incoming-deadbeef")
        #expect(try read(dir) == ["handover.txt": "good"])

        try DowntimePack.write(to: dir, documents: [.init(name: "handover.txt", text: "next")])
        #expect(try read(dir) == ["handover.txt": "next"])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!names.contains { $0.hasPrefix(".incoming-") || $0.hasPrefix(".current-") })
    }

    @Test func onlyTheNewestAndThePreviousPackAreKept() throws {
        let dir = TemporaryFolders.make("reports-downtime-prune")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (n, s) in ["2026-11-28T10:00:00Z", "2026-11-28T11:00:00Z", "2026-11-28T12:00:00Z"].enumerated() {
            let d = ISO8601DateFormatter().date(from: s)!
            try DowntimePack.write(to: dir, documents: [.init(name: "n.txt", text: "\(n)")], now: d)
        }
        let packs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("pack-") }.sorted()
        #expect(packs.count == 2)
        #expect(packs.first?.hasPrefix("pack-20261128-110000Z") == true)
        #expect(try read(dir) == ["n.txt": "2"])
    }

    @Test func badDocumentNamesAreRefusedBeforeAnythingIsWritten() throws {
        let dir = TemporaryFolders.make("reports-downtime-names")
        defer { try? FileManager.default.removeItem(at: dir) }
        for bad in ["../escape.txt", ".hidden", "", "a/b"] {
            #expect(throws: ReportError.self) { try DowntimePack.write(to: dir, documents: [.init(name: bad, text: "x")]) }
        }
        #expect(throws: ReportError.self) {
            try DowntimePack.write(to: dir, documents: [.init(name: "a", text: "1"), .init(name: "a", text: "2")])
        }
        #expect(DowntimePack.current(in: dir) == nil)
    }

    @Test func theWardPackHasHandoverAndBlankSheetsForEveryPatient() throws {
        let input = Fixture.input()
        let docs = try DowntimePack.documents(for: input)
        #expect(Set(docs.map(\.name)) == ["README.txt", "handover.txt", "handover.pdf", "observation-sheets.txt", "mar-sheets.txt"])
        let byName = Dictionary(uniqueKeysWithValues: docs.map { ($0.name, $0.contents) })
        #expect(byName["handover.pdf"]?.starts(with: Array("%PDF".utf8)) == true)
        for sheet in ["observation-sheets.txt", "mar-sheets.txt"] {
            let text = String(decoding: byName[sheet]!, as: UTF8.self)
            let pages = PaginationTests.pages(text)
            #expect(pages.count == input.patients.count, "\(sheet): one page per patient")
            for p in input.patients {
                #expect(text.contains("MRN \(p.summary.mrn)"))
            }
            for page in pages {
                #expect(page.count <= Paper.a4.linesPerPage)
                #expect(page.allSatisfy { TextWidth.of($0) <= 80 }, "\(sheet) line too wide")
            }
            #expect(!text.utf8.contains(0x1B))
        }
        let obs = String(decoding: byName["observation-sheets.txt"]!, as: UTF8.self)
        if let keep = ProcessInfo.processInfo.environment["WARDREPORTS_KEEP_SHEETS"] {
            try byName["observation-sheets.txt"]!.write(to: URL(fileURLWithPath: keep + "-obs.txt"))
            try byName["mar-sheets.txt"]!.write(to: URL(fileURLWithPath: keep + "-mar.txt"))
        }
        #expect(obs.contains("Day 3"))
        let mar = String(decoding: byName["mar-sheets.txt"]!, as: UTF8.self)
        #expect(mar.contains("Day 3 __/__"))
        #expect(mar.contains("penicillin (rash)"))
        #expect(mar.contains("step 2 of 8: diazepam 10 mg QID"))
    }

    /// Without cairo/pango `wardline downtime` asks for the text-only pack; its README must not promise a PDF.
    @Test func aTextOnlyPackHasNoPDFAndItsReadmeSaysSo() throws {
        let docs = try DowntimePack.documents(for: Fixture.input(), pdf: false)
        #expect(Set(docs.map(\.name)) == ["README.txt", "handover.txt", "observation-sheets.txt", "mar-sheets.txt"])
        let readme = String(decoding: try #require(docs.first { $0.name == "README.txt" }).contents, as: UTF8.self)
        #expect(!readme.contains("handover.pdf"))
        #expect(readme.contains("handover.txt                 every patient"))
        // The text files print with the options the app itself passes to CUPS (margins included).
        #expect(readme.contains("lp -o cpi=12 -o lpi=6 -o page-top=36 -o page-bottom=36 -o page-left=54 -o page-right=36 FILE.txt"),
                "\(readme)")
    }

    @Test func thePDFLibrariesLoadAtRunTime() {
        // cairo, pango, pangocairo and gobject are dlopen'ed (Sources/CPangoCairo); nil means every function was found.
        #expect(HandoverPDFRenderer.unavailableReason == nil)
    }
}
