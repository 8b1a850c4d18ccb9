import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline protocol check FILE` and `wardline protocol show [--protocol FILE]`.
struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract: "Validate or show the ward protocol (every clinical number, with its source).",
        subcommands: [Check.self, Show.self, Use.self])

    /// Exit 0 when the file loads — also with warnings (NEWS2 bands that differ from the
    /// RCP chart: the ward may run it, but must see it); 1 when it has problems; 2 unreadable.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a protocol file; print every problem as FILE:LINE: key.path: message, and warn where NEWS2 differs from the RCP chart.")
        @Argument(help: "The protocol TOML file.") var file: String

        func run() throws {
            let text = try ProtocolFile.read(file)
            switch ProtocolLoader.load(text: text, file: file) {
            case .success(let p):
                let differences = NEWS2ChartCheck.differences(p.news2)
                for d in differences { print("\(file): \(d.isLocalDeviation ? "note" : "warning"): \(d)") }
                let warnings = differences.filter { !$0.isLocalDeviation }.count
                let summary = warnings == 0 ? "" : "; \(warnings) warning\(warnings == 1 ? "" : "s"): NEWS2 differs from the RCP chart"
                print("\(file): OK (version \(p.version); approved by \(p.approvedBy))\(summary)")
            case .failure(let e):
                ProtocolFile.printProblems(e)
                throw ExitCode(.problemsFound)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the protocol in force (the shipped defaults unless --protocol is given), with sources.")
        @Option(name: .long, help: "A ward protocol file (default: the shipped defaults).") var `protocol`: String?

        func run() throws {
            let p = try ProtocolFile.load(`protocol`)
            print(ProtocolSummary.lines(p).joined(separator: "\n"))
        }
    }
}

extension ProtocolCommand {
    /// `wardline protocol use FILE`: every terminal of this ward database uses FILE from now on.
    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make every terminal on this ward database use a protocol file (ward IT; the file is checked first).")
        @Argument(help: "The protocol TOML file (kept where it is; the database stores its absolute path).") var file: String
        @OptionGroup var database: DatabaseOption
        @OptionGroup var who: AdminSignInOptions

        func run() throws {
            let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
            let checked = try ProtocolFile.load(absolute)
            let (store, session, _) = try openAndSignIn(database, who, for: .configureWard)
            do { try store.setProtocolFile(path: absolute, version: checked.version, session: session) }
            catch { throw error.cliFailure }
            print("\(database.path): terminals now use \(absolute) (version \(checked.version); approved by \(checked.approvedBy))")
        }
    }
}

/// Reading a protocol file: the only I/O around the pure loader.
enum ProtocolFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail(.invalidArgument, "cannot read protocol file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fail(.invalidArgument, "protocol file \(path) is not UTF-8 text")
        }
        return text
    }

    /// The shipped defaults, or the named file; an invalid file stops the command.
    static func load(_ path: String?) throws -> WardProtocol {
        guard let path else { return ProtocolLoader.builtInDefault() }
        switch ProtocolLoader.load(text: try read(path), file: path) {
        case .success(let p): return p
        case .failure(let e):
            printProblems(e)
            throw ExitCode(.problemsFound)
        }
    }

    /// The protocol in force for a ward database: `--protocol` if given, else
    /// the file ward IT set with `wardline protocol use`, else the shipped defaults.
    /// `builtIn` supplies the shipped defaults (the TUI parses them ahead, on another core).
    static func inForce(store: Store, override: String?,
                        builtIn: () -> WardProtocol = ProtocolLoader.builtInDefault) throws -> WardProtocol {
        if let override { return try load(override) }
        let saved: String?
        do { saved = try store.protocolFile() } catch {
            throw fail(.ioError, "cannot read the ward's settings: \(error)")
        }
        guard let saved else { return builtIn() }
        guard FileManager.default.fileExists(atPath: saved) else {
            throw fail(.notFound, "the ward's protocol file \(saved) (set with `wardline protocol use`) is missing; restore it, or set another")
        }
        return try load(saved)
    }

    static func printProblems(_ e: ProtocolError) {
        writeStderr(e.report + "\n")   // FILE:LINE: key.path: message, one problem a line
    }
}
