import Foundation
import WardCore

/// The site view: a header, one row per ward, the time the figures were read.
enum SiteView {
    /// The columns: title, width, right-aligned. The ward's name takes what the width leaves.
    static let fixed: [(String, Int, Bool)] = [("Ward", 10, false), ("Beds", 4, true), ("In", 3, true), ("Free", 4, true),
                                                ("Crit", 4, true), ("Alerts", 6, true), ("Overdue", 7, true),
                                                ("Unsigned", 8, true), ("Accepted", 9, false)]

    static func rows(_ size: Size) -> Int { max(1, size.rows - 5) }

    static func draw(_ s: inout Surface, _ app: AppState, _ st: SiteState) {
        let rows = app.sortedSite(st)
        let wards = rows.count
        Chrome.titleBar(&s, app, subtitle: "Site · \(wards) ward\(wards == 1 ? "" : "s") · sorted by \(st.sort.title)")
        guard app.siteRows != nil else {
            s.put("Reading every ward…", x: 1, y: 2, role: .muted)
            return
        }
        var cells = fixed
        cells[0].1 = max(4, min(16, rows.map(\.ward.code.count).max() ?? 4))   // codes are up to 31 characters
        let nameWidth = max(0, s.width - 2 - cells.reduce(0) { $0 + $1.1 + 1 } - 1)
        if nameWidth >= 8 { cells.insert(("Name", nameWidth, false), at: 1) }
        s.fill(Rect(x: 0, y: 1, width: s.width, height: 1), role: .header)
        var x = 2
        for (t, w, r) in cells {
            s.put(r ? Text.right(t, w) : Text.pad(t, w), x: x, y: 1, role: .header, emphasis: .bold)
            x += w + 1
        }
        let top = 2, shown = Self.rows(s.size)
        let sel = rows.firstIndex { $0.ward.code == st.selected } ?? 0
        let first = rows.count <= shown ? 0 : max(0, min(sel - shown / 2, rows.count - shown))
        for (i, r) in rows.enumerated().dropFirst(first).prefix(shown) {
            let y = top + i - first
            let selected = i == sel
            if selected {
                s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .selection)
                s.put(app.asciiOnly ? ">" : "▶", x: 0, y: y, role: .selection, emphasis: .bold)
            }
            var x = 2
            for (title, w, right) in cells {
                let (text, role) = cell(title, r, app)
                x += s.put(right ? Text.right(text, w) : Text.pad(text, w), x: x, y: y, role: selected ? .selection : (role ?? .text)) + 1
            }
        }
        if first > 0 { s.put("▲", x: s.width - 1, y: top, role: .muted) }
        if first + shown < rows.count { s.put("▼", x: s.width - 1, y: top + shown - 1, role: .muted) }
        if let at = app.siteLoadedAt {
            let totals = "In \(rows.reduce(0) { $0 + $1.census }) · free \(rows.reduce(0) { $0 + $1.free }) · critical \(rows.reduce(0) { $0 + $1.critical })"
            let reading = rows.filter(\.reading).count
            let when = reading > 0 ? "reading \(reading) more ward\(reading == 1 ? "" : "s")…" : "read \(DoseText.clock(at, app.calendar)) (every second, read-only)"
            s.put(fit: "\(totals) · \(when)", x: 1, y: s.height - 3,
                  width: s.width - 2, role: .muted)
        }
    }

    /// One cell's text and role (nil: plain).
    static func cell(_ column: String, _ r: SiteRow, _ app: AppState) -> (String, SemanticRole?) {
        if r.reading {
            return column == "Name" ? ("\(r.ward.name) (reading…)", .muted) : (column == "Ward" ? r.ward.code : "…", .muted)
        }
        if let problem = r.problem, column != "Ward" && column != "Name" {
            return column == "Beds" ? ("!", .alertWarning) : (column == "Accepted" ? "unread" : "", .alertWarning)
        }
        switch column {
        case "Ward": return (r.ward.code, nil)
        case "Name": return (r.problem.map { "\(r.ward.name): \($0)" } ?? r.ward.name, r.problem == nil ? nil : .alertWarning)
        case "Beds": return (String(r.beds), nil)
        case "In": return (String(r.census), nil)
        case "Free": return (String(r.free), r.free == 0 ? .alertWarning : nil)
        case "Crit": return (r.critical == 0 ? "0" : "\(r.critical)", r.critical > 0 ? .alertCritical : .muted)
        case "Alerts": return (String(r.alerts), r.alerts > 0 ? .alertWarning : .muted)
        case "Overdue": return (String(r.overdue), r.overdue > 0 ? .alertWarning : .muted)
        case "Unsigned": return (String(r.unsignedOverrides), r.unsignedOverrides > 0 ? .alertWarning : .muted)
        case "Accepted":
            guard r.census > 0 else { return ("—", .muted) }
            // Accepted of the patients in; "+nH" handed over and awaiting acceptance.
            return ("\(r.accepted)/\(r.census)" + (r.handedOver > 0 ? " +\(r.handedOver)H" : ""),
                    r.accepted == r.census ? .saved : (r.handedOver > 0 ? .alertInfo : .muted))
        default: return ("", nil)
        }
    }
}
