import WardCore

extension WithdrawalScoreForm {
    /// The lowest and highest score of any item of a scale ("0-4", "0-7"), from the published instrument.
    static func scoreLabel(_ scale: ScaleDefinition) -> String {
        let low = scale.items.map(\.range.lowerBound).min() ?? 0, high = scale.items.map(\.range.upperBound).max() ?? 0
        return "\(low)-\(high)"
    }

    /// What the score keys do on a withdrawal form, read from the instrument: its anchors when every
    /// item shares them (CIWA-B: "0 none … 4 very severe"), else its range, the items scored on a
    /// shorter one, and where the item's own anchors are (CIWA-Ar).
    static func scoreHelp(_ scale: ScaleDefinition) -> String {
        guard let first = scale.items.first else { return "Score the current item" }
        if scale.items.allSatisfy({ $0.range == first.range && $0.anchors == first.anchors }),
           let low = first.anchors[first.range.lowerBound], let high = first.anchors[first.range.upperBound] {
            return "Score the current item: \(first.range.lowerBound) \(low) … \(first.range.upperBound) \(high)"
        }
        let low = scale.items.map(\.range.lowerBound).min() ?? 0, high = scale.items.map(\.range.upperBound).max() ?? 0
        let shorter = scale.items.filter { $0.range != low...high }
            .map { "\($0.label): \($0.range.lowerBound) to \($0.range.upperBound)" }
        return "Score the current item: \(low) to \(high)" + (shorter.isEmpty ? "" : " (\(shorter.joined(separator: "; ")))")
            + "; the form shows what each score of the current item means"
    }

    /// The CIWA-B and CIWA-Ar forms: item scores, moving, the dose gate; the score range, the
    /// anchors and the scale's name differ.
    static func keys(_ scale: ScaleDefinition) -> [KeyBinding] {
        [
            KeyBinding(chars("0123456789"), .score, label: scoreLabel(scale), help: scoreHelp(scale)),
        ] + moving("Go to the item above", "Go to the item below (after the last item: the summary line)") + [
            KeyBinding([.key(.backspace), .key(.delete)], .previousItem, label: "Bksp", inLegend: false,
                       help: "Go back one item to change its score"),
            KeyBinding([.key(.enter)], .save, label: "Enter",
                       help: "On an item: go to the summary line; on the summary line: save the \(scale.name)"),
            KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave",
                       help: "Leave the form (asks before throwing away scores)"),
            KeyBinding(chars("y"), .gateYes, label: "y", inLegend: false),
            KeyBinding(chars("nucb"), .gateNo, label: "n", inLegend: false),
            KeyBinding(chars("r"), .observerScale, label: "r", inLegend: false),
        ]
    }
}
