import SQLKit

/// One named, append-only schema change. Shipped migrations are never edited: a fix is a new migration.
struct Migration: Sendable {
    /// `NNNN_what`, e.g. `0001_assets`; the order of `Migrations.all` is the order of application.
    let name: String
    let apply: @Sendable (any SQLDatabase) async throws -> Void

    init(_ name: String, apply: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.name = name
        self.apply = apply
    }
}
