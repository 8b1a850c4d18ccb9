import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline staff add|list|disable|reset-pin` (admin only).
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Manage staff: add, list, disable, reset a PIN (ward IT / admin).",
        discussion: """
            Each subcommand signs you in first: --as ID, or prompted. Without a terminal the PINs are \
            read from stdin, one per line: yours first, then (add, reset-pin) the new one.
            Staff are never deleted, only disabled, so their entries keep a name.
            """,
        subcommands: [Add.self, List.self, Disable.self, ResetPIN.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a staff member.")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Option(help: ArgumentHelp("The new staff ID, e.g. N1042.", valueName: "ID")) var id: String
        @Option(help: ArgumentHelp("Name, \"Family, Given\".", valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp("One of: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "ROLE"))
        var role: String

        func run() throws {
            let r = try staffRole(role)
            let (store, session, ward) = try openAndSignIn(database, signIn, for: .manageStaff)
            defer { try? store.close() }
            let pin = try Console.newSecret("New PIN for \(InputText.visible(id)): ")
            do {
                let m = try store.addStaff(staffID: id, name: name, role: r, secret: pin,
                                           policy: securityPolicy(from: ward), session: session)
                print("Added \(m.staffID) \(InputText.visible(m.name)) (\(m.role.title)).")
            } catch { throw error.cliFailure }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List all staff, disabled ones included.")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions

        func run() throws {
            let (store, session, _) = try openAndSignIn(database, signIn, for: .manageStaff)
            defer { try? store.close() }
            let staff: [StaffMember]
            do { staff = try store.listStaff(session: session) } catch { throw error.cliFailure }
            for m in staff {
                let id = m.staffID.padding(toLength: max(8, m.staffID.count), withPad: " ", startingAt: 0)
                let role = m.role.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                print("\(id)  \(role)  \(m.disabled ? "disabled" : "active  ")  \(InputText.visible(m.name))")
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a staff member (they can no longer sign in).")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Argument(help: ArgumentHelp("The staff ID to disable.", valueName: "ID")) var id: String

        func run() throws {
            let (store, session, _) = try openAndSignIn(database, signIn, for: .manageStaff)
            defer { try? store.close() }
            do { try store.disableStaff(staffID: id, session: session) } catch { throw error.cliFailure }
            print("Disabled \(InputText.visible(id)).")
        }
    }

    struct ResetPIN: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-pin",
                                                        abstract: "Set a new PIN for a staff member and clear any lockout.")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Argument(help: ArgumentHelp("The staff ID whose PIN to reset.", valueName: "ID")) var id: String

        func run() throws {
            let (store, session, ward) = try openAndSignIn(database, signIn, for: .manageStaff)
            defer { try? store.close() }
            let pin = try Console.newSecret("New PIN for \(InputText.visible(id)): ")
            do { try store.resetPIN(staffID: id, newSecret: pin, policy: securityPolicy(from: ward), session: session) }
            catch { throw error.cliFailure }
            print("New PIN set for \(InputText.visible(id)); any lockout is cleared.")
        }
    }
}

/// A role as typed on the command line, or a usage error listing the roles.
func staffRole(_ raw: String) throws -> StaffRole {
    guard let r = StaffRole(rawValue: raw) else {
        throw fail(.usage, "unknown role \(raw); use one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return r
}
