import Foundation
import TestTools
import Testing
import WardCore
import WardStore

/// Two terminals keep one alert log (issue 17, item 5). Terminal B runs with
/// its clock ten minutes behind (faketime), the exaggerated form of a
/// terminal whose `now` is a tick older than the one that raised an alert:
/// alerts terminal A raised that are not due yet by B's clock must stay open
/// in the log however often B syncs.
@Suite(.serialized) struct AlertLogRaceEndToEndTests {
    static let faketime = "/usr/bin/faketime"

    @Test func aTerminalBehindInTimeDoesNotClearWhatAnotherRaised() throws {
        try SystemPackages.ensure(SystemPackages.faketime)   // installed when missing (root + apt-get), as .ci/run does
        let ward = try DemoWardDB("alert-race"); defer { ward.remove() }
        // A patient admitted 30 s ago with nothing recorded: the observations are due from admission,
        // overdue at once on the real clock; ten minutes back, the admission is still ahead.
        let admittedAt = Date().addingTimeInterval(-30)
        let patient: PatientID
        do {
            let proto = ProtocolLoader.builtInDefault()
            let store = try Store.open(path: ward.path, create: false)
            defer { try? store.close() }
            let charge = Session(staff: try store.signIn(staffID: "C2001", secret: "222222", terminal: "e2e", policy: proto.security),
                                 terminal: "e2e")
            let snap = try store.loadWard(protocol: proto)
            let bed = try #require(snap.ward.beds.first { snap.patient(inBed: $0.label) == nil }).label
            patient = try store.admit(AdmitPatient(mrn: "RACE-1", name: "Race, Alert", dateOfBirth: CalendarDate("1970-03-03")!,
                                                   sex: .male, bed: bed, admittedAt: admittedAt), session: charge).id
        }
        let episodes = "SELECT count(*) FROM alert_episodes WHERE key LIKE 'observation-overdue:\(patient):%'"
        let cleared = """
            SELECT count(*) FROM alert_clearances c JOIN alert_episodes e ON e.id = c.episode_id
            WHERE e.key LIKE 'observation-overdue:\(patient):%'
            """

        let a = try ward.openTUI(cols: 132, rows: 43)
        try a.signIn("C2001", "222222", landing: "Open alerts")
        let deadline = Date().addingTimeInterval(20)
        while try ward.sql(episodes) == "0" && Date() < deadline { usleep(50_000) }
        let raised = try ward.sql(episodes), screenA = try a.capture()
        try #require(raised != "0", "terminal A never logged the overdue observations:\n\(screenA)")

        let b = try Tmux(cols: 132, rows: 43,
                         command: "\(Self.faketime) -f -10m \(Tmux.quote(Paths.binary.path)) --db \(Tmux.quote(ward.path))",
                         environment: ["XDG_STATE_HOME": ward.dir.path, "FAKETIME_DONT_FAKE_MONOTONIC": "1"])
        try b.signIn("C2001", "222222", landing: "Open alerts")
        // A write from elsewhere that B's screen shows: once it does, B has evaluated a snapshot holding
        // A's episodes in its log and queued the sync of that evaluation.
        do {
            let store = try Store.open(path: ward.path, create: false)
            defer { try? store.close() }
            let nurse = Session(staff: try store.signIn(staffID: "N1002", secret: "121212", terminal: "e2e",
                                                        policy: ProtocolLoader.builtInDefault().security), terminal: "e2e")
            _ = try store.record(RecordClinicalEvent(patientID: patient, kind: .seizure, note: "race barrier"), session: nurse)
        }
        try b.waitFor("race barrier")
        // B's effects run one at a time in order: the acknowledgement made after that is saved after the sync.
        try b.send("a")
        try b.waitFor("Acknowledge alert")
        try b.type("seen on B"); try b.send("Enter")
        try b.waitFor("Acknowledged")
        // B's clock really was behind (its acknowledgement is stamped before the admission).
        let ackAt = try ward.sql("SELECT a.at FROM alert_acknowledgements a WHERE a.note = 'seen on B'")
        let stamped = try #require(ISO8601DateFormatter.withFractions.date(from: ackAt), "no acknowledgement from B: \(ackAt)")
        #expect(stamped < admittedAt)

        #expect(try ward.sql(cleared) == "0", "B logged as cleared what A raised and still shows")
        #expect(try ward.sql(episodes) == raised)
        // The seizure raised a critical banner on A too; the key that dismisses it does nothing else.
        try a.waitFor("CRITICAL · bed"); try a.send("x"); try a.waitForAbsence("CRITICAL · bed")
        try b.waitForAbsence("CRITICAL · bed")
        try a.send("q"); try b.send("q")
        #expect(a.exitStatus() == 0)
        #expect(b.exitStatus() == 0)
    }
}
