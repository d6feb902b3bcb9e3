import CapstanCore
import Logging
import Synchronization

/// The callback presenters of one `SQLStore`, by protocol, and its plugin notifier. Registered at start-up, read on
/// every status change.
final class PresenterRegistry: Sendable {
    private struct State {
        var presenters: [TransactionProtocol: any TransactionPresenter] = [:]
        var notifier: (any PluginNotifier)?
        /// Protocols already reported as having no presenter, so the warning is logged once, not per change.
        var reportedMissing: Set<TransactionProtocol> = []
    }

    private let state = Mutex(State())

    func setNotifier(_ notifier: any PluginNotifier) {
        self.state.withLock { $0.notifier = notifier }
    }

    var notifier: (any PluginNotifier)? { self.state.withLock { $0.notifier } }

    func set(_ presenter: any TransactionPresenter, for protocol: TransactionProtocol) {
        self.state.withLock { $0.presenters[`protocol`] = presenter }
    }

    /// The presenter for `protocol`; when there is none, logs that once per protocol and returns nil.
    func presenter(for protocol: TransactionProtocol, logger: Logger) -> (any TransactionPresenter)? {
        let (presenter, firstMiss) = self.state.withLock { state -> ((any TransactionPresenter)?, Bool) in
            if let presenter = state.presenters[`protocol`] { return (presenter, false) }
            return (nil, state.reportedMissing.insert(`protocol`).inserted)
        }
        if firstMiss {
            logger.warning("no callback presenter registered: wallet callbacks of these transactions are not sent", metadata: [
                "protocol": "\(`protocol`.rawValue)",
            ])
        }
        return presenter
    }
}
