/// An update the store refuses for a reason other than status or concurrency (those are `TransitionError` and
/// `StoreError.conflict`): a change to a field that never changes, or a memo request that does not fit.
public struct TransactionUpdateError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case immutableField(String)
        case notAWithdrawal
        case memoForAnotherAccount(String)
        case memoSpaceExhausted
    }

    private let code: Code
    /// The transaction concerned.
    public let transactionID: String

    private init(_ code: Code, transactionID: String) {
        self.code = code
        self.transactionID = transactionID
    }

    /// `change` altered a field fixed at creation (`id`, `sub`, `kind`, `protocol`, `version`).
    public static func immutableField(_ name: String, transactionID: String) -> Self {
        .init(.immutableField(name), transactionID: transactionID)
    }

    /// A withdraw memo was asked for a transaction that is not a withdrawal.
    public static func notAWithdrawal(transactionID: String) -> Self { .init(.notAWithdrawal, transactionID: transactionID) }

    /// The withdrawal already has a memo for another receiving account.
    public static func memoForAnotherAccount(_ account: String, transactionID: String) -> Self {
        .init(.memoForAnotherAccount(account), transactionID: transactionID)
    }

    /// No free memo was found after many tries (memos taken by hand fill the counter's path).
    public static func memoSpaceExhausted(transactionID: String) -> Self { .init(.memoSpaceExhausted, transactionID: transactionID) }

    public var description: String {
        switch self.code {
        case .immutableField(let name): "transaction \(self.transactionID): \(name) cannot change after creation"
        case .notAWithdrawal: "transaction \(self.transactionID) is not a withdrawal: it takes no withdraw memo"
        case .memoForAnotherAccount(let account):
            "transaction \(self.transactionID) already has a withdraw memo for account \(account)"
        case .memoSpaceExhausted: "transaction \(self.transactionID): no free withdraw memo found"
        }
    }
}
