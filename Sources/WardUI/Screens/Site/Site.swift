import Foundation
import WardCore

/// The hospital's site view (issue 19): one row per ward — census, free beds, critical alerts,
/// overdue checks, unsigned overrides, handover — read again every second while it is shown.
public struct SiteState: Sendable, Hashable {
    public var sort: SiteOverview.Sort = .risk
    /// The selected ward's code (kept across re-sorts and reloads).
    public var selected: String?
    public init() {}
}

extension SiteState: ScreenComponent {
    var screen: Screen { .site(self) }
    var keyContext: KeyContext { .site }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard let action else { return [] }
        let rows = app.sortedSite(self)
        let at = rows.firstIndex { $0.ward.code == selected } ?? 0
        switch action {
        case .moveUp: selected = rows.indices.contains(at - 1) ? rows[at - 1].ward.code : rows.first?.ward.code
        case .moveDown: selected = rows.indices.contains(at + 1) ? rows[at + 1].ward.code : rows.last?.ward.code
        case .pageUp, .pageDown:
            let page = SiteView.rows(app.size) * (action == .pageUp ? -1 : 1)
            if !rows.isEmpty { selected = rows[max(0, min(rows.count - 1, at + page))].ward.code }
        case .first: selected = rows.first?.ward.code
        case .last: selected = rows.last?.ward.code
        case .open:
            guard let row = rows.indices.contains(at) ? rows[at] : nil, let session = app.session else { return [] }
            guard row.problem == nil else {
                app.flash = Flash("Ward \(row.ward.code) could not be read: \(row.problem ?? "")", role: .error)
                return []
            }
            selected = row.ward.code
            app.flash = Flash("Opening \(row.ward.name) (read-only)…", role: .alertInfo)
            return [.loadViewedWard(row.ward, session: session)]
        case .cycleSort:
            sort = sort.next
            app.flash = Flash("Sorted by \(sort.title).", role: .alertInfo)
        case .quit:
            app.quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { SiteView.draw(&s, app, self) }
}

extension AppState {
    /// The site's rows in the screen's order.
    func sortedSite(_ s: SiteState) -> [SiteRow] { SiteOverview.sorted(siteRows ?? [], by: s.sort) }

    /// While the site view is on top: read every ward again once a second (one read at a time); while
    /// a ward opened from it is shown, that ward.
    mutating func refreshSite() -> [Effect] {
        guard gate == nil, let session, !siteLoading, stack.contains(where: { if case .site = $0 { true } else { false } }) else { return [] }
        if let at = siteLoadedAt, now.timeIntervalSince(at) < SiteState.refreshSeconds { return [] }
        if let viewing {
            siteLoadedAt = now
            return [.loadViewedWard(viewing, session: session)]
        }
        guard case .site = stack.last else { return [] }
        siteLoading = true
        return [.loadSite(session: session)]
    }

    /// A ward opened from the site view: its overview, read-only, over the site view (or its newer
    /// reading, while it is shown).
    mutating func showViewedWard(_ w: HospitalWard, _ snapshot: WardSnapshot, _ proto: WardProtocol) -> [Effect] {
        if viewing == nil {
            guard case .site = stack.last else { return [] }   // left meanwhile
            siteProtocol = wardProtocol
            viewing = w
            seenCritical = nil
            stack.append(.overview(OverviewState()))
            flash = Flash("\(w.name), read-only: Esc goes back to the site view.", role: .alertInfo)
        } else if viewing?.code != w.code {
            return []
        }
        ward = snapshot
        wardProtocol = proto
        siteLoadedAt = now
        clampSelections()
        return refreshBoard()
    }

    /// Back on the site view from a ward opened read-only: the site's own protocol and ward again.
    mutating func leaveViewedWardIfBack() -> [Effect] {
        guard viewing != nil, case .site = stack.last else { return [] }
        viewing = nil
        if let siteProtocol { wardProtocol = siteProtocol }
        siteProtocol = nil
        ward = nil
        seenCritical = nil
        siteLoadedAt = nil
        return [.loadWard]
    }
}

extension SiteState {
    /// How often the site view reads the wards again: the issue's "live (≤ 1 s)" (not a clinical number).
    static let refreshSeconds: TimeInterval = 1
    /// How long one read of the site may take before the screen shows the wards read so far (it reads on at once).
    public static let firstPaintSeconds: TimeInterval = 0.15
}
