import CapstanStore
import SEP24
import SEP6

/// The wallet-callback presenters of the enabled SEPs, registered with the store by every process that changes
/// transactions: without them a status change enqueues no callback, which is how a standalone `capstan worker`
/// used to complete deposits without telling the wallet.
enum CallbackPresenters {
    static func register(config: CapstanConfig, store: SQLStore) {
        if config.sep6.enabled {
            store.setPresenter(SEP6Presenter(), for: .sep6)
        }
        if config.sep24.enabled {
            // The same secret SEP-24's routes derive the more_info link keys from, so the links verify there.
            store.setPresenter(SEP24Presenter(publicURL: config.publicURL, secret: Array(config.sep10.jwtSecret.utf8)), for: .sep24)
        }
    }
}
