import Foundation
import WardCore

/// A fictional ward for `wardline demo`: staff of every role with documented
/// PINs, 16 patients in 20 beds across six days of detox, and CIWA-B
/// histories over the last 72 hours. Everything goes through the store's
/// ordinary commands, so the demo trail is audited like real use.
/// All people, doses and scores here are invented.
public enum DemoWard {
    public struct DemoStaff: Sendable, Hashable {
        public var staffID: String, name: String, role: StaffRole, pin: String, disabled: Bool
    }

    public static let wardName = "Ward 7 Detox (DEMO)"
    public static let bedLabels = (1...20).map(String.init)

    /// The demo sign-ins (documented in the README/user guide).
    public static let staff: [DemoStaff] = [
        DemoStaff(staffID: "A9001", name: "Admin, Ward IT", role: .admin, pin: "999999", disabled: false),
        DemoStaff(staffID: "C2001", name: "Novak, Petra", role: .chargeNurse, pin: "222222", disabled: false),
        DemoStaff(staffID: "N1001", name: "Hughes, Sam", role: .nurse, pin: "111111", disabled: false),
        DemoStaff(staffID: "N1002", name: "Tanaka, Yui", role: .nurse, pin: "121212", disabled: false),
        DemoStaff(staffID: "P3001", name: "Adeyemi, Tolu", role: .prescriber, pin: "333333", disabled: false),
        DemoStaff(staffID: "S4001", name: "Lindqvist, Emil", role: .studentNurse, pin: "444444", disabled: false),
        DemoStaff(staffID: "N1099", name: "Former, Staff", role: .nurse, pin: "109910", disabled: true),
    ]

    public struct Summary: Sendable, Hashable {
        public var patients: Int
        public var assessments: Int
        public var emptyBeds: [String]
    }

    struct DemoPatient {
        let mrn: String, name: String, dob: String, sex: Sex, bed: String, day: Int
        let substances: [SubstanceUse], allergies: [String], seizures: Bool, flags: [String]
        /// CIWA-B total when the history starts and now; `spikes` adds a few high ones.
        let from: Int, to: Int, spikes: Int
        /// Order-set flags recorded on admission.
        var admission: [AdmissionFlag] = []
    }

    /// A structured substance entry: drugs in mg as prescribed (rx) unless
    /// said otherwise, everything else as the patient reported it.
    static func s(_ name: String, _ amount: String, _ mg: Double?, _ years: String,
                  _ source: SubstanceSource? = nil) -> SubstanceUse {
        SubstanceUse(substance: name, dailyAmount: amount, dailyMg: mg, duration: years,
                     source: source ?? (mg == nil ? .patientReport : .prescription))
    }

    static let patients: [DemoPatient] = [
        DemoPatient(mrn: "100231", name: "Müller, Grete", dob: "1961-03-14", sex: .female, bed: "1", day: 3,
                    substances: [s("alprazolam", "3 mg", 3, "6 years"), s("alcohol", "1 bottle wine", nil, "10 years")],
                    allergies: ["penicillin"], seizures: true, flags: [], from: 46, to: 24, spikes: 1),
        DemoPatient(mrn: "100244", name: "李, 娜", dob: "1985-09-02", sex: .female, bed: "2", day: 2,
                    substances: [s("clonazepam", "4 mg", 4, "3 years")],
                    allergies: ["NKDA"], seizures: false, flags: [], from: 38, to: 30, spikes: 0),
        DemoPatient(mrn: "100252", name: "O'Brien, Patrick", dob: "1970-11-30", sex: .male, bed: "3", day: 5,
                    substances: [s("diazepam", "60 mg", 60, "10 years"), s("alcohol", "8 units", nil, "15 years")],
                    allergies: ["NKDA"], seizures: true, flags: [], from: 28, to: 9, spikes: 0),
        DemoPatient(mrn: "100267", name: "Kowalski, Anna", dob: "1990-05-21", sex: .female, bed: "5", day: 4,
                    substances: [s("lorazepam", "6 mg", 6, "2 years")],
                    allergies: ["sulfonamides"], seizures: false, flags: [], from: 41, to: 17, spikes: 1),
        DemoPatient(mrn: "100270", name: "Haddad, Omar", dob: "1979-01-08", sex: .male, bed: "6", day: 6,
                    substances: [s("temazepam", "40 mg", 40, "8 years")],
                    allergies: ["NKDA"], seizures: false, flags: [], from: 18, to: 6, spikes: 0),
        DemoPatient(mrn: "100283", name: "Nguyen, Minh", dob: "1995-07-17", sex: .male, bed: "7", day: 1,
                    substances: [s("alprazolam (counterfeit tablets)", "6 mg", 6, "1 year", .patientReport)],
                    allergies: [], seizures: false, flags: ["unknown tablet content"], from: 35, to: 44, spikes: 1),
        DemoPatient(mrn: "100291", name: "Smith, Karen", dob: "1958-12-03", sex: .female, bed: "8", day: 3,
                    substances: [s("zopiclone", "15 mg", 15, "12 years"), s("diazepam", "20 mg", 20, "12 years")],
                    allergies: ["codeine"], seizures: false, flags: [], from: 33, to: 19, spikes: 0),
        DemoPatient(mrn: "100305", name: "Okoye, Chinedu", dob: "1988-04-26", sex: .male, bed: "10", day: 2,
                    substances: [s("clonazepam", "2 mg", 2, "4 years"), s("alcohol", "500 ml spirits", nil, "6 years")],
                    allergies: ["NKDA"], seizures: true, flags: [], from: 52, to: 38, spikes: 2),
        DemoPatient(mrn: "100318", name: "Jensen, Freja", dob: "2000-06-11", sex: .female, bed: "11", day: 4,
                    substances: [s("alprazolam", "2 mg", 2, "18 months")],
                    allergies: ["NKDA"], seizures: false, flags: [], from: 30, to: 12, spikes: 0),
        DemoPatient(mrn: "100322", name: "García, Lucía", dob: "1975-02-19", sex: .female, bed: "12", day: 5,
                    substances: [s("lorazepam", "4 mg", 4, "5 years")],
                    allergies: ["latex"], seizures: false, flags: [], from: 25, to: 8, spikes: 0),
        DemoPatient(mrn: "100339", name: "Petrov, Dmitri", dob: "1967-10-05", sex: .male, bed: "13", day: 3,
                    substances: [s("diazepam", "40 mg", 40, "9 years"), s("alcohol", "6 cans beer", nil, "20 years"),
                                 s("methadone", "60 mg", 60, "4 years", .prescription)],
                    allergies: ["NKDA"], seizures: true, flags: [], from: 48, to: 29, spikes: 1),
        DemoPatient(mrn: "100341", name: "Tanaka, Hiroshi", dob: "1982-08-28", sex: .male, bed: "14", day: 6,
                    substances: [s("nitrazepam", "10 mg", 10, "7 years")],
                    allergies: ["NKDA"], seizures: false, flags: [], from: 15, to: 4, spikes: 0),
        DemoPatient(mrn: "100356", name: "Brown, Jessica", dob: "1992-03-09", sex: .female, bed: "16", day: 2,
                    substances: [s("alprazolam", "4 mg", 4, "3 years")],
                    allergies: ["ibuprofen"], seizures: false, flags: [], from: 44, to: 35, spikes: 0),
        DemoPatient(mrn: "100360", name: "Ahmed, Yusuf", dob: "1986-12-22", sex: .male, bed: "17", day: 4,
                    substances: [s("clonazepam", "6 mg", 6, "5 years")],
                    allergies: ["NKDA"], seizures: false, flags: [], from: 39, to: 20, spikes: 0),
        DemoPatient(mrn: "100374", name: "Rossi, Marco", dob: "1973-07-01", sex: .male, bed: "19", day: 5,
                    substances: [s("oxazepam", "90 mg", 90, "11 years"), s("alcohol", "1 bottle wine", nil, "11 years")],
                    allergies: ["NKDA"], seizures: false, flags: [], from: 31, to: 11, spikes: 1, admission: [.hepaticImpairment]),
        DemoPatient(mrn: "100387", name: "Fitzgerald, Siobhan", dob: "1965-11-15", sex: .female, bed: "20", day: 3,
                    substances: [s("temazepam", "30 mg", 30, "15 years"), s("zolpidem", "10 mg", 10, "4 years")],
                    allergies: ["morphine"], seizures: false, flags: [], from: 36, to: 21, spikes: 0),
    ]

    /// Seeds an empty database (refused once staff exist). Deterministic for a given `clock`.
    @discardableResult
    public static func seed(store: Store, clock: any WardClock, protocol ward: WardProtocol,
                            policy: SecurityPolicy, terminal: String = "demo-seed") throws(CommandRefusal) -> Summary {
        let now = clock.now()
        var members: [String: StaffMember] = [:]
        let first = staff[0]
        let admin = try store.createFirstAdmin(staffID: first.staffID, name: first.name, secret: first.pin,
                                               terminal: terminal, policy: policy)
        members[admin.staffID] = admin
        let adminSession = Session(staff: admin, terminal: terminal)
        try store.configureWard(name: wardName, bedLabels: bedLabels, session: adminSession)
        for d in staff.dropFirst() {
            members[d.staffID] = try store.addStaff(staffID: d.staffID, name: d.name, role: d.role, secret: d.pin,
                                                    policy: policy, session: adminSession)
        }
        let charge = Session(staff: members["C2001"]!, terminal: terminal)
        let recorders = ["N1001", "N1002", "S4001", "C2001"].map { Session(staff: members[$0]!, terminal: terminal) }

        var rng = SplitMix(seed: 0x5741_5244)
        var count = 0
        let cal = Calendar.wardDefault
        for p in patients {
            // Admitted `day - 1` days ago at a daytime hour; today's
            // admissions 6–13 hours ago so they already have a short history
            // (shortly after midnight that makes them day 2: fine for a demo).
            let today = cal.startOfDay(for: now)
            let hour = Double(9 + Int(rng.next() % 8)) * 3600
            let admitted = p.day == 1
                ? now.addingTimeInterval(-hour + 3 * 3600)
                : cal.date(byAdding: .day, value: -(p.day - 1), to: today)!.addingTimeInterval(hour)
            let patient = try store.admit(AdmitPatient(
                mrn: p.mrn, name: p.name, dateOfBirth: CalendarDate(p.dob)!, sex: p.sex, bed: p.bed,
                substances: p.substances, allergies: p.allergies, seizureHistory: p.seizures,
                riskFlags: p.flags, admissionFlags: p.admission, admittedAt: admitted), session: charge, protocol: ward)

            let start = max(admitted.addingTimeInterval(1800), now.addingTimeInterval(-72 * 3600))
            var times: [Date] = []
            var t = start
            while t <= now.addingTimeInterval(-1200) {
                times.append(t)
                t = t.addingTimeInterval(Double(7200 + Int(rng.next() % 7201)))
            }
            var spikeAt = Set<Int>()
            while spikeAt.count < min(p.spikes, times.count) { spikeAt.insert(Int(rng.next() % UInt64(times.count))) }
            for (i, when) in times.enumerated() {
                let f = times.count > 1 ? Double(i) / Double(times.count - 1) : 1
                var total = Int((Double(p.from) + Double(p.to - p.from) * f).rounded()) + Int(rng.next() % 7) - 3
                if spikeAt.contains(i) { total += 14 + Int(rng.next() % 8) }
                let items = itemScores(total: min(80, max(0, total)), rng: &rng)
                // The gate questions answered as a nurse would: recent use from the admission record, able to talk.
                let recent = patient.substances.contains { !ward.doseSafety.drugs(in: $0.substance, equivalence: ward.equivalence).isEmpty }
                _ = try store.record(RecordGatedAssessment(RecordAssessment(patientID: patient.id, scale: .ciwaB, items: items, takenAt: when),
                                                           gate: DoseGateAnswers(recentUseConfirmed: recent, canCommunicate: true)),
                                     session: recorders[(i + count) % recorders.count], protocol: ward)
                // Drinkers are scored on CIWA-Ar in the same round, just before the CIWA-B (alcohol on the admission list).
                if patient.usesAlcohol(ward) {
                    _ = try store.record(RecordGatedAssessment(
                        RecordAssessment(patientID: patient.id, scale: .ciwaAr, items: ciwaArItems(total: 2 + Int(rng.next() % 6), rng: &rng),
                                         takenAt: max(admitted.addingTimeInterval(60), when.addingTimeInterval(-60))),
                        gate: DoseGateAnswers(recentUseConfirmed: recent, canCommunicate: true)),
                        session: recorders[(i + count) % recorders.count], protocol: ward)
                    count += 1
                }
                count += 1
            }
        }
        try seedObservations(store: store, now: now, protocol: ward, recorders: recorders)
        try seedMedication(store: store, clock: clock, protocol: ward, terminal: terminal)
        // This shift's assignments, as a charge nurse would make them: the first
        // half of the occupied beds to N1001, the rest to N1002 (so "My patients"
        // has work in it). None when the protocol has no shift covering now.
        if ward.shifts.instance(at: now, calendar: cal) != nil {
            let beds = bedLabels.filter { b in patients.contains { $0.bed == b } }
            for (i, bed) in beds.enumerated() {
                let nurse = members[i < (beds.count + 1) / 2 ? "N1001" : "N1002"]!
                try store.assignNurse(bed: bed, staff: nurse.id, protocol: ward, session: charge, calendar: cal)
            }
        }
        for d in staff where d.disabled {
            try store.disableStaff(staffID: d.staffID, session: adminSession)
        }
        let used = Set(patients.map(\.bed))
        return Summary(patients: patients.count, assessments: count, emptyBeds: bedLabels.filter { !used.contains($0) })
    }

    /// Twenty CIWA-B item scores (0–4 each) adding up to `total`.
    static func itemScores(total: Int, rng: inout SplitMix) -> [Int] {
        spread(total, over: 20, upTo: 4, count: 20, rng: &rng)
    }

    /// CIWA-Ar items (nine 0–7, orientation 0–4 last, left at 0) adding up to `total`.
    static func ciwaArItems(total: Int, rng: inout SplitMix) -> [Int] {
        spread(total, over: 9, upTo: 7, count: 10, rng: &rng)
    }

    /// `count` item scores, the first `over` of them raised one at a time (at most `upTo` each) until they add up to `total`.
    static func spread(_ total: Int, over: Int, upTo: Int, count: Int, rng: inout SplitMix) -> [Int] {
        var items = [Int](repeating: 0, count: count)
        var left = min(total, over * upTo)
        while left > 0 {
            let i = Int(rng.next() % UInt64(over))
            if items[i] < upTo { items[i] += 1; left -= 1 }
        }
        return items
    }

    /// A small deterministic generator so the demo is the same every time.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
