import WardCore

/// The dose gate on a withdrawal form's summary: may this score guide a dose?
enum GateView {
    static func draw(_ s: inout Surface, y: Int, state: AppState, f: WithdrawalScoreForm) {
        let observer = state.wardProtocol.appropriateness.observerScale.displayName
        switch f.gate {
        case .unanswered:
            // Said whole at 80 columns too: the question and its keys must never be cut off.
            let (question, keys) = s.width >= 100
                ? ("DOSE GATE: recent use confirmed AND able to communicate? ", "y yes · n no · Enter saves for monitoring")
                : ("DOSE GATE: recent use confirmed, can communicate? ", "y/n · Enter: monitoring only")
            var x = 1
            x += s.put(question, x: x, y: y, role: .alertInfo, emphasis: .bold)
            x += s.put(fit: keys, x: x, y: y, width: max(0, s.width - x - 1), role: .keyHint, emphasis: .bold)
            // What the admission record says, by drug name or synonym, where there is room for it.
            let p = state.wardProtocol
            let named = (state.ward?.patient(f.patientID)?.substances ?? [])
                .flatMap { p.doseSafety.drugs(in: $0.substance, equivalence: p.equivalence) }
            let hint = named.isEmpty ? "  (admission record: no benzodiazepine named)" : "  (admission record: \(named.joined(separator: ", ")))"
            if x + Text.width(hint) < s.width { s.put(hint, x: x, y: y, role: .muted) }
        case .askingWhichNo:
            s.put(fit: "DOSE GATE: which is no?  u recent use not confirmed · c cannot communicate · b both",
                  x: 1, y: y, width: s.width - 2, role: .alertWarning, emphasis: .bold)
        case .answered(let a):
            let d = state.wardProtocol.appropriateness.evaluate(recentUseConfirmed: a.recentUseConfirmed, canCommunicate: a.canCommunicate)
            let text = d.scaleMayGuideDosing
                ? "DOSE GATE passed: this score may guide the dose decision."
                : "MONITORING ONLY: not for a dose decision. Enter saves · r scores \(observer) instead."
            s.put(fit: text, x: 1, y: y, width: s.width - 2, role: d.scaleMayGuideDosing ? .saved : .alertWarning, emphasis: .bold)
        }
    }
}
