import WardCore

/// How the handover derives I-PASS illness severity from what Wardline
/// records today (CIWA-B only; NEWS2 and sedation join when they land).
///
/// The rule works on the protocol's band *level* (0 = lowest concern … 3 =
/// highest), never on a raw total, so the ward's protocol decides which
/// totals fall in which band:
/// - latest current CIWA-B in a level-0 band → stable
/// - level 1 → watcher
/// - level 2 or 3 → unstable
/// - the latest CIWA-B is from before the shift → at least watcher (nobody
///   is "stable" on a previous shift's score);
/// - no CIWA-B on record, or a total outside every band → watcher (nobody
///   is "stable" on no data).
/// A nurse may override the result with a reason; the printout shows both.
public enum SeverityRule {
    /// The concern levels of `SeverityBand.level`, by the I-PASS word they map to.
    public static let levelMap: [Int: IllnessSeverity] = [0: .stable, 1: .watcher, 2: .unstable, 3: .unstable]

    public static func severity(forBandLevel level: Int) -> IllnessSeverity {
        if let s = levelMap[level] { return s }
        // A protocol with more levels than the four known: above the map is unstable.
        return level > (levelMap.keys.max() ?? level) ? .unstable : .watcher
    }
}

extension IllnessSeverity {
    /// The WardCore severity level (the `[severity]` rule) as the handover's word.
    public init(_ level: RiskLevel) {
        switch level {
        case .stable: self = .stable
        case .watcher: self = .watcher
        case .unstable: self = .unstable
        }
    }
}
