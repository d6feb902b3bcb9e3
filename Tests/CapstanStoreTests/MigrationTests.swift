import CapstanCore
import Foundation
import SQLKit
import Testing
@testable import CapstanStore

@Suite struct MigrationTests {
    @Test func namesAreNumberedInOrderAndUnique() {
        let names = SQLStore.knownMigrations
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        for (index, name) in names.enumerated() {
            #expect(name.hasPrefix(String(format: "%04d_", index + 1)), "\(name)")
            #expect(name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, "\(name)")
        }
    }

    @Test func applyOnceAndAreRecorded() async throws {
        try await TemporaryStore.with(migrated: false) { store, path in
            #expect(try await store.appliedMigrations() == [])
            #expect(try await store.migrate() == ["0001_assets", "0002_transactions", "0003_transaction_status_history", "0004_plugin_kv",
                "0005_transaction_claims", "0006_callback_outbox", "0007_withdraw_memo_counters", "0008_customer_callback_outbox",
                "0009_stellar_submissions", "0010_ledger_cursors", "0011_transactions_listing_index", "0012_plugin_notification_outbox",
            ])
            #expect(try await store.appliedMigrations() == SQLStore.knownMigrations)
            #expect(try await store.migrate() == [])
            let recorded = try await store.rawText("SELECT COUNT(*) AS n FROM capstan_migrations WHERE applied_at > 0", column: "n")
            #expect(recorded == String(SQLStore.knownMigrations.count))
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func survivesReopening() async throws {
        let directory = try TemporaryStore.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("capstan.sqlite").path
        let first = try await SQLStore.openSQLite(path: path, logger: TemporaryStore.logger)
        try await first.migrate()
        try await first.assets.insert(Asset(code: "USDC"))
        try await first.close()
        let second = try await SQLStore.openSQLite(path: path, logger: TemporaryStore.logger)
        #expect(try await second.migrate() == [])
        #expect(try await second.assets.asset(code: "USDC") != nil)
        try await second.close()
    }

    @Test func refusesADatabaseMigratedByANewerBuild() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.rawWrite("INSERT INTO capstan_migrations (name, applied_at) VALUES ('0099_future', 1), ('0042_later', 2)")
            await #expect(throws: StoreError.databaseNewer(unknownMigrations: ["0042_later", "0099_future"])) {
                try await store.migrate()
            }
        }
    }

    @Test func refusesBeforeApplyingAnything() async throws {
        try await TemporaryStore.with(migrated: false) { store, _ in
            try await store.rawWrite("CREATE TABLE capstan_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)")
            try await store.rawWrite("INSERT INTO capstan_migrations (name, applied_at) VALUES ('0005_unknown', 1)")
            await #expect(throws: StoreError.databaseNewer(unknownMigrations: ["0005_unknown"])) {
                try await store.migrate()
            }
            #expect(try await store.appliedMigrations() == ["0005_unknown"])
            let tables = try await store.rawText("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'assets'", column: "n")
            #expect(tables == "0")
        }
    }

    @Test func aFailingMigrationRollsBackAndKeepsEarlierOnes() async throws {
        try await TemporaryStore.with(migrated: false) { store, _ in
            let migrations = [
                Migration("0001_good") { sql in try await sql.create(table: "good").column("id", type: .int).run() },
                Migration("0002_bad") { sql in
                    try await sql.create(table: "half_done").column("id", type: .int).run()
                    try await sql.raw("THIS IS NOT SQL").run()
                },
            ]
            let migrator = Migrator(executor: store.executor, migrations: migrations, logger: TemporaryStore.logger)
            await #expect {
                try await migrator.migrate()
            } throws: { error in
                guard case StoreError.migrationFailed(name: "0002_bad", reason: let reason) = error else { return false }
                return reason.contains("syntax error")
            }
            #expect(try await migrator.applied() == ["0001_good"])
            let leftover = try await store.rawText("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half_done'", column: "n")
            #expect(leftover == "0")
        }
    }

    @Test func connectionsUseWALAndTheConfiguredPragmas() async throws {
        try await TemporaryStore.with { store, _ in
            #expect(try await store.rawText("PRAGMA journal_mode", column: "journal_mode") == "wal")
            #expect(try await store.rawText("PRAGMA foreign_keys", column: "foreign_keys") == "1")
            #expect(try await store.rawText("PRAGMA synchronous", column: "synchronous") == "1")     // NORMAL
            #expect(try await store.rawText("PRAGMA busy_timeout", column: "timeout") == "5000")
            let written = try await store.executor.write { sql in
                try await sql.raw("PRAGMA journal_mode").first(decodingColumn: "journal_mode", as: String.self)
            }
            #expect(written == "wal")
        }
    }

    @Test func readerConnectionsCannotWrite() async throws {
        try await TemporaryStore.with { store, _ in
            await #expect(throws: (any Error).self) {
                try await store.executor.read { sql in try await sql.raw("DELETE FROM assets").run() }
            }
        }
    }

    @Test func inMemoryDatabaseServesReadsAndWrites() async throws {
        let store = try await SQLStore.openSQLite(path: ":memory:", logger: TemporaryStore.logger)
        try await store.migrate()
        try await store.assets.insert(Asset(code: "SRT"))
        #expect(try await store.assets.all().map(\.code) == ["SRT"])
        try await store.close()
    }

    @Test func aClosedStoreRefusesWork() async throws {
        let directory = try TemporaryStore.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await SQLStore.openSQLite(path: directory.appendingPathComponent("c.sqlite").path, logger: TemporaryStore.logger)
        try await store.migrate()
        try await store.close()
        await #expect(throws: StoreClosedError.self) { try await store.assets.all() }
    }
}
