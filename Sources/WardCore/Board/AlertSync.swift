import Foundation

/// One terminal's word on which alerts are open, for the alert log: what it
/// found open, the moment it evaluated them (its own `now`, which may be a
/// tick old), the snapshot it evaluated, and the episodes that snapshot's
/// log held as open.
///
/// The store takes it as evidence about that moment only: an episode is
/// cleared on a terminal's word only when the terminal saw it logged
/// (`known`) and evaluated no earlier than it was raised. A terminal that
/// evaluated before another one raised an alert cannot say it has gone.
public struct AlertSync: Sendable, Hashable {
    public var open: [WardAlert]
    public var evaluatedAt: Date
    public var snapshotVersion: Int
    /// Episodes logged as open in the snapshot evaluated (`AlertLog.open`).
    public var known: Set<AlertEpisode>

    public init(open: [WardAlert], evaluatedAt: Date, snapshotVersion: Int, known: Set<AlertEpisode>) {
        self.open = open; self.evaluatedAt = evaluatedAt; self.snapshotVersion = snapshotVersion; self.known = known
    }

    /// The alerts `open` at `evaluatedAt`, computed from `snapshot`.
    public init(open: [WardAlert], evaluatedAt: Date, snapshot: WardSnapshot) {
        self.init(open: open, evaluatedAt: evaluatedAt, snapshotVersion: snapshot.version, known: snapshot.alertLog.open)
    }

    /// Logged episodes this evaluation does not find open: clearances it asks for.
    public var missing: Set<AlertEpisode> { known.subtracting(open.map(\.id)) }
}
