#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One row of a transaction's status history: every status it entered, when, and why.
public struct TransactionStatusChange: Sendable, Equatable {
    /// The status left; `nil` for the row recording the transaction's creation.
    public var from: TransactionStatus?
    public var to: TransactionStatus
    public var at: Date
    /// Who or what moved it (`"sep24: interactive flow completed"`, `"operator: recovered"`); free text for operators.
    public var cause: String?

    public init(from: TransactionStatus?, to: TransactionStatus, at: Date, cause: String?) {
        self.from = from
        self.to = to
        self.at = at
        self.cause = cause
    }
}
