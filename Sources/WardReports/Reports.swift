import WardCore

/// Placeholder: handover and downtime printouts.
public enum ReportsBootstrap {}
