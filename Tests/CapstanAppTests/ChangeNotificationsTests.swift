import CapstanCore
import CapstanStore
import CapstanTesting
import Foundation
import Logging
import Testing

@testable import CapstanApp

/// Every process that changes transactions renders wallet callbacks, not only `capstan serve`: a standalone
/// `capstan worker` completing a deposit must queue the wallet's `on_change_callback` too.
@Suite struct ChangeNotificationsTests {
    static let wallet = "GDROSCVCMNFQBN5QQ3BIX64JNYPYHZKPREX3DVMZF7CEQV6H7TTDGB6Q"

    @Test(arguments: [TransactionProtocol.sep6, .sep24])
    func aStatusChangeQueuesTheWalletsCallback(_ sep: TransactionProtocol) async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        let config = try await anchor.config(environment: ["SEP6_ENABLED": "true", "SEP24_ENABLED": "true"])
        let store = try await SQLStore.openSQLite(path: ":memory:", logger: .quiet)
        _ = try await store.migrate()
        let plugins = await PluginWiring.load(config, keyValues: store.pluginKeyValues, logger: .quiet)
        ChangeNotifications.register(config: config, store: store, plugins: plugins)   // what serve and `capstan worker` do

        let deposit = CapstanCore.Transaction(
            kind: .deposit, protocol: sep, sub: Self.wallet, assetCode: "SRT", status: .pendingAnchor, startedAt: Date(),
            onChangeCallback: "https://wallet.example/cb")
        try await store.transactions.insert(deposit)
        _ = try await store.transactions.update(id: deposit.id, expectedVersion: nil, cause: "test") { (transaction: inout CapstanCore.Transaction) in transaction.status = .pendingStellar }
        let queued = try await store.callbackOutbox.pending(transactionID: deposit.id)
        await plugins.shutdown()
        try await store.close()

        #expect(queued.count == 1)
        let body = try #require(queued.first?.body)
        #expect(body.contains("\"status\":\"pending_stellar\""), "\(body)")
        if sep == .sep24 {
            #expect(body.contains("\(config.publicURL)/sep24/more_info/\(deposit.id)?key="), "\(body)")
        }
    }
}
