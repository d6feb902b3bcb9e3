/// Reads accounts from the ledger; SEP-10 uses it to learn an account's signers and thresholds.
///
/// Implementations must fail closed: anything other than a definite answer ("here is the account" or
/// "no such account") is `LedgerError.unavailable`, never `nil`, because callers treat `nil` as proof
/// that the account does not exist and then accept the master key alone.
public protocol LedgerReader: Sendable {
    /// The account with this `G…` id, or `nil` when the ledger says it does not exist.
    func account(_ accountID: String) async throws(LedgerError) -> LedgerAccount?
}
