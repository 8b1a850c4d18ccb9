import ArgumentParser
import Foundation
import WardCore
import WardReports
import WardStore

/// `wardline record MRN`: one patient's whole record as text, admitted or discharged.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Print one patient's whole record (admitted or discharged).",
        discussion: """
            Signs you in first (--as ID, or prompted; without a terminal the PIN is the first stdin line). \
            Prints who the patient is, the stay (admission, beds, discharge), a summary of the taper and \
            every entry newest first: withdrawal scores, vital signs with NEWS2, sedation, checks not done, \
            seizure/delirium, doses and handover notes. Corrections and entries in error are marked, never \
            hidden. Text goes to stdout unless --out FILE is given (written private, 0640).

            Exit codes: 64 bad arguments, 66 no database or no such MRN, 77 not permitted, 74 I/O error.
            """)

    @Argument(help: ArgumentHelp("The patient's MRN.", valueName: "MRN")) var mrn: String
    @Option(help: ArgumentHelp("Text width: 80 or 132 columns.", valueName: "N")) var width: Int = 80
    @Option(help: ArgumentHelp("Write the record to this file.", valueName: "FILE")) var out: String?
    @OptionGroup var database: DatabaseOption
    @OptionGroup var signIn: AdminSignInOptions

    func validate() throws {
        guard Columns(rawValue: width) != nil else { throw ValidationError("--width \(width) is not a printout width; use 80 or 132") }
        if let out, out.isEmpty || out.hasSuffix("/") { throw ValidationError("--out needs a file name, not \"\(out)\"") }
    }

    func run() throws {
        let (store, session, wardProtocol) = try openAndSignIn(database, signIn, for: .viewWard)
        defer { try? store.close() }
        let record: PatientRecord
        do {
            guard let r = try store.record(mrn: mrn, session: session) else {
                throw fail(.notFound, "no patient with MRN \(mrn) in this ward database; check the number")
            }
            record = r
        } catch let r as CommandRefusal { throw r.cliFailure }
        var printout = PatientRecordText(wardName: record.snapshot.ward.name, patient: record.patient, beds: record.beds,
                                         dischargedByName: record.dischargedByName, snapshot: record.snapshot,
                                         administrations: record.administrations, printedBy: session.staff.name, now: Date(),
                                         timeZone: Calendar.wardDefault.timeZone)
        printout.transfers = record.transfers
        printout.wardCode = store.postgresWardCode
        let text = printout.text(protocol: wardProtocol, width: width)
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        ReportCLI.privateFiles()
        do { try Privilege.asInvokingUser { try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: out)) } }
        catch let e as ExitCode { throw e } catch { throw fail(.ioError, "\(error)") }
        writeStderr("saved to \(out)\n")
    }
}
