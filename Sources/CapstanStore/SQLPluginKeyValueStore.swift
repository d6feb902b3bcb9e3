import CapstanCore
import Foundation
import SQLKit

/// `PluginKeyValueStore` over SQL: the `plugin_kv` table, keyed by (plugin, key), values as opaque BLOBs.
struct SQLPluginKeyValueStore: PluginKeyValueStore {
    let executor: any SQLExecutor

    func value(plugin: String, key: String) async throws -> [UInt8]? {
        try await self.executor.read { sql in
            try await sql.select().column("value").from("plugin_kv")
                .where("plugin", .equal, plugin).where("key", .equal, key)
                .first(decodingColumn: "value", as: Data.self)
                .map { [UInt8]($0) }
        }
    }

    func setValue(_ value: [UInt8], plugin: String, key: String) async throws {
        let now = Date.now.storedMilliseconds
        try await self.executor.write { sql in
            // Upsert is standard on both engines (SQLite ≥ 3.24, PostgreSQL ≥ 9.5).
            try await sql.insert(into: "plugin_kv")
                .columns("plugin", "key", "value", "updated_at")
                .values(plugin, key, Data(value), now)
                .onConflict(with: ["plugin", "key"]) { $0.set(excludedValueOf: "value").set(excludedValueOf: "updated_at") }
                .run()
        }
    }

    func removeValue(plugin: String, key: String) async throws {
        try await self.executor.write { sql in
            try await sql.delete(from: "plugin_kv").where("plugin", .equal, plugin).where("key", .equal, key).run()
        }
    }
}
