import CapstanCore
import CapstanHTTP
import Logging

/// What every SEP-24 handler uses, built once by `SEP24Routes`.
struct SEP24Dependencies: Sendable {
    let settings: SEP24Settings
    let transactions: any TransactionStore
    let assets: AssetDirectory
    let hooks: any SEP24Hooks
    let feeProvider: (any FeeProvider)?
    let fees: FeeCalculator
    let flows: FlowStateStore
    let secrets: InteractiveSecrets
    let pages: PageRenderer
    let clock: UnixClock
    let logger: Logger
    /// Rendered transaction objects by version: ~4,096 of ~1 KB at most.
    let rendered = RenderedTransactionCache(capacity: 4_096)

    /// The more-info page of a transaction: public, and unguessable because of its key.
    func moreInfoURL(_ transactionID: String) -> String {
        "\(self.settings.publicURL)/sep24/more_info/\(transactionID)?key=\(self.secrets.moreInfoKey(transactionID: transactionID))"
    }

    /// The interactive pages of a transaction (the session cookie is scoped to this path).
    func interactivePath(_ transactionID: String) -> String {
        "/sep24/interactive/\(transactionID)"
    }

    /// A 400 whose message is the catalog's `api_<key>` in `language`.
    func badRequest(_ key: String, _ language: String, _ arguments: [String: String] = [:]) -> SEPError {
        .badRequest(self.pages.catalog.text("api_\(key)", language, arguments))
    }

    /// The wallet-facing transaction object. The more-info link stored at creation is reused while it still points
    /// at this anchor's public URL, which spares a MAC per listed transaction.
    func object(_ transaction: Transaction) -> TransactionObject {
        if let stored = transaction.moreInfoURL, stored.hasPrefix(self.settings.publicURL + "/sep24/more_info/") {
            return TransactionObject(transaction, moreInfoURL: stored)
        }
        return TransactionObject(transaction, moreInfoURL: self.moreInfoURL(transaction.id))
    }
}
