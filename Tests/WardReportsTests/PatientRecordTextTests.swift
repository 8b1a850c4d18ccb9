import Foundation
import Testing
import WardCore
@testable import WardReports

/// A patient's whole record as text: every entry, marks on corrections and
/// entries in error, the 24-h total from records that count, no escape codes.
@Suite struct PatientRecordTextTests {
    typealias M = HandoverMedicationTests

    static func record(_ snapshot: WardSnapshot, patient id: PatientID = 1, discharged: Date? = nil) throws -> PatientRecordText {
        var p = try #require(snapshot.patient(id))
        p.dischargedAt = discharged
        var one = snapshot
        one.patients = [p]
        let doses = (snapshot.administrations[id] ?? []) + (snapshot.voidedAdministrations[id] ?? [])
        return PatientRecordText(wardName: snapshot.ward.name, patient: p, beds: ["3", "5"],
                                 dischargedByName: discharged == nil ? nil : "Charge, Nurse", snapshot: one,
                                 administrations: doses.sorted { $0.at > $1.at }, printedBy: "Nurse A", now: M.at("16:00"),
                                 timeZone: Fixture.utc)
    }

    @Test func everyEntryIsListedWithCorrectionsAndEntriesInErrorMarked() throws {
        let snap = try HandoverDoseAmendTests.snapshot()
        let text = try Self.record(snap).text(protocol: Fixture.proto)
        let entries = text.components(separatedBy: "ENTRIES, newest first")[1]
        // Each assessment once, the replaced one marked.
        for a in snap.assessments[1] ?? [] { #expect(entries.contains("CIWA-B    \(a.total) \(a.band)"), "\(a.total)") }
        #expect(entries.contains("52 severe - Nurse A [replaced by a correction]"))
        // Every dose record, the voided ones marked with the reason, none hidden.
        let doseLines = entries.split(separator: "\n").filter { $0.contains("  Dose  ") }
        #expect(doseLines.count == (snap.administrations[1]?.count ?? 0) + (snap.voidedAdministrations[1]?.count ?? 0))
        let flat = entries.split(whereSeparator: \.isWhitespace).joined(separator: " ")    // marks may wrap
        #expect(flat.components(separatedBy: "[ENTERED IN ERROR: charted for the wrong patient").count - 1 == 2)
        // The 24-h total leaves the voided records out (as the handover's does: 25 mg).
        #expect(text.contains("24-h diazepam equivalent now: 25 mg"))
        #expect(text.contains("on the ward, bed 3"))
    }

    /// A dose given after its window reads "given late" with its reason, not plain "given".
    @Test func aLateDoseIsListedAsGivenLateWithItsReason() throws {
        let text = try Self.record(M.snapshot()).text(protocol: Fixture.proto, width: 132)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("diazepam 10 mg oral given late, due 08:00; \(ReasonCode.lateWardEmergency.label)"), "\(text)")
        #expect(!flat.contains("diazepam 10 mg oral given, due 08:00"))
        // A dose held stays "held".
        #expect(flat.contains("diazepam 10 mg oral held, due 12:00; \(ReasonCode.heldSedation.label)"))
    }

    @Test func aDischargedPatientsRecordSaysWhenAndByWhom() throws {
        let text = try Self.record(Fixture.snapshot, discharged: Fixture.at("15:30")).text(protocol: Fixture.proto)
        #expect(text.contains("discharged 28 Nov 2026 15:30 by Charge, Nurse."))
        #expect(text.contains("Beds: 3 -> 5"))
        #expect(!text.contains("on the ward"))
    }

    @Test(arguments: [80, 132])
    func linesFitTheWidthAndCarryNoEscapeCodes(width: Int) throws {
        for id: PatientID in [1, 2, 3, 4] {
            let text = try Self.record(Fixture.snapshot, patient: id).text(protocol: Fixture.proto, width: width)
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(line)")
            }
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        }
    }
}
