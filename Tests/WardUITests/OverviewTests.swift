import Foundation
import Testing
@testable import WardUI
import WardCore

@Suite struct OverviewSnapshotTests {
    @Test(arguments: [Fixture.small, Fixture.large])
    func overview30Beds(size: Size) {
        let d = BoardFixture.onOverview(size: size)
        assertSnapshot(view(d.state), named: "overview30_\(size)")
    }

    @Test func thirtyBedsFitAt132x43AndPageAt80x24() {
        let big = BoardFixture.onOverview(size: Fixture.large)
        #expect(OverviewLayout(size: Fixture.large).bedRows >= 30)
        let bigLines = big.text.split(separator: "\n", omittingEmptySubsequences: false)
        let bedCells = bigLines.dropFirst(2).prefix(30).map { String($0.dropFirst(2).prefix(4)).trimmingCharacters(in: .whitespaces) }
        #expect(Set(bedCells) == Set(BoardFixture.beds))
        var small = BoardFixture.onOverview(size: Fixture.small)
        #expect(small.text.contains("Overview p1/"))
        for _ in 0..<OverviewLayout(size: Fixture.small).bedRows { small.key(.key(.down)) }
        #expect(small.text.contains("Overview p2/"))
    }

    @Test func narrowDropsColumnsInTheDocumentedOrder() {
        let wide = OverviewLayout(size: Fixture.large), narrow = OverviewLayout(size: Fixture.small)
        #expect(wide.columns == OverviewColumn.allCases)
        let dropped = OverviewColumn.allCases.filter { !narrow.columns.contains($0) }
        #expect(!dropped.isEmpty)
        #expect(Set(dropped) == Set(OverviewColumn.dropOrder.prefix(dropped.count)))
        for keep in [OverviewColumn.bed, .patient, .withdrawal, .news2, .next, .alerts] { #expect(narrow.columns.contains(keep)) }
        let used = 2 + narrow.columns.reduce(0) { $0 + narrow.widths[$1]! + 1 }
        #expect(used <= 80)
    }

    @Test func truncatedNamesStayDistinct() {
        let d = BoardFixture.onOverview(size: Fixture.small)
        let rows = d.state.overviewRows(OverviewState())
        let names = OverviewLayout.names(rows, width: OverviewLayout(size: Fixture.small).widths[.patient]!)
        let shown = rows.compactMap { names[$0.bed] }
        #expect(Set(shown).count == shown.count)
        let fitz = rows.filter { $0.patient?.name.hasPrefix("Fitzgerald") == true }.compactMap { names[$0.bed] }
        #expect(fitz.count >= 2 && fitz.allSatisfy { $0.contains("#") })
    }
}

@Suite struct OverviewUpdateTests {
    @Test func chargeNurseLandsOnTheOverviewSortedByRisk() {
        let d = BoardFixture.onOverview(size: Fixture.large)
        guard case .overview = d.top else { Issue.record("not on the overview: \(String(describing: d.top))"); return }
        let rows = d.state.overviewRows(OverviewState())
        #expect(rows.first?.openCritical ?? 0 > 0)
        #expect(rows.suffix(2).allSatisfy { $0.isEmpty })
        let crit = rows.map(\.openCritical)
        let firstNonCritical = crit.firstIndex(of: 0) ?? crit.count
        #expect(crit[firstNonCritical...].allSatisfy { $0 == 0 })
    }

    @Test func loadingLogsTheAlertsOnceAndANewCriticalShowsABanner() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        #expect(d.state.banner == nil)           // the first load shows no banner
        var w = BoardFixture.ward
        #expect(d.send(.wardLoaded(w)).isEmpty)  // same alerts, same snapshot: nothing to log again
        #expect(d.send(.tick(Fixture.now)).isEmpty)
        let bed3 = w.patients.first { $0.bed == "3" }!
        w.board[bed3.id]?.sedation = [TimedSedation(.rass(-4), at: Fixture.now)]
        w.version += 1
        let fx = d.send(.wardLoaded(w))
        guard case .syncAlerts(let sync)? = fx.first else { Issue.record("no sync: \(fx)"); return }
        #expect(sync.snapshotVersion == w.version && sync.evaluatedAt == d.state.now
                && sync.open.contains { $0.rule == .overSedation && $0.patientID == bed3.id })
        #expect(d.state.banner?.text.contains("bed 3") == true)
        #expect(d.text.contains("CRITICAL · bed 3"))
        // A newer snapshot with the same alerts is synced again (an earlier sync may have been skipped as outdated).
        w.version += 1
        guard case .syncAlerts(let again)? = d.send(.wardLoaded(w)).first else { Issue.record("no re-sync"); return }
        #expect(again.snapshotVersion == w.version)
        d.key(.key(.down))
        #expect(d.state.banner == nil)
    }

    /// The log holds an episode as open that this terminal does not find open
    /// (the store kept the clearance back: another terminal raised it after this
    /// one's `now`): asked again at every tick until the log agrees.
    @Test func aLoggedEpisodeNotOpenHereIsSyncedAgainAtTheNextTick() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        var w = BoardFixture.ward
        let bed3 = w.patients.first { $0.bed == "3" }!
        let other = WardAlert(rule: .overSedation, severity: .critical, patientID: bed3.id, patientName: bed3.name, bed: "3",
                              subject: "sedation", message: "Over-sedated", since: Fixture.now, escalation: "review")
        w.alertLog.open = Set(d.state.openAlerts.map(\.id)).union([other.id])
        w.version += 1
        guard case .syncAlerts(let first)? = d.send(.wardLoaded(w)).first else { Issue.record("no sync"); return }
        #expect(first.missing == [other.id] && first.known == w.alertLog.open)
        let later = Fixture.now.addingTimeInterval(1)
        guard case .syncAlerts(let again)? = d.send(.tick(later)).first else { Issue.record("not asked again"); return }
        #expect(again.evaluatedAt == later && again.missing == [other.id])
        // Once the log agrees (the clearance is in the next snapshot), the ticks are quiet again.
        w.alertLog.open.remove(other.id)
        w.version += 1
        _ = d.send(.wardLoaded(w))
        #expect(d.send(.tick(later.addingTimeInterval(1))).isEmpty)
    }

    @Test func acknowledgeTheTopAlertWithANote() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        let top = d.state.overviewRows(OverviewState())[0]
        d.key(.char("a"))
        guard case .alertAction(let f)? = d.top else { Issue.record("no dialog"); return }
        #expect(f.alert == top.alerts.first && f.mode == .acknowledge)
        d.type("on it")
        let fx = d.key(.key(.enter))
        #expect(fx == [.acknowledgeAlert(top.alerts[0], note: "on it", session: d.state.session!)])
        d.send(.finished(.success(.done("Acknowledged")), verb: .saved))
        guard case .overview = d.top else { Issue.record("dialog not closed"); return }
    }

    @Test func escalateNeedsWhomAndOutcome() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        d.key(.char("e"))
        #expect(d.key(.key(.enter)).isEmpty)     // Enter on the first field moves on
        #expect(d.key(.key(.enter)).isEmpty)     // and on the last one checks both
        guard case .alertAction(let f)? = d.top else { Issue.record("no dialog"); return }
        #expect(f.message?.text == "Say who it was escalated to.")
        d.type("FY1 bleep 4410"); d.key(.key(.enter)); d.type("reviewed, plan unchanged")   // focus went back to the empty field
        guard case .escalateAlert(_, let to, let outcome, _)? = d.key(.key(.enter)).first else { Issue.record("no effect"); return }
        #expect(to == "FY1 bleep 4410" && outcome == "reviewed, plan unchanged")
        d.send(.finished(.failure(CommandRefusal(.storage, "disk full")), verb: .saved))
        guard case .alertAction(let g)? = d.top else { Issue.record("dialog closed on failure"); return }
        #expect(g.message?.text == "Not saved: disk full" && !g.saving)
    }

    @Test func admitToAnEmptyBedFromTheForm() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        d.key(.char("s"))   // sort by bed: empty beds are still last
        while d.state.overviewRows(OverviewState(sortFirst: .bed)).first(where: { $0.bed == currentBed(d) })?.isEmpty == false {
            d.key(.key(.down))
        }
        d.key(.char("A"))
        guard case .admit(let f)? = d.top else { Issue.record("no admission form"); return }
        #expect(BoardFixture.empty.contains(f.fields.values[4]))
        for v in ["MRN-77", "Doe, Jane", "1980-02-30", "f"] { d.type(v); d.key(.key(.enter)) }
        d.key(.key(.enter))                         // bed prefilled
        for v in ["alprazolam 4 mg; alcohol 1 bottle wine/d 10 y", "n", "falls, pregnant", "other CNS depressants"] {
            d.type(v); d.key(.key(.enter))
        }
        guard case .admit(let g)? = d.top else { return }
        #expect(g.fields.field == 9)                // moved on; everything is checked on save
        d.type("NKDA")
        #expect(d.key(.key(.enter)).isEmpty)        // 30 February is no date
        guard case .admit(let h)? = d.top else { return }
        #expect(h.fields.field == 2 && h.message?.text.hasPrefix("Date of birth") == true)
        for _ in 0..<2 { d.key(.key(.backspace)) }
        d.type("03")                                // 1980-02-03
        for _ in 0..<7 { d.key(.key(.tab)) }        // to the last field, then save
        #expect(d.key(.key(.enter)).isEmpty)        // the first substance has no "/d"
        guard case .admit(let k)? = d.top else { return }
        #expect(k.fields.field == 5 && k.message?.text.hasPrefix("Substance 1 (alprazolam 4 mg): write the amount per day with /d") == true)
        for _ in 0..<k.fields.values[5].count { d.key(.key(.backspace)) }
        d.type("alprazolam 4 mg/d 3 y rx; alcohol 1 bottle wine/d 10 y")
        for _ in 0..<4 { d.key(.key(.tab)) }
        guard case .admit(let request, _)? = d.key(.key(.enter)).first else { Issue.record("no admit effect"); return }
        #expect(request.name == "Doe, Jane" && request.sex == .female && request.dateOfBirth == CalendarDate("1980-02-03"))
        #expect(request.substances.map(\.substance) == ["alprazolam", "alcohol"] && request.substances.first?.dailyMg == 4
                && request.substances.first?.source == .prescription)
        #expect(request.riskFlags == ["other CNS depressants"] && request.admissionFlags == [.fallsRisk, .pregnancy])
        #expect(request.allergies == ["NKDA"] && !request.seizureHistory)
    }

    func currentBed(_ d: Driver) -> String? {
        if case .overview(let o)? = d.top { return o.selectedBed ?? d.state.overviewRows(o).first?.bed }
        return nil
    }

    @Test func assignANurseFilterByNurseAndMyPatients() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        d.key(.char("n"))
        guard case .picker(let p)? = d.top else { Issue.record("no picker"); return }
        #expect(p.choices.map(\.label).contains("Ann Okafor (N1042)"))
        d.key(.key(.down)); d.key(.key(.down))  // (nobody)
        guard case .assignNurse(_, let staff, _)? = d.key(.key(.enter)).first else { Issue.record("no effect"); return }
        #expect(staff == nil)
        d.key(.char("f"))
        guard case .overview(let o)? = d.top else { return }
        #expect(o.nurseFilter == Fixture.ann.id)
        #expect(d.state.overviewRows(o).map(\.bed).sorted() == ["1", "2", "3", "4", "5"])
        d.key(.char("m"))
        guard case .worklist(let w)? = d.top else { Issue.record("no worklist"); return }
        let tasks = d.state.worklistTasks(w)
        // Critical alerts first, then the shift's tasks in time order.
        let alerts = tasks.prefix { if case .alert = $0.kind { true } else { false } }
        let rest = tasks.dropFirst(alerts.count)
        #expect(rest.map(\.dueAt) == rest.map(\.dueAt).sorted())
        #expect(!rest.contains { if case .alert = $0.kind { true } else { false } })
        #expect(Set(tasks.map(\.bed)).isSubset(of: ["11", "12", "13", "14", "15", "16", "17", "18", "20", "21", "22", "8", "9", "10", "6"]))
    }

    @Test func nursesMayNotAssign() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        d.state.session = Session(staff: Fixture.ann, terminal: "t")
        d.key(.char("n"))
        guard case .overview = d.top else { Issue.record("picker opened for a nurse"); return }
        #expect(d.state.flash?.text.contains("charge nurse") == true)
    }

    @Test func dischargeShowsTheTaperSummaryThenAsks() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        d.key(.char("D"))
        guard case .discharge(let s)? = d.top else { Issue.record("no discharge box"); return }
        #expect(s.summary.contains { $0.hasPrefix("CIWA-B: 3 scored") })
        #expect(d.text.contains("Discharge now?"))
        #expect(d.key(.char("y")) == [.discharge(patientID: s.patientID, session: d.state.session!)])
    }

    @Test func anAcknowledgedAlertStaysVisibleUntilItsCauseClears() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        let top = d.state.overviewRows(OverviewState())[0]
        var w = BoardFixture.ward
        for a in top.alerts {
            w.alertLog.acknowledgements[a.id] = AlertAcknowledgement(episode: a.id, by: "Lindqvist, Ben", at: Fixture.now)
        }
        d.send(.wardLoaded(w))
        let row = d.state.overviewRows(OverviewState()).first { $0.bed == top.bed }!
        #expect(row.alerts.count == top.alerts.count)
        #expect(d.text.contains("\(top.alerts.count) ack'd"))
        #expect(d.text.contains("✓Lindqvist 14:05"))
        // Pressing a on that bed: nothing left to acknowledge.
        d.state.stack[d.state.stack.count - 1] = .overview(OverviewState(selectedBed: top.bed))
        d.key(.char("a"))
        #expect(d.state.flash?.text == "Every alert of bed \(top.bed) is already acknowledged.")
    }

    @Test func theChartShowsThePatientsAlerts() {
        var d = BoardFixture.onOverview(size: Fixture.large)
        let top = d.state.overviewRows(OverviewState())[0]
        d.key(.key(.enter))
        guard case .chart(let c)? = d.top else { Issue.record("no chart"); return }
        #expect(c.patientID == top.patient?.id)
        #expect(d.text.contains("Alerts for this patient: \(top.alerts.count)"))
        #expect(d.text.contains(top.alerts[0].message))
    }
}
