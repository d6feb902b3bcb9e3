/// Persistence for the assets the anchor serves. Each method is one database transaction.
public protocol AssetStore: Sendable {
    /// Every asset, ordered by code.
    func all() async throws -> [Asset]
    /// The asset with exactly this code, or `nil`.
    func asset(code: String) async throws -> Asset?
    /// Adds an asset; a code that already exists throws `StoreError.duplicate`.
    func insert(_ asset: Asset) async throws
    /// Replaces the asset with the same code; an unknown code throws `StoreError.notFound`.
    func update(_ asset: Asset) async throws
}
