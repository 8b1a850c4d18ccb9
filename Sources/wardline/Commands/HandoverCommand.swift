import ArgumentParser
import Foundation
import WardCore
import WardReports
import WardStore

/// `wardline handover`: the shift handover as text or PDF, to stdout, a file, or the printer.
struct HandoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handover",
        abstract: "Print the shift handover (text or PDF).",
        discussion: """
            Reads the ward; needs no sign-in and changes nothing. Without --shift: the handover nearest \
            in time (the current shift once past its middle, else the one that just ended). Shift times \
            come from the ward protocol's [shifts]. Text goes to stdout unless --out FILE is given; a PDF \
            needs --out or --print. With --print the document is saved first (to --out, else beside the \
            database in handovers/) and then sent to CUPS; if printing fails the saved path is printed.

            Exit codes: 64 bad arguments, 66 no database, 69 not printed (document saved), 74 I/O error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, pdf }

    @Option(help: ArgumentHelp("The ward's name (checked against the database).", valueName: "W")) var ward: String?
    @Option(help: ArgumentHelp("day, night (the protocol's shift names) or HH:MM-HH:MM.", valueName: "SHIFT")) var shift: String?
    @Option(help: ArgumentHelp("The date the shift starts on, YYYY-MM-DD (needs --shift).", valueName: "D")) var date: String?
    @Option(help: ArgumentHelp("text or pdf.", valueName: "FORMAT")) var format: Format = .text
    @Option(help: ArgumentHelp("Text width: 80 or 132 columns.", valueName: "N")) var width: Int = 80
    @Option(help: ArgumentHelp("Write the document to this file.", valueName: "FILE")) var out: String?
    @Flag(help: "Send it to the printer (CUPS lp) after saving it.") var print = false
    @Option(help: ArgumentHelp("The CUPS printer (default: the system's default printer).", valueName: "NAME")) var printer: String?
    @OptionGroup var database: DatabaseOption
    @OptionGroup var proto: ProtocolOption

    func validate() throws {
        guard Columns(rawValue: width) != nil else {
            throw ValidationError("--width \(width) is not a printout width; use 80 or 132")
        }
        if printer != nil && !print { throw ValidationError("--printer needs --print") }
        if format == .pdf && out == nil && !print {
            throw ValidationError("a PDF needs --out FILE or --print (it is not sent to the terminal)")
        }
        if let out, out.isEmpty || out.hasSuffix("/") { throw ValidationError("--out needs a file name, not \"\(out)\"") }
    }

    func run() throws {
        let wardProtocol = try proto.load(in: database)
        let now = Date()
        let calendar = Calendar.wardDefault
        let occurrence: ShiftOccurrence
        switch HandoverShift.resolve(shift: shift, date: date, rules: wardProtocol.shifts, now: now, calendar: calendar) {
        case .success(let o): occurrence = o
        case .failure(let e): throw fail(.usage, e.message)
        }
        let snapshot = try ReportCLI.loadWard(database, wardProtocol,
                                              dischargedSince: min(occurrence.start, Store.censusWindowStart(wardProtocol, now: now)))
        if let ward, ward.caseInsensitiveCompare(snapshot.ward.name) != .orderedSame {
            throw fail(.usage, "this database holds ward \"\(snapshot.ward.name)\", not \"\(ward)\"; check --ward or --db")
        }
        let input = HandoverInput.forShift(occurrence, snapshot: snapshot, protocol: wardProtocol,
                                           printedBy: ReportCLI.printedBy(), now: now)
        ReportCLI.privateFiles()
        let columns = Columns(rawValue: width) ?? .c80
        let data: Data
        switch format {
        case .text:
            data = Data(HandoverTextRenderer(columns: columns).render(input).utf8)
        case .pdf:
            data = try pdfData(input)
        }
        guard out != nil || print else {
            FileHandle.standardOutput.write(data)
            return
        }
        let target = out.map { URL(fileURLWithPath: $0) } ?? {
            let name = "handover-\(ReportCLI.fileStamp(occurrence.start, calendar.timeZone))-\(occurrence.name ?? "custom").\(format == .text ? "txt" : "pdf")"
            return ReportCLI.defaultSaveDirectory(database).appendingPathComponent(name)
        }()
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw fail(.ioError, "cannot create the directory for \(target.path): \(error.localizedDescription)")
        }
        guard print else {
            // A path the user chose is written as the user; the default beside the database as the program.
            do { try (out == nil ? { try AtomicFile.write(data, to: target) }() : Privilege.asInvokingUser { try AtomicFile.write(data, to: target) }) }
            catch let e as ExitCode { throw e } catch { throw fail(.ioError, "\(error)") }
            writeStderr("saved to \(target.path)\n")
            return
        }
        let result: PrintResult
        do {
            result = try Printer().saveAndPrint(data, to: target, printer: printer, title: "Handover \(input.shiftLabel)",
                                                options: format == .text ? Printer.textOptions(columns: columns) : [])
        } catch { throw fail(.ioError, "\(error)") }
        if result.outcome.isQueued {
            writeStderr("\(result.message)\n")
        } else {
            throw fail(.unavailable, result.message)
        }
    }

    func pdfData(_ input: HandoverInput) throws -> Data {
        do {
            return try HandoverPDFRenderer().data(input)
        } catch {
            throw fail(.ioError, "could not make the PDF: \(error)")
        }
    }
}
