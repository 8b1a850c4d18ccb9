import Foundation
import Testing
@testable import WardCore

@Suite("Ward overview: rows, stale marking, risk sort, worklist")
struct OverviewTests {
    let p = shipped
    let beds = (1...6).map { Bed(label: "\($0)") }

    func rows(_ patients: [PatientBoardInput], now: Date = Board.now, assignments: [BedAssignment] = []) -> [OverviewRow] {
        let input = BoardInput(beds: beds, patients: patients)
        return WardOverview(p).rows(input, alerts: AlertEngine(p).alerts(input, now: now), assignments: assignments, now: now,
                                    calendar: Calendar(identifier: .gregorian))
    }

    @Test func staleAtTheExactMinute() {
        // CIWA-B 25 is "moderate": re-assessed every interval minutes.
        let m = Double(p.reassessment.interval(.ciwaB, band: "moderate")!)
        let taken = Board.ago(minutes: m)
        let o = WardOverview(p)
        let t = TimedTotal(scale: .ciwaB, total: 25, takenAt: taken)
        let interval = TimeInterval(m * 60)
        #expect(!o.isStale(t, now: taken.addingTimeInterval(interval - 60)))
        #expect(!o.isStale(t, now: taken.addingTimeInterval(interval)))       // due now, still its value
        #expect(o.isStale(t, now: taken.addingTimeInterval(interval + 1)))
        #expect(o.isStale(t, now: taken.addingTimeInterval(interval + 60)))
        var i = Board.calm(1, bed: "1")
        i.scores = [t]
        #expect(rows([i], now: taken.addingTimeInterval(interval))[0].withdrawal?.stale == false)
        #expect(rows([i], now: taken.addingTimeInterval(interval + 60))[0].withdrawal?.stale == true)
    }

    @Test func sedationAndNEWS2StaleByTheirIntervals() {
        var i = Board.calm(1, bed: "1")
        let sm = Double(p.reassessment.sedationMinutes)
        i.sedation = [TimedSedation(.rass(0), at: Board.ago(minutes: sm))]
        #expect(rows([i])[0].sedation?.stale == false)
        i.sedation = [TimedSedation(.rass(0), at: Board.ago(minutes: sm + 1))]
        #expect(rows([i])[0].sedation?.stale == true)
    }

    @Test func emptyBedsAndMissingRecordsAreNil() {
        var i = Board.calm(1, bed: "2")
        i.vitals = nil; i.sedation = nil; i.doses = nil; i.diazepamEquivalent24hMg = nil
        let r = rows([i])
        #expect(r.count == beds.count)
        #expect(r[0].isEmpty && r[0].withdrawal == nil)
        #expect(r[1].patient?.id == 1 && r[1].news2 == nil && r[1].sedation == nil && r[1].doses == nil
                && r[1].diazepamEquivalent24hMg == nil)
        #expect(r[1].withdrawal?.total == 10)
        #expect(r[1].trend == [12, 10])
    }

    @Test func riskSortFollowsTheProtocolOrder() {
        var crit = Board.calm(1, bed: "6"); crit.events = [ClinicalEvent(kind: .seizure, at: Board.ago(minutes: 1))]
        var news = Board.calm(2, bed: "5"); news.vitals = [TimedVitals(vitals(rr: 22, pulse: 95), at: Board.ago(minutes: 5))]
        var sed = Board.calm(3, bed: "4"); sed.sedation = [TimedSedation(.rass(-1), at: Board.ago(minutes: 5))]
        var wd = Board.calm(4, bed: "3"); wd.scores = [TimedTotal(scale: .ciwaB, total: 35, takenAt: Board.ago(minutes: 5))]
        let calm = Board.calm(5, bed: "1")
        let sorted = WardOverview.sort(rows([calm, wd, sed, news, crit]), by: p.alerts.wardSortOrder)
        #expect(p.alerts.wardSortOrder.first == .severity)
        // Severity first (the handover's rule): the seizure is UNSTABLE, CIWA-B 35 (moderate) WATCHER;
        // then open alerts, NEWS2, sedation as before. Bed 2 empty: last.
        #expect(sorted.map(\.bed) == ["6", "3", "5", "4", "1", "2"])
        #expect(sorted.first?.severity?.level == .unstable && sorted[1].severity?.level == .watcher)
        // Sorting by bed puts bed order back, empty beds still last.
        let byBed = WardOverview.sort(sorted, by: WardOverview.keys(p.alerts.wardSortOrder, first: .bed))
        #expect(byBed.map(\.bed) == ["1", "3", "4", "5", "6", "2"])
        // By withdrawal first: bed 3 (moderate) leads.
        let byW = WardOverview.sort(sorted, by: WardOverview.keys(p.alerts.wardSortOrder, first: .withdrawal))
        #expect(byW.first?.bed == "3")
    }

    @Test func overdueSortsTheMostOverdueFirst() {
        let im = Double(p.reassessment.interval(.ciwaB, band: "mild")!)
        var a = Board.calm(1, bed: "1"); a.scores = [TimedTotal(scale: .ciwaB, total: 10, takenAt: Board.ago(minutes: im + 30))]
        var b = Board.calm(2, bed: "2"); b.scores = [TimedTotal(scale: .ciwaB, total: 10, takenAt: Board.ago(minutes: im + 90))]
        let sorted = WardOverview.sort(rows([a, b]), by: [.overdue, .bed])
        #expect(sorted.prefix(2).map(\.bed) == ["2", "1"])
        #expect(sorted[0].overdueSeconds == 90 * 60)
    }

    @Test func worklistHasOnlyTheNursesBedsSoonestFirst() {
        let im = Double(p.reassessment.interval(.ciwaB, band: "mild")!)
        var a = Board.calm(1, bed: "1"); a.scores = [TimedTotal(scale: .ciwaB, total: 10, takenAt: Board.ago(minutes: im + 30))]
        var b = Board.calm(2, bed: "2"); b.doses = [ScheduledDoseDue(label: "diazepam 5 mg", dueAt: Board.ago(minutes: 100))]
        var c = Board.calm(3, bed: "3"); c.doses = [ScheduledDoseDue(label: "diazepam 5 mg", dueAt: Board.ago(minutes: 300))]
        let assign = { (bed: String, key: StaffKey) in
            BedAssignment(bed: bed, staff: key, staffID: "N\(key)", staffName: "Nurse \(key)", shift: "day",
                          shiftStart: Board.ago(minutes: 400), assignedAt: Board.ago(minutes: 390))
        }
        let tasks = Worklist.tasks(for: 7, input: BoardInput(beds: beds, patients: [a, b, c]),
                                   assignments: [assign("1", 7), assign("2", 7), assign("3", 8)], proto: p, now: Board.now)
        // Only beds 1 and 2 (bed 3 is nurse 8's); the overdue ones lead, the checks due later this shift follow.
        #expect(Set(tasks.map(\.bed)) == ["1", "2"])
        #expect(tasks.prefix(2).map(\.bed) == ["2", "1"] && tasks.prefix(2).allSatisfy { $0.overdue })
        #expect(tasks.map(\.dueAt) == tasks.map(\.dueAt).sorted())
        #expect(tasks.dropFirst(2).allSatisfy { !$0.overdue && $0.dueAt > Board.now })
        // The check is named once, then why it is due.
        let check = tasks.first { $0.bed == "1" }?.what ?? ""
        #expect(check.hasPrefix("CIWA-B (10 mild"), "\(check)")
        #expect(!check.contains("CIWA-B: CIWA-B"))
    }

    /// A PRN dose whose effect is still to be recorded is a task on the nurse's
    /// worklist when it falls due this shift, in time order; overdue after.
    @Test func aPRNEffectToRecordIsATaskOnTheWorklist() {
        var a = Board.calm(1, bed: "1")
        a.prnEffectsDue = [PRNEffectDue(label: "diazepam 5 mg", givenAt: Board.ago(minutes: 90), dueAt: Board.ago(minutes: 30))]
        var b = Board.calm(2, bed: "2")
        let soon = Double(p.observations.dueSoonMinutes)
        b.prnEffectsDue = [PRNEffectDue(label: "diazepam 5 mg", givenAt: Board.ago(minutes: 10), dueAt: Board.ago(minutes: -(soon + 20)))]
        let mine = { (bed: String) in
            BedAssignment(bed: bed, staff: 7, staffID: "N7", staffName: "Nurse 7", shift: "day",
                          shiftStart: Board.ago(minutes: 400), assignedAt: Board.ago(minutes: 390))
        }
        let tasks = Worklist.tasks(for: 7, input: BoardInput(beds: beds, patients: [a, b]), assignments: [mine("1"), mine("2")],
                                   proto: p, now: Board.now)
        let effects = tasks.filter { if case .prnEffect = $0.kind { true } else { false } }
        #expect(effects.map(\.bed) == ["1", "2"], "everything due this shift is listed, soonest first")
        #expect(effects.map(\.overdue) == [true, false])
        #expect(effects.first?.what.hasPrefix("PRN effect: diazepam 5 mg ") == true)
    }

    @Test func shiftInstanceOfANightShiftStartsTheEveningBefore() {
        var cal = Calendar(identifier: .gregorian); cal.timeZone = TimeZone(identifier: "UTC")!
        let early = FixedClock(iso8601: "2026-11-28T03:00:00Z").now()
        let s = p.shifts.instance(at: early, calendar: cal)
        #expect(s?.name == "night")
        #expect(s?.start == FixedClock(iso8601: "2026-11-27T19:30:00Z").now())
        #expect(p.shifts.instance(at: Board.now, calendar: cal)?.name == "day")
    }

    /// "My patients" leads with the open critical alerts of the nurse's patients, then lists what is due
    /// up to the horizon in time order; a horizon in the protocol shortens it (issue 17, item 4).
    @Test func myPatientsLeadsWithCriticalAlertsThenTheShiftInTimeOrder() {
        var a = Board.calm(1, bed: "1")
        a.prnEffectsDue = [PRNEffectDue(label: "diazepam 5 mg", givenAt: Board.ago(minutes: 10), dueAt: Board.ago(minutes: -45))]
        let b = Board.calm(2, bed: "2")
        let mine = { (bed: String) in
            BedAssignment(bed: bed, staff: 7, staffID: "N7", staffName: "Nurse 7", shift: "day",
                          shiftStart: Board.ago(minutes: 400), assignedAt: Board.ago(minutes: 390))
        }
        let input = BoardInput(beds: beds, patients: [a, b])
        var sedated = b
        sedated.sedation = [TimedSedation(.rass(-4), at: Board.ago(minutes: 5))]
        let alerts = AlertEngine(p).alerts(BoardInput(beds: beds, patients: [a, sedated]), now: Board.now)
        let critical = alerts.filter { $0.severity == .critical && $0.patientID == b.patient.id }
        #expect(!critical.isEmpty)
        let tasks = Worklist.tasks(for: 7, input: input, assignments: [mine("1"), mine("2")], alerts: alerts, proto: p, now: Board.now)
        let leading = tasks.prefix { if case .alert = $0.kind { true } else { false } }
        #expect(leading.count == critical.count && leading.allSatisfy { $0.bed == "2" && $0.what.hasPrefix("CRITICAL: ") })
        let rest = tasks.dropFirst(leading.count)
        #expect(rest.map(\.dueAt) == rest.map(\.dueAt).sorted())
        #expect(rest.contains { if case .prnEffect = $0.kind { true } else { false } }, "a PRN effect due in 45 min is listed")

        var short = p
        short.observations.worklistHorizonMinutes = 30
        let soon = Worklist.tasks(for: 7, input: input, assignments: [mine("1"), mine("2")], alerts: alerts, proto: short, now: Board.now)
        #expect(!soon.contains { if case .prnEffect = $0.kind { true } else { false } }, "beyond a 30-minute horizon")
        #expect(soon.allSatisfy { $0.dueAt <= Board.now.addingTimeInterval(30 * 60) || { if case .alert = $0.kind { true } else { false } }($0) })
    }
}
