/// What became of a submitted transaction.
enum SubmissionResult: Sendable {
    /// The envelope is not valid base64 XDR of a transaction the devnet can read.
    case malformed(envelopeXDR: String)
    /// The transaction was refused before entering a ledger: nothing was charged.
    case rejected(envelopeXDR: String, outcome: TransactionOutcome)
    /// The transaction is in a closed ledger, successful or not.
    case applied(TransactionRecord)
}

/// What friendbot did.
enum FriendbotResult: Sendable {
    case invalidAddress
    case alreadyFunded(accountID: String)
    case submitted(SubmissionResult)
}
