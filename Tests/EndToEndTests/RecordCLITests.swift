import Foundation
import Testing
import WardCore
import WardStore

/// `wardline record MRN`: a discharged patient's whole record, read back from
/// the database it was written to.
@Suite struct RecordCLITests {
    @Test func aDischargedPatientsRecordPrintsWithEveryScore() throws {
        let ward = try DemoWardDB("record"); defer { ward.remove() }
        let mrn = "100231"
        do {
            let store = try Store.open(path: ward.path, create: false)
            defer { try? store.close() }
            let proto = ProtocolLoader.builtInDefault()
            let charge = try store.signIn(staffID: "C2001", secret: "222222", terminal: "e2e", policy: proto.security)
            let p = try #require(try store.patient(mrn: mrn))
            try store.discharge(patientID: p.id, session: Session(staff: charge, terminal: "e2e"))
        }
        let r = try runWardline(["record", mrn, "--db", ward.path, "--as", "N1001"], input: "111111\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        let name = try ward.sql("SELECT name FROM patients WHERE mrn = '\(mrn)'")
        #expect(out.contains(name) && out.contains("MRN \(mrn)"))
        let charge = try ward.sql("SELECT name FROM staff WHERE staff_id = 'C2001'")
        #expect(out.contains("discharged") && out.contains("by \(charge)."), "\(out.prefix(600))")
        // Every CIWA-B (and CIWA-Ar) score and every dose record of the stay is listed.
        let scores = try ward.sql("SELECT count(*) FROM assessments a JOIN patients p ON p.id = a.patient_id WHERE p.mrn = '\(mrn)' AND a.scale = 'ciwa-b'")
        let arScores = try ward.sql("SELECT count(*) FROM assessments a JOIN patients p ON p.id = a.patient_id WHERE p.mrn = '\(mrn)' AND a.scale = 'ciwa-ar'")
        let doses = try ward.sql("SELECT count(*) FROM administrations a JOIN patients p ON p.id = a.patient_id WHERE p.mrn = '\(mrn)'")
        let lines = out.split(separator: "\n")
        #expect(String(lines.filter { $0.contains("  CIWA-B  ") }.count) == scores)
        #expect(String(lines.filter { $0.contains("  CIWA-Ar  ") }.count) == arScores)
        #expect(String(lines.filter { $0.contains("  Dose  ") }.count) == doses)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }

    @Test func anUnknownMRNOrAWrongPINSaysWhatToFix() throws {
        let ward = try DemoWardDB("record-bad"); defer { ward.remove() }
        let none = try runWardline(["record", "999999", "--db", ward.path, "--as", "N1001"], input: "111111\n")
        #expect(none.status == 66 && none.stderr.contains("no patient with MRN 999999"), "\(none.stderr)")
        let pin = try runWardline(["record", "100231", "--db", ward.path, "--as", "N1001"], input: "000000\n")
        #expect(pin.status != 0 && pin.stdout.isEmpty)
        let width = try runWardline(["record", "100231", "--db", ward.path, "--width", "100"])
        #expect(width.status == 64 && width.stderr.contains("use 80 or 132"))
    }
}
