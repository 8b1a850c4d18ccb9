import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline transfer out|list|accept`: a patient moves between two wards of one hospital database,
/// with their whole record (issue 19). The same store commands the overview's keys use.
struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Send a patient to another ward of the hospital with their record, list transfers, accept one into a bed.",
        discussion: """
            Wards in one PostgreSQL database only (wardline ward add). The sending ward's charge nurse sends \
            (the patient is discharged "transferred to" the other ward); the receiving ward's charge nurse \
            accepts into a free bed: the record comes with them, every active order is held until a \
            prescriber of the receiving ward re-confirms it. PIN on stdin without a terminal. See docs/charge-nurse.md.
            """,
        subcommands: [Out.self, List.self, Accept.self])

    struct Out: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send an admitted patient to another ward, with their record.")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Option(help: ArgumentHelp("The patient's MRN.", valueName: "MRN")) var patient: String
        @Option(help: ArgumentHelp("The receiving ward's code (wardline ward list).", valueName: "CODE")) var to: String

        func run() throws {
            let (store, session, _) = try openAndSignIn(database, signIn, for: .dischargePatient)
            defer { try? store.close() }
            let found: Patient?
            do { found = try store.patient(mrn: patient) } catch { throw fail(.ioError, "could not read the ward: \(error)") }
            guard let p = found, p.dischargedAt == nil else {
                throw fail(.notFound, "no admitted patient with MRN \(patient) on this ward; check the number")
            }
            do {
                let t = try store.transferOut(patientID: p.id, to: to, session: session)
                print("Transfer #\(t.id): \(InputText.visible(t.patientName)) (MRN \(t.mrn)) sent to \(InputText.visible(t.toWardName)) with the record; discharged here \"transferred to \(InputText.visible(t.toWardName))\". \(InputText.visible(t.toWardName))'s charge nurse accepts them into a bed.")
            } catch { throw error.cliFailure }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Transfers to and from this ward, newest first: waiting, or where they went.")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions

        func run() throws {
            let (store, _, _) = try openAndSignIn(database, signIn, for: .viewWard)
            defer { try? store.close() }
            let all: [WardTransfer]
            do { all = try store.transfers() } catch { throw error.cliFailure }
            guard !all.isEmpty else { print("No transfers to or from this ward."); return }
            let here = store.postgresWardCode ?? ""
            for t in all { print(Self.line(t, here: here)) }
        }

        static func line(_ t: WardTransfer, here: String) -> String {
            let when = DoseText.dayTime(t.sentAt)
            let who = "\(InputText.visible(t.patientName)) (MRN \(t.mrn))"
            let state = t.arrival.map { "accepted into bed \($0.bed) by \(InputText.visible($0.acceptedByName)) at \(DoseText.dayTime($0.acceptedAt))" }
                ?? "waiting for \(InputText.visible(t.toWardName)) to accept"
            if t.toWard == here {
                return "#\(t.id)  from \(InputText.visible(t.fromWardName))  \(who)  sent \(when) by \(InputText.visible(t.sentByName))  \(state)"
            }
            return "#\(t.id)  transferred to \(InputText.visible(t.toWardName))  \(who)  sent \(when) by \(InputText.visible(t.sentByName))  \(state)"
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept a patient sent to this ward into a free bed, with their record.")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Option(help: ArgumentHelp("The transfer's number (wardline transfer list).", valueName: "N")) var transfer: Int64
        @Option(help: ArgumentHelp("A free bed of this ward.", valueName: "BED")) var bed: String

        func run() throws {
            let (store, session, _) = try openAndSignIn(database, signIn, for: .admitPatient)
            defer { try? store.close() }
            do {
                let s = try store.acceptTransfer(transfer, bed: bed, session: session)
                let held = s.heldOrders.isEmpty ? "no active orders came with them"
                    : "\(s.heldOrders.count) order\(s.heldOrders.count == 1 ? "" : "s") held until a prescriber of this ward re-confirms (#\(s.heldOrders.map(String.init).joined(separator: ", #")))"
                print("\(InputText.visible(s.patient.name)) (MRN \(s.patient.mrn)) admitted from \(InputText.visible(s.fromWardName)) into bed \(bed) with \(s.carriedTotal) entries of the record; \(held).")
            } catch { throw error.cliFailure }
        }
    }
}
