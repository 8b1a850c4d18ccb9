import Foundation
import Testing
@testable import WardReports
import TestTools

@Suite(.serialized) struct PrinterTests {
    init() throws { try SystemPackages.ensure(SystemPackages.pdfTools) }

    @Test func handoverPrintsThroughARealCUPSToTheCupsPDFPrinter() throws {
        let cups = try PrivateCUPS()
        defer { cups.stop() }
        let dir = TemporaryFolders.make("reports-print")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Fixture.input()
        let printer = Printer(server: cups.socket)

        // PDF job.
        let pdf = dir.appendingPathComponent("handover.pdf")
        try HandoverPDFRenderer().write(input, to: pdf)
        let token = "wardline\(UInt32.random(in: 0...UInt32.max))"
        let outcome = printer.print(file: pdf, printer: cups.printerName, title: token)
        guard case .queued(let id) = outcome else {
            Issue.record("not queued: \(outcome)\n\(cups.errorLogTail())"); return
        }
        #expect(id.hasPrefix(cups.printerName))
        #expect(try cups.waitFor { try cups.jobCompleted(id) }, "job \(id) did not complete:\n\(cups.errorLogTail())")
        let printed = try #require(cups.outputFile(titled: token), "cups-pdf wrote no file for \(token)")
        defer { try? FileManager.default.removeItem(at: printed) }
        let text = try runProcess("pdftotext", ["-raw", printed.path, "-"]).stdout.filter { !$0.isWhitespace }
        for p in input.patients where !p.summary.name.unicodeScalars.contains(where: { $0.value > 0x2000 }) {
            #expect(text.contains(PrintSafe.text(p.summary.name).filter { !$0.isWhitespace }), "\(p.summary.name) not in the printed PDF")
        }

        // Text job, with the options that fix its page length.
        let txt = dir.appendingPathComponent("handover.txt")
        let token2 = token + "t"
        let result = try printer.saveAndPrint(Data(HandoverTextRenderer(columns: .c80).render(input).utf8), to: txt,
                                              printer: cups.printerName, title: token2,
                                              options: Printer.textOptions(columns: .c80))
        guard case .queued(let id2) = result.outcome else {
            Issue.record("text job not queued: \(result.message)"); return
        }
        #expect(result.message.contains(txt.path))
        #expect(try cups.waitFor { try cups.jobCompleted(id2) }, "text job \(id2) did not complete:\n\(cups.errorLogTail())")
        let printed2 = try #require(cups.outputFile(titled: token2))
        defer { try? FileManager.default.removeItem(at: printed2) }
        // CUPS's text filter typesets with Type 3 fonts pdftotext cannot read back; what it can
        // check is the page length: CUPS must break the pages exactly where the renderer did.
        let info = try runProcess("pdfinfo", [printed2.path]).stdout
        let pages = HandoverTextRenderer(columns: .c80).pages(input).count
        #expect(HandoverPDFTests.pageCount(ProcessResult(status: 0, stdout: info, stderr: "")) == pages, "\(info)")
        try expectMargins(printed2, "80 columns")

        // 132 columns: the same page breaks (no line wraps) and the same margins.
        let wide = dir.appendingPathComponent("handover-132.txt")
        let token3 = token + "w"
        let r132 = try printer.saveAndPrint(Data(HandoverTextRenderer(columns: .c132).render(input).utf8), to: wide,
                                            printer: cups.printerName, title: token3, options: Printer.textOptions(columns: .c132))
        guard case .queued(let id3) = r132.outcome else { Issue.record("132-column job not queued: \(r132.message)"); return }
        #expect(try cups.waitFor { try cups.jobCompleted(id3) }, "132-column job \(id3) did not complete:\n\(cups.errorLogTail())")
        let printed3 = try #require(cups.outputFile(titled: token3))
        defer { try? FileManager.default.removeItem(at: printed3) }
        let info3 = try runProcess("pdfinfo", [printed3.path]).stdout
        #expect(HandoverPDFTests.pageCount(ProcessResult(status: 0, stdout: info3, stderr: "")) ==
                HandoverTextRenderer(columns: .c132).pages(input).count, "\(info3)")
        try expectMargins(printed3, "132 columns")

        // A printer CUPS does not know: a clear message, and the file is still saved.
        let missing = dir.appendingPathComponent("handover-2.txt")
        let r = try printer.saveAndPrint(Data("x\n".utf8), to: missing, printer: "NoSuchPrinter")
        #expect(!r.outcome.isQueued)
        #expect(r.message.contains("\"NoSuchPrinter\" does not exist"), "\(r.message)")
        #expect(r.message.contains(missing.path))
        #expect(FileManager.default.fileExists(atPath: missing.path))
    }

    /// The text printout keeps off the paper's edges: ink on every page at least
    /// `Printer.textMarginLeft` from the left and `Printer.textMarginRight` from the right.
    func expectMargins(_ pdf: URL, _ label: String) throws {
        let pages = try InkBounds.pages(of: pdf)
        #expect(!pages.isEmpty, "\(label): no ink at all")
        for p in pages {
            #expect(p.left >= Double(Printer.textMarginLeft) - 1, "\(label): \(p), left margin under \(Printer.textMarginLeft) pt")
            #expect(p.pageWidth - p.right >= Double(Printer.textMarginRight) - 1,
                    "\(label): \(p), right margin under \(Printer.textMarginRight) pt")
        }
    }

    @Test func withoutCUPSInstalledTheFileIsSavedAndTheMessageSaysSo() throws {
        let dir = TemporaryFolders.make("reports-nocups")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("handover.txt")
        let r = try Printer(lpCommand: dir.appendingPathComponent("no-lp-here").path)
            .saveAndPrint(Data("handover\n".utf8), to: url, printer: "Ward7")
        #expect(r.message.contains("CUPS is not installed"))
        #expect(r.message.contains(url.path))
        #expect(try String(contentsOf: url, encoding: .utf8) == "handover\n")
    }

    @Test func withCUPSNotRunningTheMessageSaysSo() throws {
        let dir = TemporaryFolders.make("reports-cupsdown")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("handover.txt")
        let r = try Printer(server: dir.appendingPathComponent("nobody-listens.sock").path)
            .saveAndPrint(Data("handover\n".utf8), to: url, printer: "Ward7")
        #expect(r.message.contains("not running"), "\(r.message)")
        #expect(FileManager.default.fileExists(atPath: url.path))
    }

    @Test func lpOutputIsParsedAndErrorsAreExplained() {
        #expect(Printer.jobID("request id is WardPDF-3 (1 file(s))\n") == "WardPDF-3")
        #expect(Printer.jobID("nothing") == nil)
        #expect(Printer.explain(stderr: "lp: Error - The printer or class does not exist.", printer: "X").contains("\"X\" does not exist"))
        #expect(Printer.explain(stderr: "lp: Error - No default destination.", printer: nil).contains("--printer"))
        #expect(!Printer.explain(stderr: "lp: \u{1B}[2Jodd", printer: "\u{1B}]0;x").contains("\u{1B}"))
    }
}
