import Foundation
import Testing
@testable import WardCore

@Suite struct SubstanceListParserTests {
    @Test func parsesSeveralEntriesWithEveryField() throws {
        let list = try SubstanceListParser.parse("alprazolam 4 mg/d 3 y last 2026-12-03 rx; alcohol 1 bottle wine/d 10 y").get()
        #expect(list.count == 2)
        #expect(list[0].substance == "alprazolam" && list[0].dailyMg == 4 && list[0].dailyAmount == "4 mg")
        #expect(list[0].duration == "3 years" && list[0].lastUse == CalendarDate("2026-12-03") && list[0].source == .prescription)
        #expect(list[0].asEntered == "alprazolam 4 mg/d 3 y last 2026-12-03 rx")
        #expect(list[1].substance == "alcohol" && list[1].dailyMg == nil && list[1].dailyAmount == "1 bottle wine")
        #expect(list[1].duration == "10 years" && list[1].source == .patientReport)
        #expect(try SubstanceListParser.parse("heroin; Xanax 2mg/d 18 mo screen").get().map(\.substance) == ["heroin", "xanax"])
        #expect(try SubstanceListParser.parse("").get().isEmpty)
    }

    @Test(arguments: [
        ("alprazolam 4 mg", 1, "/d"),
        ("diazepam 10 mg/d; alprazolam 4 mg/d last 2026-02-30", 2, "YYYY-MM-DD"),
        ("4 mg/d", 1, "name"),
        ("alprazolam 4 mg/d 3 lightyears", 1, "duration"),
        ("alprazolam x mg/d", 1, "no amount before /d"), ("alprazolam 4x mg/d", 1, "not a dose in mg"),
    ]) func namesTheEntryAndWhatToFix(text: String, entry: Int, hint: String) {
        guard case .failure(let e) = SubstanceListParser.parse(text) else { Issue.record("accepted \(text)"); return }
        #expect(e.entry == entry)
        #expect(e.description.contains(hint), "\(e.description)")
    }

    @Test func oldRecordsWithoutTheNewFieldsStillDecode() throws {
        let old = #"[{"dailyAmount":"4 mg","dailyMg":4,"duration":"3 years","substance":"clonazepam"}]"#
        let s = try JSONDecoder().decode([SubstanceUse].self, from: Data(old.utf8))
        #expect(s[0].substance == "clonazepam" && s[0].lastUse == nil && s[0].source == nil)
    }
}

@Suite struct AdmissionReconciliationTests {
    let admitted = Date(timeIntervalSince1970: 1_796_400_000) // 2026-12-04 ~
    func patient(_ subs: [SubstanceUse], dob: String = "1985-09-02", seizures: Bool = false,
                 flags: [AdmissionFlag] = [], allergies: [String] = ["NKDA"], free: [String] = []) -> Patient {
        Patient(id: 1, mrn: "1", name: "Test, Pat", dateOfBirth: CalendarDate(dob)!, sex: .female, admittedAt: admitted,
                bed: "2", substances: subs, allergies: allergies, seizureHistory: seizures, riskFlags: free, admissionFlags: flags)
    }
    func prn(_ cap: Double) -> OrderTerms {
        OrderTerms(kind: .prn, drug: "diazepam", indication: "withdrawal",
                   prn: PRNTerms(template: "t", scale: "ciwa-b", threshold: 20, doseMg: 5, minIntervalMinutes: 120, maxPer24hDiazepamMg: cap))
    }

    /// Issue 13, bed 2: clonazepam 4 mg/day ≈ 80 mg DE (Ashton) on PRN-only diazepam ≤ 20 mg/24 h: a 75 % cut.
    @Test func clonazepamOnPRNOnlyIsA75PercentCut() throws {
        let p = patient([SubstanceUse(substance: "clonazepam", dailyAmount: "4 mg", dailyMg: 4, duration: "3 years")])
        let r = try #require(shipped.reconcile(p, orders: [prn(20)]))
        #expect(r.admissionMg == 80 && r.orderedMg == 20)
        #expect(abs(r.cut - 0.75) < 1e-9 && r.warns)
        #expect(r.lowMg == 40 && r.highMg == 80) // VA/DoD 1 mg ≈ 10 mg vs Ashton 0.5 mg
        #expect(r.message(firstDays: 3).contains("75 % cut"))
    }

    @Test func halfTheDoseDoesNotWarnAndNoBenzodiazepineGivesNothing() throws {
        let p = patient([SubstanceUse(substance: "Xanax", dailyAmount: "2 mg", dailyMg: 2, duration: "")]) // 40 mg DE (Ashton)
        #expect(try #require(shipped.reconcile(p, orders: [prn(20)])).warns == false) // exactly ½: SA Health start
        #expect(try #require(shipped.reconcile(p, orders: [prn(15)])).warns)
        #expect(shipped.reconcile(patient([SubstanceUse(substance: "alcohol", dailyAmount: "8 units", duration: "")]), orders: []) == nil)
    }

    @Test func seizureRiskCarriesItsReasons() {
        let p = patient([SubstanceUse(substance: "alprazolam", dailyAmount: "4 mg", dailyMg: 4, duration: "3 years"),
                         SubstanceUse(substance: "wine", dailyAmount: "1 bottle", duration: "")], seizures: true, free: ["injecting"])
        let flags = shipped.riskFlags(p, orders: [prn(20)], now: admitted)
        let seizure = flags.first { $0.kind == .seizure }
        #expect(seizure?.reason.contains("seizure history") == true)
        #expect(seizure?.reason.contains("high dose: 80 mg DE/day (> 50)") == true)
        #expect(seizure?.reason.contains("alprazolam (high-potency short-acting)") == true)
        #expect(seizure?.reason.contains("abrupt cessation: orders cut 75 %") == true)
        #expect(seizure?.reason.contains("alcohol co-use") == true)
        #expect(p.usesAlcohol(shipped))
        // A free-text flag is an "Other flag", never a seizure risk.
        let other = shipped.riskFlags(patient([], free: ["injecting"]), orders: [], now: admitted)
        #expect(other.map(\.text) == ["Other flag: injecting"])
    }

    @Test func opioidCoUseAsksForNaloxoneAndOrderSetFlagsShow() {
        let p = patient([SubstanceUse(substance: "methadone", dailyAmount: "60 mg", dailyMg: 60, duration: ""),
                         SubstanceUse(substance: "pregabalin", dailyAmount: "300 mg", dailyMg: 300, duration: "")],
                        dob: "1950-01-01", flags: [.hepaticImpairment, .pregnancy, .respiratory, .suicideSelfHarm, .fallsRisk], allergies: [])
        let flags = shipped.riskFlags(p, orders: [], now: admitted)
        let kinds = Set(flags.map(\.kind))
        #expect(kinds.isSuperset(of: [.coSedation, .naloxone, .hepatic, .olderAdult, .falls, .pregnancy, .respiratory, .suicide, .allergiesUnknown]))
        #expect(!kinds.contains(.seizure))
        #expect(flags.first { $0.kind == .naloxone }?.reason.contains("not the benzodiazepine") == true)
        #expect(flags.first { $0.kind == .hepatic }?.reason.contains("oxazepam or lorazepam") == true)
        #expect(flags.first { $0.kind == .hepatic }?.provenance?.status == .unconfirmed)
        #expect(flags.first { $0.kind == .coSedation }?.reason.contains("opioid substitution: methadone") == true)
    }

    @Test func abruptCessationFromTheLastUseDate() {
        var s = SubstanceUse(substance: "diazepam", dailyAmount: "10 mg", dailyMg: 10, duration: "")
        let cal = Calendar.wardDefault
        let c = cal.dateComponents([.year, .month, .day], from: admitted.addingTimeInterval(-3 * 86400))
        s.lastUse = CalendarDate(year: c.year!, month: c.month!, day: c.day!)
        let flags = shipped.riskFlags(patient([s]), orders: [prn(20)], now: admitted)
        #expect(flags.first { $0.kind == .seizure }?.reason == "abrupt cessation: last use 3 days before admission")
    }

    @Test func allergiesAndDatesOfBirth() {
        #expect(AllergyStatus([]) == .notYetKnown)
        #expect(AllergyStatus(["nkda"]) == .nkda)
        #expect(AllergyStatus(["penicillin"]) == .known(["penicillin"]))
        #expect(CalendarDate("1980-02-30") == nil && CalendarDate("1980-02-29") != nil && CalendarDate("1981-02-29") == nil)
        let rule = shipped.admission.dateOfBirth
        #expect(rule.problem(CalendarDate("2030-01-01")!, on: admitted)?.contains("not in the past") == true)
        #expect(rule.problem(CalendarDate("1880-01-01")!, on: admitted)?.contains("[admission.dateOfBirth]") == true)
        #expect(rule.problem(CalendarDate("1985-09-02")!, on: admitted) == nil)
    }

    @Test func alertRaisedOnTheBoard() {
        let p = patient([SubstanceUse(substance: "clonazepam", dailyAmount: "6 mg", dailyMg: 6, duration: "")])
        var input = PatientBoardInput(patient: p, scores: [])
        input.orders = [prn(20)]
        let a = AlertEngine(shipped).alerts(for: input, now: admitted).filter { $0.rule == .admissionDoseCut }
        #expect(a.count == 1 && a[0].severity == .warning)
        #expect(a[0].message.contains("Admission 120 mg DE/day (60–120 across tables)"))
    }
}

@Suite struct AdmissionProtocolTests {
    @Test func protocolShowListsTheAdmissionRulesWithTheirSources() {
        let text = ProtocolSummary.lines(shipped).joined(separator: "\n")
        #expect(text.contains("[admission reconciliation] UNCONFIRMED"))
        #expect(text.contains("cut the admission diazepam equivalent by more than 50%"))
        #expect(text.contains("SA Health [S34]: start at 1/2 the estimated dose"))
        #expect(text.contains("high-potency short-acting: alprazolam"))
        #expect(text.contains("opioid substitution: methadone, buprenorphine"))
    }

    @Test func aBadAdmissionSettingIsNamed() {
        let bad = defaultText(replacing: "cutWarnAbove = 0.5", with: "cutWarnAbove = 1.5")
        guard case .failure(let e) = ProtocolLoader.load(text: bad, file: "p.toml") else { Issue.record("accepted"); return }
        #expect(e.problems.contains { $0.keyPath == "admission.reconciliation.cutWarnAbove" })
        let swapped = defaultText(replacing: "minAgeYears = 16", with: "minAgeYears = 120")
        guard case .failure(let f) = ProtocolLoader.load(text: swapped, file: "p.toml") else { Issue.record("accepted"); return }
        #expect(f.problems.contains { $0.keyPath == "admission.dateOfBirth.minAgeYears" })
    }
}
