import CapstanPluginHost
import CapstanStore
import SEP24
import SEP6

/// What a status change tells others, registered with the store by every process that changes transactions: the
/// wallet-callback presenters of the enabled SEPs and the plugins' notifier. Without them a change queues nothing,
/// which is how a standalone `capstan worker` used to complete deposits without telling the wallet.
enum ChangeNotifications {
    static func register(config: CapstanConfig, store: SQLStore, plugins: PluginHost) {
        if config.sep6.enabled {
            store.setPresenter(SEP6Presenter(), for: .sep6)
        }
        if config.sep24.enabled {
            store.setPresenter(SEP24Presenter(publicURL: config.publicURL, secret: config.sep24Secret), for: .sep24)
        }
        // Only with a plugin to tell: otherwise every status change would look up its asset's issuer for nothing.
        if PluginNotifications.wanted(by: plugins) {
            store.setPluginNotifier(PluginNotifications(host: plugins))
        }
    }
}

extension CapstanConfig {
    /// What SEP-24 derives its interactive, session, CSRF and more_info keys from: one definition, so the links a
    /// callback carries verify on the pages that serve them.
    var sep24Secret: [UInt8] { Array(self.sep10.jwtSecret.utf8) }
}
