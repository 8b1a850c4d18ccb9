import WardCore

/// The overview's columns, and which are dropped first when the terminal is
/// narrow. Documented order (docs/charge-nurse.md): nurse, trend, 24-h DE,
/// detox day, score age, handover mark, doses, sedation — the patient column
/// narrows to 14 before doses or sedation go. Bed, patient, withdrawal score,
/// NEWS2, next check and alerts are always shown.
public enum OverviewColumn: String, Sendable, Hashable, CaseIterable {
    case bed, handover, patient, day, de, withdrawal, age, trend, news2, sedation, next, doses, alerts, nurse

    public var title: String {
        switch self {
        case .bed: "Bed"; case .handover: "H/O"; case .patient: "Patient"; case .day: "Day"; case .de: "DE 24h"; case .withdrawal: "Withdrawal"
        case .age: "Scored"; case .trend: "Trend 24h"; case .news2: "NEWS2"; case .sedation: "Sedation"; case .next: "Next check"
        case .doses: "Doses"; case .alerts: "Alerts"; case .nurse: "Nurse"
        }
    }
    var width: Int {
        switch self {
        case .bed: 4; case .handover: 3; case .patient: 18; case .day: 3; case .de: 6; case .withdrawal: 14; case .age: 6; case .trend: 9
        case .news2: 6; case .sedation: 8; case .next: 10; case .doses: 7; case .alerts: 7; case .nurse: 14
        }
    }
    var rightAligned: Bool { self == .day || self == .de }
    /// Dropped first → last when the width is short.
    public static let dropOrder: [OverviewColumn] = [.nurse, .trend, .de, .day, .age, .handover, .doses, .sedation]
    static let maxPatientWidth = 28
    /// The patient column gives way to this before the doses or sedation column is dropped
    /// (at 80 columns every safety column stays; the bed and the chart name the patient in full).
    static let minPatientWidth = 14
}

/// Where everything goes at one terminal size.
public struct OverviewLayout: Sendable, Hashable {
    public var size: Size
    public var columns: [OverviewColumn]
    public var widths: [OverviewColumn: Int]
    public var bedRows: Int
    public var alertLines: Int

    public init(size: Size) {
        self.size = size
        let body = max(4, size.rows - 4)                 // title, header, message, status
        alertLines = max(2, min(8, body / 4))
        bedRows = max(1, body - alertLines - 1)
        var cols = OverviewColumn.allCases
        func need(_ c: [OverviewColumn]) -> Int { 2 + c.reduce(0) { $0 + $1.width + 1 } }
        let shrink = OverviewColumn.patient.width - OverviewColumn.minPatientWidth
        for d in OverviewColumn.dropOrder where need(cols) > size.cols {
            // The safety columns (doses, sedation) stay while a narrower patient column makes room.
            if (d == .doses || d == .sedation), need(cols) - shrink <= size.cols { break }
            cols.removeAll { $0 == d }
        }
        columns = cols
        var w = Dictionary(uniqueKeysWithValues: cols.map { ($0, $0.width) })
        w[.patient] = min(OverviewColumn.maxPatientWidth, max(OverviewColumn.minPatientWidth,
                                                               OverviewColumn.patient.width + size.cols - need(cols)))
        widths = w
    }

    /// Names fitted to the column; where two fitted names would read the
    /// same, each is shortened further and ends with its MRN's last digits.
    public static func names(_ rows: [OverviewRow], width: Int) -> [String: String] {
        var out: [String: String] = [:]
        var byFitted: [String: [OverviewRow]] = [:]
        for r in rows { if let p = r.patient { byFitted[Text.fit(p.name, width), default: []].append(r) } }
        for (fitted, group) in byFitted {
            for r in group {
                guard let p = r.patient else { continue }
                if group.count > 1 {
                    let tag = " #" + String(p.mrn.suffix(4))
                    out[r.bed] = Text.fit(p.name, max(4, width - Text.width(tag))) + tag
                } else {
                    out[r.bed] = fitted
                }
            }
        }
        return out
    }
}
