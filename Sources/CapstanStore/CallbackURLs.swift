import CapstanCore
import Foundation

/// Which of a transaction's callback fields are URLs the outbox can POST to for one change.
enum CallbackURLs {
    /// `on_change_callback` on every change, and `callback` as its SEP says, each only if it is an absolute http(s)
    /// URL with a host, without duplicates. SEP-24's literal `postMessage` is not a URL: the interactive page handles
    /// it in the browser.
    ///
    /// SEP-24 "Adding parameters to the URL": the `callback` URL gets at most one POST, when the user completes the
    /// interactive flow, which is the transaction leaving `incomplete`; `on_change_callback` is the one for "every
    /// status change". SEP-31's `callback` (`PUT /transactions/:id/callback`) does get every change.
    static func of(_ transaction: Transaction, previousStatus: TransactionStatus) -> [String] {
        var candidates = [transaction.onChangeCallback]
        if transaction.protocol != .sep24 || (previousStatus == .incomplete && transaction.status != .incomplete) {
            candidates.append(transaction.callback)
        }
        var urls: [String] = []
        for candidate in candidates.compactMap({ $0 }) {
            guard Transaction.isDeliverableCallbackURL(candidate), !urls.contains(candidate) else { continue }
            urls.append(candidate)
        }
        return urls
    }
}
