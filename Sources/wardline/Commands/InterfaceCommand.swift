import ArgumentParser
import Foundation
import WardCore
import WardInterface
import WardStore

/// `wardline interface listen`: the hospital's ADT feed (HL7 v2 over MLLP), run by ward IT as a
/// service (issue 20; docs/interfaces.md). Each message goes through the store's own commands,
/// as the interface's staff account, and is kept with its outcome and ACK.
struct InterfaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interface",
        abstract: "The hospital's ADT feed: an HL7 v2 listener over MLLP.",
        subcommands: [Listen.self])

    struct Listen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Receive ADT messages (A01 A02 A03 A08 A11 A12 A13) over MLLP and apply them to the ward.",
            discussion: """
                Runs until stopped (a systemd unit: docs/interfaces.md). Every message is answered: AA applied, AE an \
                error in a field or refused by the ward's record (ERR says which field and why), AR not ADT or not \
                for this ward. A control ID sent again gets the same ACK and is not applied twice. Admissions \
                without a free bed wait on the charge nurse's overview; a discharge (A03) is a notice the charge \
                nurse confirms. Only addresses in --allow may connect (default: this host only). See docs/interfaces.md.
                """)
        @OptionGroup var database: DatabaseOption
        @Option(help: ArgumentHelp("The TCP port to listen on (0: any free port, printed).", valueName: "N")) var port: Int
        @Option(help: ArgumentHelp("The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).", valueName: "ADDR"))
        var host = "127.0.0.1"
        @Option(parsing: .upToNextOption, help: ArgumentHelp("Addresses or networks that may connect, e.g. 10.20.0.0/16 (default: this host only).", valueName: "ADDR/CIDR"))
        var allow: [String] = []
        @Option(name: .customLong("point-of-care"), help: ArgumentHelp("This ward's code in PV1-3.1 (default: the ward's code in a hospital database; required for an SQLite ward).", valueName: "CODE"))
        var pointOfCare: String?

        func run() throws {
            guard (0...65535).contains(port) else { throw fail(.usage, "--port \(port): use 1–65535 (or 0 for any free port)") }
            let allowList: AllowList
            do { allowList = allow.isEmpty ? .loopback : try AllowList(allow) } catch { throw fail(.usage, "\(error)") }
            let store: Store
            do { store = try Store.open(path: database.path, create: false) } catch { throw error.cliFailure }
            guard let poc = pointOfCare ?? store.postgresWardCode, !poc.isEmpty else {
                throw fail(.usage, "give this ward's point-of-care code (PV1-3.1) with --point-of-care CODE")
            }
            let ward = try ProtocolFile.inForce(store: store, override: nil)
            let session: Session
            do { session = try store.interfaceSession(terminal: "hl7 \(host):\(port)") } catch { throw error.cliFailure }
            let server = MLLPServer(settings: .init(host: host, port: port, allow: allowList, pointOfCare: poc),
                                    store: store, session: session, protocol: ward) { line in
                writeStderr("\(Self.stamp()) \(InputText.visible(line))\n")
            }
            let (channel, bound): (any Sendable, Int)
            do { (channel, bound) = try server.start() } catch {
                throw fail(.unavailable, "cannot listen on \(host):\(port): \(error)")
            }
            print("listening on \(host):\(bound) for point of care \(poc); connections from \(allowList)")
            fflush(nil)   // every output stream: the line is read by whoever started the service
            _ = channel
            while true { sleep(3600) }
        }

        static func stamp() -> String {
            let f = ISO8601DateFormatter()
            f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return f.string(from: Date())
        }
    }
}
