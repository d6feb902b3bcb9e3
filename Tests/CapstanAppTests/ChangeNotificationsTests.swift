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

    static let referencePlugin = ProcessInfo.processInfo.environment["CAPSTAN_REFERENCE_PLUGIN"]

    /// A worker process queues the plugin notifications of the deposit it completes, and `capstan worker callbacks`
    /// (what an operator who splits the workers out runs) delivers them to the plugin.
    @Test(.enabled(if: referencePlugin != nil, "needs the reference plugin (make test sets CAPSTAN_REFERENCE_PLUGIN)"))
    func aCallbacksWorkerDeliversWhatAnotherProcessQueued() async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        try FileManager.default.copyItem(
            atPath: try #require(Self.referencePlugin), toPath: anchor.directory.appendingPathComponent("plugins.d/libreference.so").path)
        let config = try await anchor.config()

        let store = try await SQLStore.openSQLite(path: config.databasePath, logger: .quiet)
        _ = try await store.migrate()
        let plugins = await PluginWiring.load(config, keyValues: store.pluginKeyValues, logger: .quiet)
        #expect(plugins.refusals.isEmpty)
        ChangeNotifications.register(config: config, store: store, plugins: plugins)
        let deposit = CapstanCore.Transaction(
            kind: .deposit, protocol: .sep6, sub: Self.wallet, assetCode: "SRT", status: .pendingStellar, startedAt: Date())
        try await store.transactions.insert(deposit)
        _ = try await store.transactions.update(id: deposit.id, expectedVersion: nil, cause: "test") {
            (transaction: inout CapstanCore.Transaction) in transaction.status = .completed
        }
        let queued = try await store.pluginNotifications.pending(transactionID: deposit.id).map(\.url)
        await plugins.shutdown()
        try await store.close()
        #expect(queued == ["after_deposit", "transaction_event"])

        try await WorkerWiring.run(name: "callbacks", config: config, interval: .seconds(1), once: true, logger: .quiet)

        let reopened = try await SQLStore.openSQLite(path: config.databasePath, logger: .quiet)
        let rows = try await reopened.pluginNotifications.all(transactionID: deposit.id)
        try await reopened.close()
        #expect(rows.count == 2 && rows.allSatisfy { $0.deliveredAt != nil && $0.attempts == 1 }, "\(rows)")
    }
}
