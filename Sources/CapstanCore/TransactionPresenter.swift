/// Renders a transaction as one SEP's wallet callback body (SEP-24: `{"transaction": {...}}`), so the store can
/// enqueue the exact bytes a wallet will receive in the same database transaction as the status change.
public protocol TransactionPresenter: Sendable {
    /// The UTF-8 JSON body POSTed to the wallet's callback URL for the transaction as it now is.
    func callbackBody(for transaction: Transaction) throws -> [UInt8]
}
