import CapstanCore
import CapstanPluginHost
import CapstanStore
import CapstanWorkers
import Logging

/// The dispatchers of the durable outboxes: wallet callbacks, SEP-12 callbacks and plugin notifications. `capstan
/// serve` runs them beside its workers; an operator who splits the workers out runs them as `capstan worker
/// callbacks`, or the queued rows would wait for ever.
enum OutboxDispatchers {
    static func all(config: CapstanConfig, store: SQLStore, plugins: PluginHost, logger: Logger) -> [CallbackDispatcher] {
        var dispatchers = [self.signed(store.callbackOutbox, config: config, logger: logger)]
        if config.sep12.enabled {
            dispatchers.append(self.signed(store.customerCallbacks, config: config, logger: Logger(label: "capstan.sep12.callbacks")))
        }
        // One call at a time: the plugins' threads are shared with the calls that move money, which a slow
        // notification hook must not crowd out. The lease outlasts the hook's deadline, so a second dispatcher never
        // calls the same notification while the first still waits for it.
        dispatchers.append(CallbackDispatcher(
            outbox: store.pluginNotifications, noun: "plugin notification", destination: { ("hook", $0.url) },
            configuration: .init(
                maxAttempts: config.callbacks.maxAttempts, timeout: .milliseconds(config.plugins.hookTimeoutMilliseconds),
                batchSize: 16, concurrency: 1),
            logger: Logger(label: "capstan.plugin-notifications"),
            deliver: PluginNotifications(host: plugins).deliver))
        return dispatchers
    }

    /// Signed wallet callbacks from `outbox`.
    private static func signed(_ outbox: any CallbackOutboxStore, config: CapstanConfig, logger: Logger) -> CallbackDispatcher {
        CallbackDispatcher(
            outbox: outbox,
            signer: CallbackSigner(signingKey: config.sep10.signingKey),
            configuration: .init(maxAttempts: config.callbacks.maxAttempts, timeout: .milliseconds(config.callbacks.timeoutMilliseconds)),
            logger: logger
        )
    }
}
