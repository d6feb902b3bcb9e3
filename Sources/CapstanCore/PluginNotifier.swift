/// One plugin notification to deliver: the hook to call and its request body.
public struct PluginNotification: Sendable, Equatable {
    /// The hook's name in `capstan_plugin.h` (`after_deposit`, `transaction_event`).
    public var hook: String
    /// The UTF-8 JSON request object.
    public var body: [UInt8]

    public init(hook: String, body: [UInt8]) {
        self.hook = hook
        self.body = body
    }
}

/// Decides and renders the plugin notifications a status change calls for, so the store can queue them in the
/// same database transaction as the change: a crash after the change cannot lose them, and a dispatcher delivers
/// them at least once.
public protocol PluginNotifier: Sendable {
    /// The notifications for `transaction`, which just moved from `previousStatus`; `assetIssuer` is its asset's.
    func notifications(for transaction: Transaction, previousStatus: TransactionStatus, assetIssuer: String?) throws -> [PluginNotification]
}
