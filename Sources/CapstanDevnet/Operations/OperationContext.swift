import StellarKit

/// What an operation needs to know besides the ledger: the network's constants and where it runs.
struct OperationContext: Sendable {
    let parameters: DevnetParameters
    /// The ledger being closed.
    let ledgerSequence: UInt32
    let closeTime: UInt64
    /// The transaction's source and sequence number, which claimable balance ids are derived from.
    let transactionSource: PublicKey
    let transactionSequence: Int64
    /// The operation's position in its transaction, from 0.
    let operationIndex: Int

    var baseReserve: Int64 { self.parameters.baseReserve }
}
