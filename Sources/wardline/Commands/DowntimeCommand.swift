import ArgumentParser
import Foundation
import WardCore
import WardReports
import WardStore

/// `wardline downtime`: the paper fallback pack, for cron.
struct DowntimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "downtime",
        abstract: "Write the downtime pack (last 24 h handover, blank paper sheets) atomically; for cron.",
        discussion: """
            Non-interactive: needs no sign-in, reads the ward and changes nothing in it. Writes a new pack \
            in DIR and switches DIR/current to it only when it is complete. Files are mode 0640 and \
            directories 0750: readable by the account that runs it and its group, nobody else.

            Cron, every hour: 5 * * * *  wardline downtime --db /var/lib/wardline/ward.sqlite --out /var/lib/wardline/downtime

            Exit codes: 66 no database, 69 written but not printed, 74 could not write the pack.
            """)

    @Option(help: ArgumentHelp("The downtime directory (default: downtime/ beside the database).", valueName: "DIR"))
    var out: String?
    @Flag(help: "Also print the pack's handover and sheets (CUPS lp).") var print = false
    @Option(help: ArgumentHelp("The CUPS printer (default: the system's default printer).", valueName: "NAME")) var printer: String?
    @OptionGroup var database: DatabaseOption
    @OptionGroup var proto: ProtocolOption

    func validate() throws {
        if printer != nil && !print { throw ValidationError("--printer needs --print") }
        if let out, out.isEmpty { throw ValidationError("--out needs a directory") }
    }

    func run() throws {
        let wardProtocol = try proto.load(in: database)
        let now = Date()
        let snapshot = try ReportCLI.loadWard(database, wardProtocol)
        let last24h = ShiftOccurrence(name: nil, interval: DateInterval(start: now.addingTimeInterval(-24 * 3600), end: now))
        let input = HandoverInput.forShift(last24h, snapshot: snapshot, protocol: wardProtocol,
                                           printedBy: "downtime pack (\(ReportCLI.printedBy()))", now: now,
                                           shiftLabel: "Last 24 hours")
        let dir = out.map { URL(fileURLWithPath: $0) }
            ?? StorePaths.wardDirectory(database: database.path).appendingPathComponent("downtime")
        ReportCLI.privateFiles()
        // The paper fallback must not depend on cairo/pango: without them the pack is text only.
        let pdfProblem = HandoverPDFRenderer.unavailableReason
        if let pdfProblem {
            printError("the pack has no handover.pdf (\(pdfProblem)); the text files are complete")
        }
        let pack: URL
        do {
            var documents = try DowntimePack.documents(for: input, pdf: pdfProblem == nil)
            // The audit head, on paper with the pack every hour: an anchor outside the database.
            if let head = ReportCLI.auditHead(database) {
                documents.append(DowntimeDocument(name: "audit-anchor.txt", text: AuditAnchorLine.text(
                    database: database.path, count: head.count, head: head.headHash, at: now) + "\n"))
            }
            // A directory the user named is written as the user; the default beside the database as the program.
            pack = try out == nil ? DowntimePack.write(to: dir, documents: documents, now: now)
                : Privilege.asInvokingUser { try DowntimePack.write(to: dir, documents: documents, now: now) }
        } catch {
            throw fail(.ioError, "the downtime pack was not written (the previous one is still current): \(error)")
        }
        Swift.print("downtime pack written: \(pack.path) (\(dir.path)/\(DowntimePack.currentName) points at it)")
        guard print else { return }
        var failed: [String] = []
        for name in ["handover.txt", "observation-sheets.txt", "mar-sheets.txt"] {
            let outcome = Printer().print(file: pack.appendingPathComponent(name), printer: printer, title: "Downtime \(name)",
                                          options: Printer.textOptions(columns: .c80))
            switch outcome {
            case .queued(let id): Swift.print("printed \(name) (job \(id))")
            case .failed(let why): failed.append("\(name): \(why)")
            }
        }
        if !failed.isEmpty {
            throw fail(.unavailable, "not printed — \(failed.joined(separator: "; ")). The pack is saved at \(pack.path)")
        }
    }
}
