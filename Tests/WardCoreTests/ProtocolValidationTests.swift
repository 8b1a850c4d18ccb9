import Testing
@testable import WardCore

@Suite struct ProtocolValidationTests {
    @Test func shippedDefaultValidates() throws {
        let p = try ProtocolLoader.load(text: ProtocolLoader.defaultText, file: "default-protocol.toml").get()
        #expect(p.version == "2026.11-default")
        #expect(Set(p.scales.keys) == Set(ScaleKind.allCases))
        #expect(p.security == SecurityPolicy(pinMinLength: 6, pinDigitsOnly: true, maxFailedAttempts: 5, lockoutMinutes: 15, idleLockSeconds: 120))
        #expect(p.equivalence.selected == "ashton")
        #expect(p.prn.templates.count == 1)
        #expect(p.shifts.shifts.map(\.name) == ["day", "night"])
        #expect(p.taper.doseTimes.count == 4)
        #expect(p.alerts.handoverStyle == .sbar)
        #expect(p.reassessment.interval(.ciwaB, band: "very severe") == 60)
        #expect(p.witness.schedule(for: "temazepam").key == "uk-sch3")
        #expect(p.witness.schedule(for: "diazepam").key == "uk-sch4-1")
        #expect(p.shifts.shift(at: ClockTime("07:30")!)?.name == "day")
        #expect(p.shifts.shift(at: ClockTime("19:29")!)?.name == "day")
        #expect(p.shifts.shift(at: ClockTime("19:30")!)?.name == "night")
        #expect(p.shifts.shift(at: ClockTime("03:00")!)?.name == "night")
        #expect(!ProtocolSummary.lines(p).isEmpty)
        #expect(p.doseSafety.ceiling24hDiazepamMg == 40 && p.doseSafety.ceilingProvenance.status == .unconfirmed)
        #expect(p.doseSafety.synonyms["xanax"] == "alprazolam")
    }

    /// Each kind of mistake, with the key path and line it must be reported at.
    @Test(arguments: [
        // unknown key
        ("windowMinutes = 60", "windowMinutes = 60\nwindowMinuts = 30", "administration.windowMinuts", "windowMinuts = 30", "unknown key"),
        // missing source
        ("windowMinutes = 60\nsource = \"Local policy\"\n", "windowMinutes = 60\n", "administration.source", "[administration]", "missing"),
        // value out of range
        ("pinMinLength = 6", "pinMinLength = 2", "security.pinMinLength", "pinMinLength = 2", "out of range"),
        ("maxPercent = 25", "maxPercent = 250", "taper.reductionRate.maxPercent", "maxPercent = 250", "out of range"),
        // scale band overlap and gap
        ("{ name = \"moderate\",    min = 21, max = 40, level = 1 },", "{ name = \"moderate\",    min = 19, max = 40, level = 1 },",
         "scales.ciwa-b.bands", "bands = [", "overlap"),
        ("{ name = \"severe\",      min = 41, max = 60, level = 2 },", "{ name = \"severe\",      min = 43, max = 60, level = 2 },",
         "scales.ciwa-b.bands", "bands = [", "gap: totals 41–42"),
        // NEWS2 parameter band gap
        ("{ min = 111, max = 130, score = 2 }", "{ min = 112, max = 130, score = 2 }", "news2.pulse[4]", "{ min = 91, max = 110, score = 1 }", "gap"),
        // NEWS2 tier gap
        ("minTotal = 5", "minTotal = 6", "news2.risk", "[[news2.risk]]", "gap: totals 5–5"),
        // bad status word
        ("status = \"CONFLICT\"\nbands", "status = \"DISPUTED\"\nbands", "scales.ciwa-ar.status", "status = \"DISPUTED\"", "not a status"),
        // table selection that does not exist
        ("table = \"ashton\"", "table = \"bnf\"", "equivalence.table", "table = \"bnf\"", "not a table defined here"),
        // bad time
        ("start = \"19:30\"", "start = \"7:30pm\"", "shifts.list[1].start", "start = \"7:30pm\"", "HH:MM"),
        // equivalence range backwards
        ("bromazepam = [5, 6]", "bromazepam = [6, 5]", "equivalence.tables.ashton.doses.bromazepam", "bromazepam = [6, 5]", "low < high"),
        // PRN drug missing from the table in force
        ("drug = \"diazepam\"\nscale", "drug = \"phenobarbital\"\nscale", "prn.templates[0].drug", "drug = \"phenobarbital\"", "not in the equivalence table"),
        // a reassessment interval for a band that does not exist
        ("minimal = 120", "mnimal = 120", "reassessment.intervals.ciwa-ar.mnimal", "mnimal = 120", "no band"),
        // step-down steps that do not lengthen, and a threshold beyond the scale
        ("intervalsMinutes = [240, 480]", "intervalsMinutes = [480, 240]", "reassessment.stepDown.ciwa-ar.intervalsMinutes",
         "intervalsMinutes = [480, 240]", "longer than the one before"),
        ("below = 8\nconsecutive", "below = 99\nconsecutive", "reassessment.stepDown.ciwa-ar.below", "below = 99", "out of range"),
        ("[reassessment.stepDown.ciwa-ar]", "[reassessment.stepDown.rass]", "reassessment.stepDown.rass", "[reassessment.stepDown.rass]",
         "not a banded scale"),
        // the 24-hour ceiling: a value, and a synonym that names no drug in any table
        ("ceiling24hDiazepamMg = 40", "ceiling24hDiazepamMg = 0", "doseSafety.ceiling24hDiazepamMg", "ceiling24hDiazepamMg = 0", "out of range"),
        ("xanax = \"alprazolam\"", "xanax = \"aspirin\"", "doseSafety.synonyms.xanax", "xanax = \"aspirin\"", "in no equivalence table"),
        // handover style
        ("handoverStyle = \"SBAR\"", "handoverStyle = \"SOAP\"", "alerts.handoverStyle", "handoverStyle = \"SOAP\"", "\"I-PASS\""),
    ]) func mistakeIsReportedWithKeyPathAndLine(old: String, new: String, keyPath: String, lineNeedle: String, message: String) {
        let text = defaultText(replacing: old, with: new)
        let found = problems(text)
        let expectedLine = line(of: lineNeedle, in: text)
        let match = found.first { $0.keyPath == keyPath && $0.message.contains(message) }
        #expect(match != nil, "expected \(keyPath) '\(message)', got \(found)")
        if keyPath.hasPrefix("scales.ciwa-b.bands") || keyPath == "news2.risk" || keyPath == "administration.source" {
            // Reported at the first line of the list / the table header.
            #expect(match.map { $0.line >= line(of: lineNeedle, in: text) - 1 } ?? false)
        } else {
            #expect(match?.line == expectedLine, "line: \(match?.line ?? -1) vs \(expectedLine)")
        }
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        let text = defaultText(replacing: "pinMinLength = 6", with: "pinMinLength = 2")
            .replacingOccurrences(of: "idleLockSeconds = 120", with: "idleLockSeconds = \"two minutes\"")
            .replacingOccurrences(of: "windowMinutes = 60", with: "windowMinutes = 60\nextra = 1")
        let found = problems(text)
        #expect(found.contains { $0.keyPath == "security.pinMinLength" })
        #expect(found.contains { $0.keyPath == "security.idleLockSeconds" && $0.message.contains("whole number") })
        #expect(found.contains { $0.keyPath == "administration.extra" })
        #expect(found.count == 3)
    }

    @Test func errorReportHasFileLineKeyPathLines() {
        let text = defaultText(replacing: "pinMinLength = 6", with: "pinMinLength = 2")
        guard case .failure(let e) = ProtocolLoader.load(text: text, file: "ward.toml") else { Issue.record("accepted"); return }
        let first = e.report.split(separator: "\n").first.map(String.init)
        #expect(first == "ward.toml:\(line(of: "pinMinLength = 2", in: text)): security.pinMinLength: 2 is out of range 4…64")
    }

    @Test func missingSectionIsReported() {
        let text = defaultText(replacing: "[administration]\nwindowMinutes = 60\nsource = \"Local policy\"\nstatus = \"UNCONFIRMED\"\n", with: "")
        #expect(problems(text).contains { $0.keyPath == "administration" && $0.message.contains("missing") })
    }

    @Test func emptySourceIsRejected() {
        let text = defaultText(replacing: "source = \"Local ward shift pattern\"", with: "source = \"  \"")
        #expect(problems(text).contains { $0.keyPath == "shifts.source" && $0.message.contains("empty") })
    }

    @Test func shiftsMustCoverTheDay() {
        let text = defaultText(replacing: "end = \"07:30\"", with: "end = \"07:00\"")
        #expect(problems(text).contains { $0.keyPath == "shifts.list" && $0.message.contains("24-hour") })
    }

    @Test func syntaxErrorGivesItsLine() {
        let text = defaultText(replacing: "lockoutMinutes = 15", with: "lockoutMinutes = = 15")
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.line == line(of: "lockoutMinutes = = 15", in: text))
    }

    @Test func theSelectedTableCanBeSwitched() throws {
        let p = try ProtocolLoader.load(text: defaultText(replacing: "table = \"ashton\"", with: "table = \"vadod2021\""), file: "va.toml").get()
        #expect(try p.equivalence.convert(drug: "lorazepam", mg: 4).diazepamMg == 20)
    }
}
