import Foundation
@testable import WardUI
import WardCore

/// A full 30-bed ward at the fixture moment: 28 patients, 2 empty beds, with
/// observation and medication values set through the board extras.
enum BoardFixture {
    static let names = [
        "Fitzgerald-Montgomery, Alexandra", "Fitzgerald-Montgomery, Alexander", "Nowak, Piotr", "Haddad, Layla",
        "Müller, Grete", "王, 秀英", "Okonkwo, Chidi", "Silva, Joana", "Kowalczyk, Anna", "Brown, Sam",
        "Andersson, Erik", "Dubois, Claire", "Rossi, Marco", "Tanaka, Yui", "Ivanova, Olga", "Murphy, Sean",
        "García, Lucía", "Nguyen, Minh", "Cohen, Dana", "Smith, John", "Patel, Priya", "Jones, Megan",
        "Schmidt, Lukas", "O'Brien, Aoife", "Kim, Ji-woo", "Ali, Omar", "Lopez, Mateo", "Novak, Eva",
    ]
    static let beds = (1...30).map { "\($0)" }
    /// Beds left empty.
    static let empty: Set<String> = ["7", "19"]

    static var ward: WardSnapshot {
        let now = Fixture.now
        func ago(_ m: Double) -> Date { now.addingTimeInterval(-m * 60) }
        var patients: [Patient] = []
        var assessments: [PatientID: [Assessment]] = [:]
        var board: [PatientID: PatientBoardExtras] = [:]
        var id: PatientID = 0
        for bed in beds where !empty.contains(bed) {
            id += 1
            let n = Int(id)
            let p = Patient(id: id, mrn: "\(400_000 + n * 37)", name: names[(n - 1) % names.count],
                            dateOfBirth: CalendarDate("1970-01-01")!, sex: n % 2 == 0 ? .male : .female,
                            admittedAt: ago(Double(60 * 24 * (n % 6) + 120)), bed: bed,
                            seizureHistory: n % 7 == 0)
            patients.append(p)
            // CIWA-B history: totals wander with the patient number; some scores are stale.
            let latestAge = Double([10, 50, 130, 250, 30, 70][n % 6])
            let totals = [(n * 7) % 50, (n * 11) % 45, (n * 5) % 60]
            assessments[id] = totals.enumerated().map { (k, t) in
                Fixture.ciwa(EntryID(n * 10 + k), id, total: t, hoursAgo: latestAge / 60 + Double(k) * 3)
            }
            var extra = PatientBoardExtras()
            if n % 5 != 0 {   // every fifth patient: no observation record yet ("—")
                let rr = [16, 18, 22, 26, 14][n % 5], pulse = [78, 95, 112, 88, 70][n % 5]
                extra.vitals = [TimedVitals(VitalSigns(respirationRate: rr, spo2: 96, onOxygen: false, systolic: 124,
                                                       pulse: pulse, acvpu: .alert, temperature: 37.1), at: ago(Double(20 + n)))]
                extra.sedation = [TimedSedation(.rass(n % 9 == 0 ? -3 : 0), at: ago(Double(30 + n)))]
            }
            if n % 4 != 0 {   // every fourth: no medication record yet ("—")
                extra.diazepamEquivalent24hMg = Double(10 + (n * 5) % 30)
                extra.doses = [ScheduledDoseDue(label: "diazepam 5 mg", dueAt: ago(n % 3 == 0 ? 95 : -40))]
            }
            if n == 11 { extra.events = [ClinicalEvent(kind: .seizure, at: ago(4), note: "2 min, self-limiting")] }
            board[id] = extra
        }
        var w = WardSnapshot(ward: Ward(name: "Ward 3B", beds: beds.map(Bed.init(label:))), patients: patients,
                             assessments: assessments, version: 7, loadedAt: now)
        w.board = board
        let shiftStart = FixedClock(iso8601: "2026-11-28T07:30:00Z").now()
        w.assignments = beds.prefix(10).map { b in
            let who = Int(b)! <= 5 ? Fixture.ann : Fixture.ben
            return BedAssignment(bed: b, staff: who.id, staffID: who.staffID, staffName: who.name, shift: "day",
                                 shiftStart: shiftStart, assignedAt: shiftStart)
        }
        w.assignableStaff = [Fixture.ann, Fixture.ben]
        return w
    }

    /// Signed in as the charge nurse, on the overview, with the 30-bed ward loaded.
    static func onOverview(size: Size) -> Driver {
        var d = Driver(AppState(wardProtocol: Fixture.proto, securityPolicy: Fixture.policy, now: Fixture.now, size: size,
                                terminalName: "tty-test", ward: ward, timeZone: Fixture.utc))
        d.type(Fixture.ben.staffID); d.key(.key(.enter)); d.type("123456"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ben)))
        d.send(.wardLoaded(ward))
        d.state.flash = nil
        d.effects = []
        return d
    }
}
