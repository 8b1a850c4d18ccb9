extension ScaleDefinition {
    /// CIWA-Ar (Sullivan et al. 1989): nine items 0–7 and orientation 0–4,
    /// total 0–67 [S8][S12][S16]. Public domain [S8]. An alcohol-withdrawal scale.
    public static let ciwaAr: ScaleDefinition = {
        func item(_ k: String, _ l: String, _ r: Rater, _ a: [Int: String]) -> ScaleItem {
            ScaleItem(key: k, label: l, rater: r, range: 0...7, anchors: a, status: "CONFIRMED [S8][S12][S16]")
        }
        let hallucination: (String) -> [Int: String] = { what in [
            0: "none", 1: "very mild \(what)", 2: "mild \(what)", 3: "moderate \(what)",
            4: "moderately severe hallucinations", 5: "severe hallucinations",
            6: "extremely severe hallucinations", 7: "continuous hallucinations",
        ] }
        return ScaleDefinition(kind: .ciwaAr, name: "CIWA-Ar", items: [
            item("nausea", "Nausea / vomiting", .patient, [
                0: "no nausea and no vomiting", 1: "mild nausea with no vomiting",
                4: "intermittent nausea with dry heaves", 7: "constant nausea, frequent dry heaves and vomiting"]),
            item("tremor", "Tremor (arms extended, fingers spread)", .observer, [
                0: "no tremor", 1: "not visible, but can be felt fingertip to fingertip",
                4: "moderate, with arms extended", 7: "severe, even with arms not extended"]),
            item("sweats", "Paroxysmal sweats", .observer, [
                0: "no sweat visible", 1: "barely perceptible sweating, palms moist",
                4: "beads of sweat obvious on forehead", 7: "drenching sweats"]),
            item("anxiety", "Anxiety", .patient, [
                0: "no anxiety, at ease", 1: "mildly anxious",
                4: "moderately anxious, or guarded, so anxiety is inferred",
                7: "equivalent to acute panic states"]),
            item("agitation", "Agitation", .observer, [
                0: "normal activity", 1: "somewhat more than normal activity",
                4: "moderately fidgety and restless", 7: "paces back and forth, or constantly thrashes about"]),
            item("tactile", "Tactile disturbances", .patient, hallucination("itching, pins and needles, burning or numbness")),
            item("auditory", "Auditory disturbances", .patient, hallucination("harshness or ability to frighten")),
            item("visual", "Visual disturbances", .patient, hallucination("sensitivity")),
            item("headache", "Headache / fullness in head", .patient, [
                0: "not present", 1: "very mild", 2: "mild", 3: "moderate", 4: "moderately severe",
                5: "severe", 6: "very severe", 7: "extremely severe"]),
            ScaleItem(key: "orientation", label: "Orientation / clouding of sensorium", rater: .patient, range: 0...4, anchors: [
                0: "oriented and can do serial additions",
                1: "cannot do serial additions or is uncertain about date",
                2: "disoriented for date by no more than 2 calendar days",
                3: "disoriented for date by more than 2 calendar days",
                4: "disoriented for place and/or person"], status: "CONFIRMED [S12]"),
        ], source: "Sullivan JT et al. Br J Addict 1989;84:1353-7; items and anchors [S8][S12][S16]")
    }()

    /// BWSQ (Tyrer, Murphy & Riley 1990): 20 self-report items [S17]. The
    /// item wording was not reachable and the 0…itemMax scoring is a protocol
    /// setting (UNCONFIRMED, facts.md 3).
    public static func bwsq(itemMax: Int) -> ScaleDefinition {
        var anchors: [Int: String] = [0: "no"]
        if itemMax == 2 { anchors[1] = "yes, moderate"; anchors[2] = "yes, severe" }
        let items = (1...20).map { n in
            ScaleItem(key: "\(n)", label: "BWSQ item \(n)", rater: .patient, range: 0...itemMax, anchors: anchors,
                      status: "UNCONFIRMED wording and scoring (facts.md 3)")
        }
        return ScaleDefinition(kind: .bwsq, name: "BWSQ", items: items,
                               source: "Tyrer P, Murphy S, Riley P. J Affect Disord 1990 [S17]")
    }
}
