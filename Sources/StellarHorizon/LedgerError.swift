/// Why the ledger could not answer.
public enum LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request was not asked: the account id is not a `G…` strkey.
    case invalidAccountID(String)
    /// No definite answer: a network error, a timeout, a 5xx, an unexpected status or malformed JSON.
    case unavailable(reason: String)

    public var description: String {
        switch self {
        case .invalidAccountID(let id): "'\(id)' is not a G… account id"
        case .unavailable(let reason): "ledger unavailable: \(reason)"
        }
    }
}
