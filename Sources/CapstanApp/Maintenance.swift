import CapstanCore
import CapstanStore
import Logging
import StellarKit

/// Operator tasks behind the CLI's non-serving commands.
public enum Maintenance {
    /// Applies pending migrations and returns their names.
    public static func migrate(_ config: CapstanConfig, logger: Logger) async throws -> [String] {
        try await self.withStore(config, logger: logger) { store in try await store.migrate() }
    }

    /// A fresh keypair as strkeys.
    public static func generateKeyPair() -> (publicKey: String, secretSeed: String) {
        let pair = KeyPair.random()
        return (pair.publicKey.strKey, pair.secretSeed)
    }

    /// Opens the configured database (migrated), runs `body`, and closes it whatever happens.
    public static func withStore<T: Sendable>(_ config: CapstanConfig, logger: Logger, migrating: Bool = false, _ body: (SQLStore) async throws -> T) async throws -> T {
        let store = try await SQLStore.openSQLite(path: config.databasePath, logger: logger)
        do {
            if migrating { _ = try await store.migrate() }
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}
