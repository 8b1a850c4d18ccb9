extension ScaleDefinition {
    /// Every item-scored instrument Wardline knows, by kind.
    public static let catalog: [ScaleKind: ScaleDefinition] = [
        .ciwaB: .ciwaB,
    ]
}
