import StellarKit

/// Everything the devnet knows: the last closed ledger, the entries, and the history Horizon serves. This is
/// what the state file holds.
struct LedgerState: Codable, Sendable {
    /// Bumped when the file layout changes incompatibly.
    static let currentFormat = 1
    /// How many recent ledger headers `/ledgers` can show.
    static let recentLedgerLimit = 1000

    var format: Int
    var networkPassphrase: String
    var header: LedgerHeader
    /// Oldest first, at most `recentLedgerLimit`.
    var recentLedgers: [LedgerHeader]
    var entries: LedgerEntries
    /// In application order, so paging tokens ascend.
    var transactions: [TransactionRecord]
    /// In id order.
    var payments: [PaymentRecord]

    /// Ledger 1 as stellar-core makes it: the root account holds every lumen, with sequence number 0.
    static func genesis(parameters: DevnetParameters, closeTime: UInt64) -> LedgerState {
        let root = parameters.rootKeyPair.accountId
        let account = AccountEntry(accountID: root, balance: parameters.totalCoins, sequence: 0, ledger: 1, closeTime: closeTime)
        let header = LedgerHeader(
            sequence: 1, hash: Hex.encode(StellarHash.sha256(Array(parameters.network.passphrase.utf8) + [1])),
            previousHash: String(repeating: "0", count: 64), closedAt: closeTime, successfulTransactionCount: 0,
            failedTransactionCount: 0, operationCount: 0, totalCoins: parameters.totalCoins, feePool: 0
        )
        return LedgerState(
            format: self.currentFormat, networkPassphrase: parameters.network.passphrase, header: header, recentLedgers: [header],
            entries: LedgerEntries(accounts: [root: account], claimableBalances: [:]), transactions: [], payments: []
        )
    }
}
