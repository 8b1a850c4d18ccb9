import Foundation
import Testing
@testable import WardReports
import TestTools

@Suite struct HandoverPDFTests {
    /// pdftotext/pdfinfo read the PDFs; the CJK font typesets the fixture's names (installed when missing).
    init() throws { try SystemPackages.ensure(SystemPackages.pdfTools) }

    func pdf(_ input: HandoverInput) throws -> (URL, String, ProcessResult) {
        let dir = TemporaryFolders.make("reports-pdf")
        let url = dir.appendingPathComponent("handover.pdf")
        try HandoverPDFRenderer().write(input, to: url)
        let text = try runProcess("pdftotext", ["-raw", "-enc", "UTF-8", url.path, "-"])
        let info = try runProcess("pdfinfo", [url.path])
        #expect(text.status == 0, "pdftotext: \(text.stderr)")
        #expect(info.status == 0, "pdfinfo: \(info.stderr)")
        return (url, text.stdout, info)
    }

    /// The fixture with twelve more patients, so the PDF runs to several pages.
    static func severalPages() -> HandoverInput {
        var input = Fixture.input()
        let base = input.patients[input.patients.count - 1]
        for n in 0..<12 {
            var p = base
            p.summary.name = "Patient \(n), Extra"; p.summary.mrn = "9\(n)"; p.summary.bed = "X\(n)"
            input.patients.append(p)
        }
        return input
    }

    static func pageCount(_ info: ProcessResult) -> Int? {
        info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    @Test func everyPatientsNameAndNumbersAreInThePDF() throws {
        let input = Fixture.input()
        let (url, text, info) = try pdf(input)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        // Names are laid out by pango and may wrap: compare in reading order (-raw) with whitespace removed.
        let squeezed = text.filter { !$0.isWhitespace }
        for p in input.patients {
            let name = PrintSafe.text(p.summary.name).filter { !$0.isWhitespace }
            #expect(squeezed.contains(name), "name \(name) missing from the PDF")
            #expect(text.contains("MRN \(p.summary.mrn)"))
            if let c = p.numbers.ciwa, let last = c.last, let lo = c.min, let hi = c.max {
                #expect(text.contains("last \(last.value)"), "CIWA last \(last.value) of \(name)")
                #expect(text.contains("min \(lo.value)"))
                #expect(text.contains("max \(hi.value)"))
            }
        }
        #expect(text.contains("NEWS2"))
        #expect(text.contains("last 3 at 15:05, worst 6 at 10:35"))
        #expect(text.contains("heart rate 3"))
        #expect(text.contains("No alerts recorded"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("page 1 of"))
        #expect(Self.pageCount(info) ?? 0 >= 2)
        #expect(info.stdout.contains("595.276 x 841.89") || info.stdout.contains("595.28 x 841.89"), "A4 page size: \(info.stdout)")
    }

    @Test func pageCountInTheInfoMatchesThePageFooters() throws {
        // Twelve more patients: the PDF must run to several pages and say so.
        let input = Self.severalPages()
        let (url, text, info) = try pdf(input)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let pages = try #require(Self.pageCount(info))
        #expect(pages > 2)
        #expect(text.contains("page \(pages) of \(pages)"))
        #expect(!text.contains("page \(pages + 1) of"))
        #expect(text.components(separatedBy: "\u{0C}").filter { $0.contains(" of \(pages)") }.count == pages)
    }

    /// An unapproved protocol prints a banner on every PDF page; an approved one prints none.
    @Test func anUnapprovedProtocolIsBanneredOnEveryPage() throws {
        var input = Self.severalPages()
        input.unapprovedProtocol = "NOT APPROVED: shipped defaults"
        let (url, text, info) = try pdf(input)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let pages = try #require(Self.pageCount(info))
        #expect(pages > 1)
        let bannered = text.components(separatedBy: "\u{0C}").filter { $0.contains("PROTOCOL NOT APPROVED") }
        #expect(bannered.count == pages, "\(text)")
        input.unapprovedProtocol = nil
        let (url2, approved, _) = try pdf(input)
        defer { try? FileManager.default.removeItem(at: url2.deletingLastPathComponent()) }
        #expect(!approved.contains("PROTOCOL NOT APPROVED"))
    }

    @Test func aPatientLongerThanAPageContinuesUnderItsContTitle() throws {
        var input = Fixture.input()
        input.patients = [PaginationTests.patient(9, contingencies: 120)]
        let (url, text, info) = try pdf(input)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let pages = try #require(Self.pageCount(info))
        #expect(pages >= 3)
        #expect(text.contains("Test, Patient 9 (cont.)"))
        #expect(text.contains("If 119 then call."))
        // every page after the first patient page opens with the (cont.) title
        let bodies = text.components(separatedBy: "\u{0C}").filter { !$0.isEmpty }
        #expect(bodies.count == pages)
        for page in bodies.dropFirst(2) { #expect(page.contains("(cont.)")) }
    }

    @Test func aPageRendersToAnImage() throws {
        let (url, _, _) = try pdf(Fixture.input())
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let prefix = url.deletingLastPathComponent().appendingPathComponent("page").path
        let r = try runProcess("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", url.path, prefix])
        #expect(r.status == 0, "pdftoppm: \(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        let png = try #require(files.first { $0.hasSuffix(".png") })
        let data = try Data(contentsOf: url.deletingLastPathComponent().appendingPathComponent(png))
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        if let keep = ProcessInfo.processInfo.environment["WARDREPORTS_KEEP_PDF"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: url, to: URL(fileURLWithPath: keep))
        }
    }
}
