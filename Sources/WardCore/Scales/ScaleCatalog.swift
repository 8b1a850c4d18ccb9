extension ScaleDefinition {
    /// Every item-scored instrument whose items are fixed by publication, by
    /// kind. BWSQ's item scoring is a protocol setting: use
    /// `WardProtocol.definition(.bwsq)`.
    public static let catalog: [ScaleKind: ScaleDefinition] = [
        .ciwaB: .ciwaB,
        .ciwaAr: .ciwaAr,
    ]
}
