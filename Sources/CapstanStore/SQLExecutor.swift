import SQLKit

/// The seam between the store adapters and one database engine: reads, writes inside a transaction, and the few
/// questions whose answer depends on the engine. Everything above it is plain SQLKit, shared by SQLite and PostgreSQL.
///
/// A body must use only the `SQLDatabase` it is given: calling back into the executor from inside `write` would wait
/// for the one writer connection it already holds, and a nested `read` would not see the uncommitted rows.
protocol SQLExecutor: Sendable {
    /// Runs `body` on a connection that may only read. Single statements need nothing more; several statements
    /// that must agree belong in `write` (or, later, a read transaction).
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in one database transaction: committed when it returns, rolled back when it throws.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Whether `error` is the engine's unique or primary-key violation.
    func isUniqueViolation(_ error: any Error) -> Bool
    /// Whether a table exists, without creating it.
    func tableExists(_ name: String, on sql: any SQLDatabase) async throws -> Bool
    /// Finishes the work in hand, refuses new work and releases every connection.
    func close() async throws
}
