import WardCore

/// The dose gate on a withdrawal form's summary: may this score guide a dose?
enum GateView {
    static func draw(_ s: inout Surface, y: Int, state: AppState, f: CIWABForm) {
        let observer = state.wardProtocol.appropriateness.observerScale.displayName
        switch f.gate {
        case .unanswered:
            var x = 1
            x += s.put("DOSE GATE: recent use confirmed AND able to communicate? ", x: x, y: y, role: .alertInfo, emphasis: .bold)
            s.put(fit: "y yes · n no · Enter saves for monitoring", x: x, y: y, width: max(0, s.width - x - 1), role: .keyHint, emphasis: .bold)
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
