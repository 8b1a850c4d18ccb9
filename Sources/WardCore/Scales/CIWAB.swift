extension ScaleDefinition {
    /// CIWA-B (Busto, Sykora & Sellers 1989): 20 items rated 0–4, total 0–80.
    /// Items a–m from a clinical CIWA-B form; n–t UNCONFIRMED (facts.md §1.2).
    public static let ciwaB: ScaleDefinition = {
        let a: [Int: String] = [0: "none", 1: "mild", 2: "moderate", 3: "severe", 4: "very severe"]
        func item(_ k: String, _ l: String, _ r: Rater = .patient, confirmed: Bool = true) -> ScaleItem {
            ScaleItem(key: k, label: l, rater: r, range: 0...4, anchors: a,
                      status: confirmed ? "CONFIRMED on a clinical form [S2]" : "UNCONFIRMED (facts.md §1.2)")
        }
        return ScaleDefinition(kind: .ciwaB, name: "CIWA-B", items: [
            item("a", "Irritable"),
            item("b", "Tired / fatigued"),
            item("c", "Tense"),
            item("d", "Loss of appetite"),
            item("e", "Numbness (face, hands)"),
            item("f", "Heart racing (palpitations)"),
            item("g", "Head feels full / achy"),
            item("h", "Difficulty concentrating"),
            item("i", "Muscle aches / cramps / stiffness"),
            item("j", "Anxious (nervous, jittery)"),
            item("k", "Upset"),
            item("l", "Sleep not restful last night"),
            item("m", "Weak"),
            item("n", "Did not get enough sleep last night", confirmed: false),
            item("o", "Visual disturbances (light, blurred)", confirmed: false),
            item("p", "Fearful", confirmed: false),
            item("q", "Worrying about possible misfortunes", confirmed: false),
            item("r", "Observed: sweating, restlessness, agitation", .observer, confirmed: false),
            item("s", "Observed: tremor", .observer, confirmed: false),
            item("t", "Observed: palms felt for sweating", .observer, confirmed: false),
        ], source: "Busto UE, Sykora K, Sellers EM. J Clin Psychopharmacol 1989;9(6):412-6 [S1]; item wording [S2]")
    }()
}
