import CapstanCore
import CapstanHTTP

/// Renders SEP-24 wallet callbacks: the body of `GET /transaction`, `{"transaction": {...}}` (SEP-24 "`callback`
/// / `on_change_callback` example": "The JSON message should be identical to the response format for the
/// /transaction endpoint").
public struct SEP24Presenter: TransactionPresenter {
    let publicURL: String
    let secrets: InteractiveSecrets

    init(publicURL: String, secrets: InteractiveSecrets) {
        self.publicURL = publicURL
        self.secrets = secrets
    }

    /// - Parameter secret: `SEP24Settings.secret`, which the more_info links' keys derive from.
    public init(publicURL: String, secret: [UInt8]) {
        self.init(publicURL: publicURL, secrets: InteractiveSecrets(secret: secret))
    }

    public func callbackBody(for transaction: Transaction) throws -> [UInt8] {
        let url = "\(self.publicURL)/sep24/more_info/\(transaction.id)?key=\(self.secrets.moreInfoKey(transactionID: transaction.id))"
        return Array(TransactionObject.single(TransactionObject(transaction, moreInfoURL: url)).utf8)
    }
}
