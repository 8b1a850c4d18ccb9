import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline dose` (hidden): give a dose from a script. The same store
/// command the MAR uses; used by the multi-process never-twice test and by
/// ward IT to check a database. PINs come from stdin (yours, then the witness's).
struct DoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dose",
        abstract: "Give a scheduled or PRN dose from a script (PINs on stdin: yours, then the witness's).",
        shouldDisplay: false)

    @OptionGroup var database: DatabaseOption
    @OptionGroup var signIn: AdminSignInOptions
    @Option(help: ArgumentHelp("The order number.", valueName: "N")) var order: Int64
    @Option(help: ArgumentHelp("Today's scheduled dose time, ward local (omit for PRN).", valueName: "HH:MM")) var scheduled: String?
    @Option(help: ArgumentHelp("The witness's staff ID (their PIN is the next stdin line).", valueName: "ID")) var witness: String?
    @Option(help: ArgumentHelp("Reason code when one is needed.", valueName: "CODE")) var reason: String?
    @Option(help: ArgumentHelp("Give despite a dose-safety rule on this prescriber's instruction (their staff ID).", valueName: "ID"))
    var overridePrescriber: String?
    @Option(help: ArgumentHelp("How the prescriber's instruction came: present or telephone.", valueName: "HOW"))
    var instruction: String?
    @Flag(help: "A telephone instruction was read back to the prescriber and confirmed.") var readBack = false
    @Option(help: ArgumentHelp("Why the prescriber instructed the override.", valueName: "TEXT")) var overrideReason: String?

    func run() throws {
        let (store, session, ward) = try openAndSignIn(database, signIn, for: .giveDose)
        defer { try? store.close() }
        var creds: WitnessCredentials? = nil
        if let witness {
            guard let pin = Console.secret("PIN for witness \(InputText.visible(witness)): ") else { throw fail(.usage, "no witness PIN given") }
            creds = WitnessCredentials(staffID: witness, pin: pin)
        }
        var code: ReasonCode? = nil
        if let reason {
            guard let c = ReasonCode(rawValue: reason) else {
                throw fail(.usage, "unknown reason \(reason); one of: \(ReasonCode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            code = c
        }
        var due: Date? = nil
        if let scheduled {
            guard let t = ClockTime(scheduled) else { throw fail(.usage, "--scheduled \(scheduled) is not HH:MM") }
            let snap: WardSnapshot
            do { snap = try store.loadWard(protocol: ward) } catch { throw fail(.ioError, "could not read the ward: \(error)") }
            guard let o = snap.order(order) else { throw fail(.notFound, "order #\(order) is not on an admitted patient") }
            let doses = snap.scheduledDoses(for: o.patientID, on: Date(), protocol: ward, calendar: .wardDefault)
            guard let d = doses.first(where: { $0.orderID == order && $0.time == t }) else {
                throw fail(.notFound, "order #\(order) has no dose at \(scheduled) today")
            }
            due = d.dueAt
        }
        var override: DoseOverride? = nil
        if let overridePrescriber {
            guard let how = instruction.flatMap(OverrideInstruction.init(rawValue:)) else {
                throw fail(.usage, "--instruction: say how the prescriber's instruction came: present or telephone")
            }
            guard let why = overrideReason else { throw fail(.usage, "--override-reason: say why the prescriber instructed the override") }
            override = DoseOverride(prescriberStaffID: overridePrescriber, instruction: how, readBack: readBack, reason: why)
        } else if instruction != nil || overrideReason != nil || readBack {
            throw fail(.usage, "--instruction, --read-back and --override-reason go with --override-prescriber ID")
        }
        do {
            let a = try store.recordDose(RecordDose(orderID: order, scheduledFor: due, status: .given, reason: code, witness: creds,
                                                    override: override),
                                         session: session, protocol: ward)
            print("given #\(a.id): \(a.drug) \(DoseText.mg(a.mg)) mg\(override.map { " on \($0.prescriberStaffID)'s override (awaiting co-signature)" } ?? "")")
        } catch {
            throw error.cliFailure
        }
    }
}
