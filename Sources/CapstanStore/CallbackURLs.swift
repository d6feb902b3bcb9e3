import CapstanCore
import Foundation

/// Which of a transaction's callback fields are URLs the outbox can POST to.
enum CallbackURLs {
    /// `on_change_callback` and `callback`, each only if it is an absolute http(s) URL with a host, without
    /// duplicates. SEP-24's literal `postMessage` is not a URL: the interactive page handles it in the browser.
    static func of(_ transaction: Transaction) -> [String] {
        var urls: [String] = []
        for candidate in [transaction.onChangeCallback, transaction.callback].compactMap({ $0 }) {
            guard Self.isDeliverable(candidate), !urls.contains(candidate) else { continue }
            urls.append(candidate)
        }
        return urls
    }

    static func isDeliverable(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return false
        }
        return scheme == "https" || scheme == "http"
    }
}
