import Foundation
import Testing
import WardCore
import WardStore

/// Issue 17 at 80×24, through the real binary under tmux: a critical banner never covers the
/// patient's line and the key pressed at it acts on the banner's alert only (item 1); a refused
/// witness keeps the dialog and its keys (item 2); safety messages are read whole (item 3).
@Suite(.serialized) struct SafetyAt80EndToEndTests {
    /// The screen's text as one line: box borders and the wrapping of messages taken out.
    static func flat(_ screen: String) -> String {
        screen.split(separator: "\n")
            .map { $0.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    @Test func aBannerLeavesThePatientLineAndItsKeyActsOnTheBannersAlertOnly() throws {
        let ward = try DemoWardDB("banner80"); defer { ward.remove() }
        let tmux = try ward.chartWithADoseDueNow(mrn: "E2E80", name: "Medina, Rosa")
        try tmux.waitFor("CIWA")
        // A seizure for bed 1 (another patient) is recorded at another terminal.
        do {
            let store = try Store.open(path: ward.path, create: false)
            defer { try? store.close() }
            let nurse = Session(staff: try store.signIn(staffID: "N1002", secret: "121212", terminal: "e2e",
                                                        policy: ProtocolLoader.builtInDefault().security), terminal: "e2e")
            let snap = try store.loadWard(protocol: ProtocolLoader.builtInDefault())
            let bed1 = try #require(snap.patient(inBed: "1"))
            _ = try store.record(RecordClinicalEvent(patientID: bed1.id, kind: .seizure, note: "seen at bed one"), session: nurse)
        }
        let screen = try tmux.waitFor("CRITICAL · bed 1")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].contains("Medina, Rosa"), "the patient's line is covered:\n\(screen)")
        #expect(!lines[0].contains("CRITICAL") && !lines[1].contains("CRITICAL"), "\(screen)")
        #expect(lines.suffix(4).contains { $0.contains("CRITICAL · bed 1") }, "the banner is not on the bottom lines:\n\(screen)")

        // `a` at the banner acknowledges the banner's alert (bed 1), not a new CIWA-Ar for this chart's patient.
        try tmux.send("a")
        let dialog = try tmux.waitFor("Acknowledge alert")
        #expect(dialog.contains("bed 1"), "\(dialog)")
        #expect(!dialog.contains("New CIWA"), "\(dialog)")
        try tmux.send("Escape")
        let back = try tmux.waitForAbsence("Acknowledge alert")
        #expect(back.split(separator: "\n")[1].contains("Medina, Rosa"))
        #expect(!back.contains("New CIWA"))
        // Any other key only dismisses it.
        if back.contains("CRITICAL · bed 1") {
            try tmux.send("v"); try tmux.waitForAbsence("CRITICAL · bed 1")
            #expect(!(try tmux.capture()).contains("Vital signs ·"), "the dismissing key also opened vitals")
        }
        try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
        #expect(try ward.sql("SELECT count(*) FROM assessments a JOIN patients p ON p.id = a.patient_id WHERE p.mrn = 'E2E80'") == "0")
    }

    @Test func aRefusedWitnessKeepsTheDialogAndSaysWhyWhole() throws {
        let ward = try DemoWardDB("witness80"); defer { ward.remove() }
        let tmux = try ward.chartWithADoseDueNow(mrn: "E2E81", name: "Medina, Rosa")
        try tmux.send("m")
        try tmux.waitFor("g give")
        try tmux.send("g"); try tmux.send("Enter")
        try tmux.waitFor("Witness staff ID")
        try tmux.type("N1001"); try tmux.send("Enter")      // the nurse giving the dose
        try tmux.type("111111"); try tmux.send("Enter")
        let refused = try tmux.waitFor("witness your own dose")
        #expect(Self.flat(refused).contains("You cannot witness your own dose: a second member of staff types their ID and PIN."),
                "\(refused)")
        #expect(Self.flat(refused).contains("the second person types their own ID and PIN."), "the witness rule is cut:\n\(refused)")
        #expect(refused.contains("Witness staff ID"), "the dialog closed:\n\(refused)")
        // The next keys stay in the dialog: `h` is not the MAR's hold.
        try tmux.send("h")
        let still = try tmux.capture()
        #expect(!still.contains("Hold reason") && !still.contains("Why is it held"), "\(still)")
        try tmux.send("Escape")
        try tmux.waitForAbsence("Witness staff ID")
        try tmux.send("Escape"); try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
        #expect(try ward.sql("SELECT count(*) FROM administrations a JOIN patients p ON p.id = a.patient_id WHERE p.mrn = 'E2E81'") == "0")
    }

    @Test func theLockoutAndARoleRefusalAreReadWhole() throws {
        let ward = try DemoWardDB("lockout80"); defer { ward.remove() }
        // The policy's failed sign-ins for N1002, through the store (another terminal's guesses).
        do {
            let policy = ProtocolLoader.builtInDefault().security
            let store = try Store.open(path: ward.path, create: false)
            defer { try? store.close() }
            for _ in 1...policy.maxFailedAttempts {
                #expect(throws: CommandRefusal.self) { try store.signIn(staffID: "N1002", secret: "000000", terminal: "e2e", policy: policy) }
            }
        }
        let tmux = try ward.openTUI(cols: 80, rows: 24)
        try tmux.waitFor("Sign in")
        try tmux.type("N1002"); try tmux.send("Enter")
        try tmux.type("121212"); try tmux.send("Enter")   // the right PIN, but the ID is locked
        let locked = try tmux.waitFor("more minute")
        #expect(!locked.contains("Ward list"))
        let text = Self.flat(locked)
        #expect(text.contains("Too many failed sign-ins: this staff ID is locked for"), "\(locked)")
        #expect(text.contains("more minutes. Ask the charge nurse if you need to sign in sooner."), "\(locked)")

        // A student nurse handing over a patient: the refusal names the roles that may, and hers, whole.
        try tmux.send("Escape")
        try tmux.type("S4001"); try tmux.send("Enter")
        try tmux.type("444444"); try tmux.send("Enter")
        try tmux.waitFor("Müller, Grete")
        try tmux.send("H")
        try tmux.waitFor("not accepted yet")
        try tmux.send("g")
        let refused = try tmux.waitFor("student nurse")
        let said = Self.flat(refused)
        #expect(!refused.split(separator: "\n").suffix(5).contains { $0.contains("…") }, "a message is cut:\n\(refused)")
        #expect(said.contains("Handing over or accepting a patient needs"), "\(refused)")
        #expect(said.contains("you are signed in as a student nurse."), "\(refused)")
        try tmux.send("Escape"); try tmux.waitForAbsence("not accepted yet")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
