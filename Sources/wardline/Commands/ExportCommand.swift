import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline export fhir`: the ward's record as FHIR R4 (issue 20) for another system: Bulk Data
/// NDJSON (one file per resource type) or one transaction Bundle. See docs/interfaces.md.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the ward's record (FHIR R4).", subcommands: [FHIR.self])

    struct FHIR: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fhir",
            abstract: "Write the ward's record as FHIR R4 resources: NDJSON files per type, or one transaction Bundle.",
            discussion: """
                A charge nurse or ward IT (an admin); signs you in first (--as ID, or prompted; without a terminal \
                the PIN is the first stdin line). Every patient on record, admitted or discharged (or --patient MRN), \
                as Patient, Encounter, AllergyIntolerance, Flag, Observation (vital signs, NEWS2, CIWA-B, CIWA-Ar, \
                BWSQ, RASS, POSS), MedicationRequest and MedicationAdministration, with the Location and \
                Practitioner resources they refer to. --since TIME: only entries entered (or amended) at or after \
                TIME, with their patients. Writes Patient.ndjson, Encounter.ndjson, … and manifest.json into DIR \
                (or bundle.json with --bundle); DIR must be new or empty. Files are private (0640). The export is \
                audited ("record.export-fhir"). See docs/interfaces.md.

                Exit codes: 64 bad arguments, 66 no database or no such MRN, 73 DIR not empty or not writable, \
                77 not permitted, 74 I/O error.
                """)

        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Option(help: ArgumentHelp("The folder to write into (made when missing; must be empty).", valueName: "DIR")) var out: String
        @Option(help: ArgumentHelp("Only entries entered at or after TIME: 2026-12-06T08:00:00Z, or 2026-12-06 (ward midnight).", valueName: "TIME"))
        var since: String?
        @Option(help: ArgumentHelp("One patient only.", valueName: "MRN")) var patient: String?
        @Flag(help: "One transaction Bundle (bundle.json) instead of NDJSON files.") var bundle = false
        @Option(name: .customLong("mrn-system"), help: ArgumentHelp("The identifier system of the ward's MRNs.", valueName: "URI"))
        var mrnSystem: String = FHIRCodes.defaultMRNSystem
        @Option(name: .customLong("base-url"), help: ArgumentHelp("The base of the bundle's fullUrls.", valueName: "URL"))
        var baseURL: String = "https://wardline.example/fhir"

        func validate() throws {
            if out.isEmpty { throw ValidationError("--out needs a folder") }
            if let since, Self.time(since) == nil {
                throw ValidationError("--since \(since) is not a time; use 2026-12-06T08:00:00Z (or with an offset) or 2026-12-06")
            }
            if let patient, patient.isEmpty { throw ValidationError("--patient needs an MRN") }
            for (name, uri) in [("--mrn-system", mrnSystem), ("--base-url", baseURL)] where !uri.contains(":") || uri.contains(" ") {
                throw ValidationError("\(name) \(uri) is not an absolute URI")
            }
        }

        /// An ISO 8601 time with a zone, or a calendar day (its start, ward local time).
        static func time(_ text: String) -> Date? {
            let f = ISO8601DateFormatter()
            f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let d = f.date(from: text) { return d }
            f.formatOptions = [.withInternetDateTime]
            if let d = f.date(from: text) { return d }
            guard let day = CalendarDate(text) else { return nil }
            return Calendar.wardDefault.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        }

        func run() throws {
            let dir = URL(fileURLWithPath: out)
            try Self.checkEmpty(dir)   // before signing in: an export that cannot be written is never made
            let (store, session, wardProtocol) = try openAndSignIn(database, signIn, for: .viewWard)
            defer { try? store.close() }
            let options = FHIRExportOptions(mrnSystem: mrnSystem, baseURL: baseURL, now: Date())
            let result: FHIRExportResult
            do {
                result = try store.exportFHIR(FHIRExportRequest(mrn: patient, since: since.flatMap(Self.time)), session: session,
                                              protocol: wardProtocol, options: options, format: bundle ? "bundle" : "ndjson")
            } catch { throw error.cliFailure }
            ReportCLI.privateFiles()
            // (name, pieces, terminator): written piece by piece, never as one string of the whole ward.
            var files: [(String, [String], String)] = []
            if bundle {
                files.append(("bundle.json", FHIRExport.bundlePieces(result.resources, options: options) + ["\n"], ""))
            } else {
                let parts = FHIRExport.ndjson(result.resources)
                var request = "wardline export fhir"
                if let patient { request += " --patient \(patient)" }
                if let since { request += " --since \(since)" }
                for p in parts { files.append((p.file, p.lines, "\n")) }
                files.append(("manifest.json", [FHIRExport.manifest(parts, options: options, request: request).text], "\n"))
            }
            do {
                try Privilege.asInvokingUser {
                    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
                    try Self.checkEmpty(dir)
                    for (name, pieces, terminator) in files { try StreamedFile.write(pieces, terminator: terminator, to: dir.appendingPathComponent(name)) }
                }
            } catch let e as ExitCode { throw e } catch { throw fail(.ioError, "could not write the export into \(out): \(error)") }
            let counts = FHIRExport.resourceTypes.compactMap { t in result.counts[t].map { "\(t) \($0)" } }.joined(separator: ", ")
            print("Exported \(result.resources.count) FHIR R4 resources of \(result.patients) patient(s) to \(out)\(bundle ? "/bundle.json" : ""): \(counts.isEmpty ? "none" : counts).")
            if result.unreadable > 0 {
                printError("\(result.unreadable) unreadable entr\(result.unreadable == 1 ? "y was" : "ies were") left out; wardline check names them")
            }
        }

        /// The folder must be new or empty, so that no file of an earlier export is taken for part of this one.
        static func checkEmpty(_ dir: URL) throws {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) else { return }
            guard isDir.boolValue else { throw fail(.cannotCreate, "\(dir.path) is a file; give a new or empty folder with --out") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? ["?"]
            guard entries.isEmpty else { throw fail(.cannotCreate, "\(dir.path) is not empty; give a new or empty folder with --out (an export never mixes with another)") }
        }
    }
}

/// A file written durably and all at once, from many pieces: a temporary file beside it, filled a
/// megabyte at a time, flushed to disk and renamed over the target (then the folder flushed).
/// A crash leaves the complete file or none, never part of one.
enum StreamedFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ pieces: [String], terminator: String, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
            throw Failure(description: "could not create \(tmp.path): \(String(cString: strerror(errno)))")
        }
        var renamed = false
        defer { if !renamed { try? FileManager.default.removeItem(at: tmp) } }
        let handle = try FileHandle(forWritingTo: tmp)
        var buffer = Data()
        buffer.reserveCapacity(1 << 20)
        for piece in pieces {
            buffer.append(contentsOf: piece.utf8)
            buffer.append(contentsOf: terminator.utf8)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        try handle.synchronize()
        try handle.close()
        guard rename(tmp.path, url.path) == 0 else {
            throw Failure(description: "could not save \(url.path): \(String(cString: strerror(errno)))")
        }
        renamed = true
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }
}
