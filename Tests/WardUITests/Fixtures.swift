import Foundation
import Testing
@testable import WardUI
import WardCore

/// A fixed ward at a fixed moment: Sat 28 Nov 2026 14:05 UTC.
enum Fixture {
    static let now = FixedClock(iso8601: "2026-11-28T14:05:00Z").now()
    static let utc = TimeZone(identifier: "UTC")!
    static let proto = ProtocolLoader.builtInDefault()
    /// Test values for the shared-terminal settings (the real ones come from the protocol file).
    static let policy = SecurityPolicy(pinMinLength: 6, pinDigitsOnly: true, maxFailedAttempts: 5,
                                       lockoutMinutes: 15, idleLockSeconds: 120)
    static let ann = StaffMember(id: 1, staffID: "N1042", name: "Ann Okafor", role: .nurse)
    static let ben = StaffMember(id: 2, staffID: "N2077", name: "Ben Lindqvist", role: .chargeNurse)
    static let small = Size(cols: 80, rows: 24)
    static let large = Size(cols: 132, rows: 43)

    static let pwnedName = "\u{1B}]2;pwned\u{07}"

    static func ago(hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }

    /// 20 item scores adding up to `total` (spread from the first item on).
    static func items(total: Int) -> [Int] {
        var left = total
        return (0..<20).map { _ in let v = min(4, left); left -= v; return v }
    }

    static func ciwa(_ id: EntryID, _ pid: PatientID, total: Int, hoursAgo: Double, by: StaffMember = ann,
                     supersedes: EntryID? = nil, reason: String? = nil, supersededBy: EntryID? = nil,
                     enteredInError: Bool = false) -> Assessment {
        Assessment(id: id, patientID: pid, scale: .ciwaB, items: items(total: total), total: total,
                   band: proto.band(.ciwaB, total: total)?.name ?? "", recordedBy: by.id, recordedByName: by.name,
                   recordedAt: ago(hours: hoursAgo), supersedes: supersedes, amendReason: reason,
                   supersededBy: supersededBy, enteredInError: enteredInError)
    }

    static func patient(_ id: PatientID, bed: String, _ name: String, dob: String, _ sex: Sex, admittedHoursAgo: Double,
                        allergies: [String] = [], seizure: Bool = false, flags: [String] = [],
                        substances: [SubstanceUse] = []) -> Patient {
        Patient(id: id, mrn: "\(100_000 + id)", name: name, dateOfBirth: CalendarDate(dob)!, sex: sex,
                admittedAt: ago(hours: admittedHoursAgo), bed: bed, substances: substances, allergies: allergies,
                seizureHistory: seizure, riskFlags: flags)
    }

    static let mullerID: PatientID = 1

    static var ward: WardSnapshot {
        let patients = [
            patient(1, bed: "1", "Müller, Grete", dob: "1958-03-14", .female, admittedHoursAgo: 50,
                    allergies: ["penicillin"], seizure: true,
                    substances: [SubstanceUse(substance: "alprazolam", dailyAmount: "4 mg", dailyMg: 4, duration: "3 years")]),
            patient(2, bed: "2", "王, 秀英", dob: "1971-07-02", .female, admittedHoursAgo: 26),
            patient(3, bed: "3", pwnedName, dob: "1990-01-01", .male, admittedHoursAgo: 5),
            patient(5, bed: "5", "O'Sullivan-Fitzgerald, Maximilian Alexander", dob: "1984-12-30", .male,
                    admittedHoursAgo: 2, flags: ["other CNS depressants"]),
            patient(6, bed: "6", "Nowak, Piotr", dob: "1966-05-20", .male, admittedHoursAgo: 70, allergies: ["latex", "codeine"]),
            patient(8, bed: "8", "Haddad, Layla", dob: "1979-09-09", .female, admittedHoursAgo: 30),
        ]
        let a: [PatientID: [Assessment]] = [
            1: [ciwa(107, 1, total: 12, hoursAgo: 2 + 10.0 / 60),
                ciwa(106, 1, total: 22, hoursAgo: 5, by: ben, supersedes: 105, reason: "item scores typed for wrong patient"),
                ciwa(105, 1, total: 31, hoursAgo: 6, supersededBy: 106),
                ciwa(104, 1, total: 38, hoursAgo: 10),
                ciwa(103, 1, total: 44, hoursAgo: 18, by: ben),
                ciwa(102, 1, total: 41, hoursAgo: 26, by: ben),
                ciwa(101, 1, total: 29, hoursAgo: 34)],
            2: [ciwa(201, 2, total: 0, hoursAgo: 0.75)],
            3: [ciwa(301, 3, total: 17, hoursAgo: 3)],
            6: [ciwa(602, 6, total: 47, hoursAgo: 1, enteredInError: true),
                ciwa(601, 6, total: 45, hoursAgo: 4, by: ben)],
            8: [ciwa(801, 8, total: 63, hoursAgo: 26.5)],
        ]
        return WardSnapshot(ward: Ward(name: "Ward 3B", beds: (1...8).map { Bed(label: "\($0)") }),
                            patients: patients, assessments: a, version: 1, loadedAt: now)
    }

    static func fresh(_ size: Size = small) -> AppState {
        AppState(wardProtocol: proto, securityPolicy: policy, now: now, size: size, terminalName: "tty-test",
                 ward: ward, timeZone: utc)
    }
}

/// Drives `update` like the run loop does, collecting every effect.
struct Driver {
    var state: AppState
    var effects: [Effect] = []
    var keys = 0

    init(_ state: AppState) { self.state = state }

    @discardableResult
    mutating func send(_ msg: Msg) -> [Effect] {
        let fx = update(&state, msg)
        effects += fx
        return fx
    }

    @discardableResult
    mutating func key(_ e: InputEvent) -> [Effect] { keys += 1; return send(.input(e)) }
    mutating func type(_ s: String) { for c in s { key(.char(c)) } }

    /// Signed in as `who`, ward loaded, on the ward list.
    static func signedIn(_ who: StaffMember = Fixture.ann, size: Size = Fixture.small) -> Driver {
        var d = Driver(Fixture.fresh(size))
        d.type(who.staffID)
        d.key(.key(.enter))
        d.type("123456")
        d.key(.key(.enter))
        d.send(.signInResult(.success(who)))
        d.effects = []
        d.keys = 0
        return d
    }

    /// Signed in and on Müller's chart.
    static func onChart(size: Size = Fixture.small) -> Driver {
        var d = signedIn(size: size)
        d.key(.key(.enter))   // bed 1 is selected first
        d.keys = 0
        return d
    }

    var top: Screen? { state.stack.last }
    var form: WithdrawalScoreForm? {
        for case .withdrawalScore(let f) in state.stack.reversed() { return f }
        return nil
    }
    var text: String { view(state).textLines().joined(separator: "\n") }
}

extension Array where Element == Effect {
    /// The effects apart from the board's alert-log upkeep (`.syncAlerts`),
    /// which any ward load may add when the open alerts changed.
    var withoutAlertSync: [Effect] {
        filter { if case .syncAlerts = $0 { false } else { true } }
    }
}
