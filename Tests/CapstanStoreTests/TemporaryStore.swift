import Foundation
import Logging
import SQLKit
@testable import CapstanStore

/// A store on a fresh SQLite file in its own temporary directory, removed afterwards.
enum TemporaryStore {
    static let logger = Logger(label: "capstan.store.tests")

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-store-\(UUID().uuidString)", isDirectory: true)
        return url
    }

    /// Opens a store on `file` inside a new directory (created by the store itself), runs `body`, closes, cleans up.
    static func with(migrated: Bool = true, _ body: (SQLStore, String) async throws -> Void) async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nested/capstan.sqlite").path
        let store = try await SQLStore.openSQLite(path: path, logger: Self.logger)
        do {
            if migrated { try await store.migrate() }
            try await body(store, path)
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }
}

extension SQLStore {
    /// Test-only raw access: one row of a raw query as text, through a reader connection.
    func rawText(_ query: SQLQueryString, column: String) async throws -> String? {
        try await self.executor.read { sql in
            try await sql.raw(query).first(decodingColumn: column, as: String?.self) ?? nil
        }
    }

    /// Test-only raw write, in its own transaction.
    func rawWrite(_ query: SQLQueryString) async throws {
        try await self.executor.write { sql in try await sql.raw(query).run() }
    }
}
