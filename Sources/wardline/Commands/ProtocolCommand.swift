import ArgumentParser
import Foundation
import WardCore

/// `wardline protocol check FILE` and `wardline protocol show [--protocol FILE]`.
struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract: "Validate or show the ward protocol (every clinical number, with its source).",
        subcommands: [Check.self, Show.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a protocol file; print every problem as FILE:LINE: key.path: message.")
        @Argument(help: "The protocol TOML file.") var file: String

        func run() throws {
            let text = try ProtocolFile.read(file)
            switch ProtocolLoader.load(text: text, file: file) {
            case .success(let p):
                print("\(file): OK (version \(p.version); approved by \(p.approvedBy))")
            case .failure(let e):
                ProtocolFile.printProblems(e)
                throw ExitCode.failure
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

/// Reading a protocol file: the only I/O around the pure loader.
enum ProtocolFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("wardline: cannot read protocol file \(path)\n".utf8))
            throw ExitCode(2)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("wardline: protocol file \(path) is not UTF-8 text\n".utf8))
            throw ExitCode(2)
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
            throw ExitCode.failure
        }
    }

    static func printProblems(_ e: ProtocolError) {
        FileHandle.standardError.write(Data((e.report + "\n").utf8))
    }
}
