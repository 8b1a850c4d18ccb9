import Foundation
import GRDB
import WardCore

/// Placeholder: the ward store (GRDB/SQLite). Built out by the foundation work.
public final class WardStoreBootstrap: Sendable {
    public init() {}
}
