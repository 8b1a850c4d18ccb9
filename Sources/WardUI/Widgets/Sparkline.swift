/// A one-row trend of totals: one character per value, scaled to the
/// instrument's whole range so the height means the same on every chart.
public enum Sparkline {
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let ascii: [Character] = ["_", ".", "-", ":", "=", "+", "*", "#"]

    /// Oldest first; keeps the newest `width` values.
    public static func render(_ values: [Int], range: ClosedRange<Int>, width: Int, asciiOnly: Bool) -> String {
        let glyphs = asciiOnly ? ascii : blocks
        let span = max(1, range.upperBound - range.lowerBound)
        let shown = values.suffix(max(0, width))
        return String(shown.map { v in
            let clamped = min(max(v, range.lowerBound), range.upperBound) - range.lowerBound
            return glyphs[min(glyphs.count - 1, clamped * glyphs.count / (span + 1))]
        })
    }
}
