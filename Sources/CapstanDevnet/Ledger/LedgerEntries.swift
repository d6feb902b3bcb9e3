/// The ledger's current entries; operations apply to a copy of this and it is replaced only on success.
struct LedgerEntries: Codable, Sendable {
    var accounts: [String: AccountEntry]
    /// By hex id.
    var claimableBalances: [String: ClaimableBalanceEntry]
}
