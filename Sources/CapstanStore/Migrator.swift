import CapstanCore
import Foundation
import Logging
import SQLKit

/// Applies `Migrations.all` with GRDB's rules: each migration in its own transaction, the names of applied
/// migrations kept in the database itself (`capstan_migrations`), and a database that knows a migration this
/// build does not is refused before anything runs.
struct Migrator: Sendable {
    static let table = "capstan_migrations"

    let executor: any SQLExecutor
    let migrations: [Migration]
    let logger: Logger

    /// Applies what is missing, in order, and returns the names applied now.
    func migrate() async throws -> [String] {
        let applied = try await self.executor.write { sql in
            try await sql.create(table: Self.table)
                .ifNotExists()
                .column("name", type: .text, .primaryKey(autoIncrement: false))
                .column("applied_at", type: .bigint, .notNull)
                .run()
            return try await Self.names(on: sql)
        }
        try self.refuseUnknown(applied)
        var ran: [String] = []
        for migration in self.migrations where !applied.contains(migration.name) {
            let didRun = try await self.executor.write { sql in
                // Another process may have applied it since the names were read: the write lock settles who.
                let current = try await Self.names(on: sql)
                if current.contains(migration.name) { return false }
                do {
                    try await migration.apply(sql)
                } catch {
                    throw StoreError.migrationFailed(name: migration.name, reason: String(describing: error))
                }
                try await sql.insert(into: Self.table)
                    .columns("name", "applied_at")
                    .values(migration.name, Date.now.storedMilliseconds)
                    .run()
                return true
            }
            if didRun {
                self.logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
                ran.append(migration.name)
            }
        }
        return ran
    }

    /// Names of applied migrations in name order; empty for a database never migrated.
    func applied() async throws -> [String] {
        try await self.executor.read { sql in
            guard try await self.executor.tableExists(Self.table, on: sql) else { return [] }
            return try await Self.names(on: sql)
        }
    }

    private func refuseUnknown(_ applied: [String]) throws {
        let known = Set(self.migrations.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw StoreError.databaseNewer(unknownMigrations: unknown.sorted())
        }
    }

    private static func names(on sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("name").from(Self.table).orderBy("name").all(decodingColumn: "name", as: String.self)
    }
}
