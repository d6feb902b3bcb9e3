/// A closed ledger, as `/ledgers` shows it.
struct LedgerHeader: Codable, Sendable {
    var sequence: UInt32
    /// Hex; a digest of the previous hash, the sequence number, the close time and the transaction hashes.
    var hash: String
    var previousHash: String
    var closedAt: UInt64
    var successfulTransactionCount: Int
    var failedTransactionCount: Int
    var operationCount: Int
    var totalCoins: Int64
    var feePool: Int64
}
