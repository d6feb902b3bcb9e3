import CapstanCore
import CapstanPluginHost
import CapstanStore
import CapstanWorkers
import Logging
import ServiceLifecycle
import StellarHorizon
import StellarKit

/// Builds the money-moving workers (`pending-deposits`, `watch-payments`, `outgoing`, `poll-outgoing`,
/// `trustlines`) from configuration, for `capstan serve` and `capstan worker NAME`.
public enum WorkerWiring {
    /// Every worker's CLI name, in the order `serve` starts them.
    public static let names = ["pending-deposits", "watch-payments", "outgoing", "poll-outgoing", "trustlines"]
    /// What `capstan worker` runs: the workers, and `callbacks`, the outbox dispatchers `serve` runs beside them.
    public static let commandNames = names + ["callbacks"]
    /// The workers that read or write the Stellar ledger; the others only talk to the rails.
    static let ledgerWorkers: Set<String> = ["pending-deposits", "watch-payments", "trustlines"]

    /// The ledger the workers pay on and the payment stream they watch: Horizon at `horizon.url` (the devnet in
    /// development).
    static func ledger(config: CapstanConfig, logger: Logger) -> (ledger: any StellarLedger, payments: any PaymentSource)? {
        let horizon = HorizonLedger(client: HorizonClient(baseURL: config.horizonURL, logger: Logger(label: "capstan.horizon")))
        return (horizon, horizon)
    }

    /// The workers `serve` runs as services: the rails-side ones always, the ledger ones when a ledger is wired.
    static func services(
        config: CapstanConfig, store: SQLStore, plugins: PluginHost, interval: Duration? = nil, logger: Logger
    ) -> [any Service] {
        let interval = interval ?? .milliseconds(config.workers.intervalMilliseconds)
        let ledger = self.ledger(config: config, logger: logger)
        if ledger == nil { logger.notice("no Stellar ledger wired: pending-deposits, watch-payments and trustlines do not run") }
        return self.names.compactMap { name in
            guard ledger != nil || !self.ledgerWorkers.contains(name) else { return nil }
            let worker = self.worker(named: name, config: config, store: store, plugins: plugins, ledger: ledger, logger: logger)
            return worker.map { PeriodicWorkerService($0, interval: interval, logger: logger) as any Service }
        }
    }

    static func worker(
        named name: String, config: CapstanConfig, store: SQLStore, plugins: PluginHost,
        ledger: (ledger: any StellarLedger, payments: any PaymentSource)?, logger: Logger
    ) -> (any MoneyWorker)? {
        let context = WorkerContext(
            transactions: store.transactions, workerTransactions: store.workerTransactions, submissions: store.submissions,
            cursors: store.ledgerCursors, assets: store.assets, ledger: ledger?.ledger ?? NoLedger(),
            rails: PluginRails(host: plugins, assets: store.assets),
            feeProvider: plugins.owner(of: .fee) == nil ? nil : PluginFeeProvider(host: plugins),
            signer: DepositEnvelopeSigner(network: Network(passphrase: config.networkPassphrase), keys: config.distributionKeys),
            logger: logger)
        switch name {
        case "pending-deposits": return PendingDepositsWorker(context: context, recheckSeconds: config.workers.recheckSeconds)
        case "watch-payments": return ledger.map { PaymentWatcher(context: context, source: $0.payments) }
        case "outgoing": return PayoutWorker(context: context)
        case "poll-outgoing": return PayoutPoller(context: context)
        case "trustlines": return TrustlinesWorker(context: context, recheckSeconds: config.workers.recheckSeconds)
        default: return nil
        }
    }

    /// `capstan worker NAME`: runs one worker alone, one pass (`once`) or until SIGTERM/SIGINT.
    public static func run(name: String, config: CapstanConfig, interval: Duration, once: Bool, logger: Logger) async throws {
        guard self.commandNames.contains(name) else { throw WorkerCommandError.unknown(name) }
        let ledger = self.ledger(config: config, logger: logger)
        if ledger == nil, self.ledgerWorkers.contains(name) { throw WorkerCommandError.noLedger(name) }
        let store = try await SQLStore.openSQLite(path: config.databasePath, logger: logger)
        do {
            try await store.migrate()
            let plugins = await PluginWiring.load(config, keyValues: store.pluginKeyValues, logger: logger)
            guard plugins.refusals.isEmpty else {
                await plugins.shutdown()
                throw PluginRefusals(lines: plugins.refusals.map(\.description))
            }
            ChangeNotifications.register(config: config, store: store, plugins: plugins)
            if name == "callbacks" {
                try await self.runDispatchers(config: config, store: store, plugins: plugins, once: once, logger: logger)
                return
            }
            guard let worker = self.worker(named: name, config: config, store: store, plugins: plugins, ledger: ledger, logger: logger) else {
                await plugins.shutdown()
                throw WorkerCommandError.noLedger(name)
            }
            if once {
                let handled: Int
                do { handled = try await worker.runOnce() } catch {
                    await plugins.shutdown()
                    throw error
                }
                await worker.stop()
                logger.info("worker pass done", metadata: ["worker": "\(name)", "handled": "\(handled)"])
                await plugins.shutdown()
                try await store.close()
                return
            }
            // Services stop in reverse order: the worker finishes its pass, then plugins shut down, then the store closes.
            let group = ServiceGroup(configuration: .init(
                services: [StoreService(store: store), PluginHostService(host: plugins), PeriodicWorkerService(worker, interval: interval, logger: logger)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            try? await store.close()
            throw error
        }
    }
}

extension WorkerWiring {
    /// `capstan worker callbacks`: the outbox dispatchers, one pass each (`once`) or until SIGTERM/SIGINT.
    static func runDispatchers(config: CapstanConfig, store: SQLStore, plugins: PluginHost, once: Bool, logger: Logger) async throws {
        let dispatchers = OutboxDispatchers.all(config: config, store: store, plugins: plugins, logger: logger)
        guard !once else {
            var delivered = 0
            do {
                for dispatcher in dispatchers { delivered += try await dispatcher.deliverDue() }
            } catch {
                await plugins.shutdown()
                throw error
            }
            logger.info("worker pass done", metadata: ["worker": "callbacks", "handled": "\(delivered)"])
            await plugins.shutdown()
            try await store.close()
            return
        }
        // Stopped in reverse order: the dispatchers finish their pass, then plugins shut down, then the store closes.
        let group = ServiceGroup(configuration: .init(
            services: [StoreService(store: store), PluginHostService(host: plugins)] + dispatchers.map { $0 as any Service },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Why `capstan worker` refused to start.
public enum WorkerCommandError: Error, CustomStringConvertible {
    case unknown(String)
    case noLedger(String)

    public var description: String {
        switch self {
        case .unknown(let name): "no worker named '\(name)'; workers: \(WorkerWiring.commandNames.joined(separator: ", "))"
        case .noLedger(let name): "worker '\(name)' needs a Stellar ledger (horizon.url)"
        }
    }
}

/// The ledger of rails-side workers, which never touch it.
struct NoLedger: StellarLedger {
    func account(_ accountID: String) async throws(StellarLedgerError) -> LedgerAccountState? { throw .unavailable("no ledger configured") }
    func submit(envelopeXDR: String) async throws(StellarLedgerError) -> SubmitOutcome { throw .unavailable("no ledger configured") }
    func transaction(hash: String) async throws(StellarLedgerError) -> LedgerTransactionLookup { throw .unavailable("no ledger configured") }
}
