import Foundation
import WardCore

extension AppState {
    /// The board input of the ward as loaded (nil before the first load).
    var boardInput: BoardInput? { ward.map { BoardInput($0, now: now, protocol: wardProtocol, calendar: calendar) } }

    /// Recomputes the open alerts at `now`; raises the banner for a critical
    /// alert not seen before on this terminal; asks the store to log the
    /// alerts when the set changed, after a new snapshot, and while the log
    /// holds as open an episode that is not open here (the store keeps a
    /// clearance back while the episode was raised after this terminal's
    /// `now`: asked again at the next tick, it goes through or the alert has
    /// opened here too).
    mutating func refreshBoard() -> [Effect] {
        guard let ward, let input = boardInput else { openAlerts = []; boardRows = []; return [] }
        openAlerts = AlertEngine(wardProtocol).alerts(input, now: now)
        boardRows = WardOverview(wardProtocol).rows(input, alerts: openAlerts, assignments: ward.assignments, now: now,
                                                    calendar: calendar)
        let critical = openAlerts.filter { $0.severity == .critical }
        if let seen = seenCritical, let fresh = critical.first(where: { !seen.contains($0.id) }) {
            let more = critical.filter { !seen.contains($0.id) }.count - 1
            let mayAcknowledge = session?.staff.role.may(.handleAlert) == true
            banner = Flash("CRITICAL · bed \(fresh.bed ?? "?") \(fresh.patientName): \(fresh.message)"
                           + (more > 0 ? " (+\(more) more on the overview)" : "")
                           + (mayAcknowledge ? " — a: acknowledge this alert · any other key: dismiss" : " — any key dismisses"),
                           role: .alertCritical)
            bannerAlert = fresh
        }
        seenCritical = Set(critical.map(\.id))
        let ids = Set(openAlerts.map(\.id))
        let sync = AlertSync(open: openAlerts, evaluatedAt: now, snapshot: ward)
        // Sent again after every new snapshot too: the store skips a sync made from an outdated snapshot.
        guard session != nil, viewing == nil, ids != syncedAlerts || ward.version != syncedVersion || !sync.missing.isEmpty else { return [] }
        syncedAlerts = ids
        syncedVersion = ward.version
        return [.syncAlerts(sync)]
    }

    /// Overview rows at `now`, sorted and filtered as the overview state asks.
    func overviewRows(_ os: OverviewState) -> [OverviewRow] {
        var rows = boardRows
        if let n = os.nurseFilter { rows = rows.filter { $0.assigned?.staff == n } }
        return WardOverview.sort(rows, by: WardOverview.keys(wardProtocol.alerts.wardSortOrder, first: os.sortFirst))
    }

    /// Open alerts of one patient, most serious first.
    func alerts(for patient: PatientID) -> [WardAlert] { openAlerts.filter { $0.patientID == patient } }

    /// Where a signed-in person starts: charge nurses on the overview, everyone else on the ward list.
    static func landing(for staff: StaffMember) -> [Screen] {
        if staff.role.may(.viewSite) { return [.site(SiteState())] }
        return staff.role == .chargeNurse ? [.wardList(WardListState()), .overview(OverviewState())] : [.wardList(WardListState())]
    }
}
