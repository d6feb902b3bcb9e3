/// Why a transaction could not be built.
public enum TransactionBuilderError: Error, Sendable, Hashable {
    /// A transaction needs at least one operation.
    case noOperations
    /// More than the 100 operations a transaction may hold.
    case tooManyOperations(Int)
    /// The base fee times the operation count does not fit the fee field.
    case feeOverflow
    /// A fee bump's base fee is below the inner transaction's fee per operation.
    case feeBumpBaseFeeTooLow(minimum: Int64)
    /// A field breaks the XDR schema's limits (a memo too long, a bad hash length…).
    case invalid(XDRError)
}

/// Assembles a v1 transaction: source, sequence number, fee from a per-operation base fee,
/// preconditions, memo and operations.
public struct TransactionBuilder: Sendable {
    /// The lowest base fee the network accepts, in stroops.
    public static let minimumBaseFee: UInt32 = 100

    /// The transaction's source account.
    public var sourceAccount: MuxedAccount
    /// The sequence number the transaction carries: the source account's current one plus one.
    public var sequenceNumber: Int64
    /// The fee per operation, in stroops.
    public var baseFee: UInt32
    /// When the transaction is valid.
    public var preconditions: Preconditions = .none
    /// The memo.
    public var memo: Memo = .none
    /// The operations, in order.
    public var operations: [TransactionOperation] = []

    /// A builder for a transaction from `sourceAccount` carrying `sequenceNumber` (the account's current sequence plus one).
    public init(sourceAccount: MuxedAccount, sequenceNumber: Int64, baseFee: UInt32 = TransactionBuilder.minimumBaseFee) {
        self.sourceAccount = sourceAccount
        self.sequenceNumber = sequenceNumber
        self.baseFee = baseFee
    }

    /// Appends an operation.
    public mutating func add(_ operation: TransactionOperation) {
        operations.append(operation)
    }

    /// A copy with `operation` appended.
    public func adding(_ operation: TransactionOperation) -> TransactionBuilder {
        var copy = self
        copy.add(operation)
        return copy
    }

    /// A copy with `memo`.
    public func withMemo(_ memo: Memo) -> TransactionBuilder {
        var copy = self
        copy.memo = memo
        return copy
    }

    /// A copy with these preconditions.
    public func withPreconditions(_ preconditions: Preconditions) -> TransactionBuilder {
        var copy = self
        copy.preconditions = preconditions
        return copy
    }

    /// A copy valid between two close times (Unix seconds; `maxTime` 0 for no upper bound). Time bounds
    /// already inside v2 preconditions are replaced there, so the other conditions are kept.
    public func withTimeBounds(minTime: UInt64, maxTime: UInt64) -> TransactionBuilder {
        var copy = self
        let bounds = TimeBounds(minTime: minTime, maxTime: maxTime)
        if case .v2(var conditions) = preconditions {
            conditions.timeBounds = bounds
            copy.preconditions = .v2(conditions)
        } else {
            copy.preconditions = .time(bounds)
        }
        return copy
    }

    /// The transaction, with fee = base fee × operation count; checked against the XDR schema's limits.
    public func build() throws(TransactionBuilderError) -> Transaction {
        guard !operations.isEmpty else { throw .noOperations }
        guard operations.count <= Transaction.maximumOperations else { throw .tooManyOperations(operations.count) }
        let (fee, overflow) = baseFee.multipliedReportingOverflow(by: UInt32(operations.count))
        guard !overflow else { throw .feeOverflow }
        let transaction = Transaction(
            sourceAccount: sourceAccount, fee: fee, sequenceNumber: sequenceNumber,
            preconditions: preconditions, memo: memo, operations: operations
        )
        do {
            _ = try transaction.xdrBytes()
        } catch {
            throw .invalid(error)
        }
        return transaction
    }

    /// An unsigned envelope for the built transaction.
    public func buildEnvelope() throws(TransactionBuilderError) -> TransactionEnvelope {
        TransactionEnvelope(try build())
    }

    /// A fee bump around a signed transaction, paying `baseFee` per operation plus one for the bump
    /// itself, as stellar-core charges; `baseFee` may not be below the inner transaction's rate.
    public static func feeBump(
        _ inner: TransactionV1Envelope, feeSource: MuxedAccount, baseFee: Int64
    ) throws(TransactionBuilderError) -> TransactionEnvelope {
        let count = Int64(inner.tx.operations.count)
        guard count > 0 else { throw .noOperations }
        let innerRate = (Int64(inner.tx.fee) + count - 1) / count
        guard baseFee >= innerRate, baseFee >= Int64(minimumBaseFee) else {
            throw .feeBumpBaseFeeTooLow(minimum: max(innerRate, Int64(minimumBaseFee)))
        }
        let (fee, overflow) = baseFee.multipliedReportingOverflow(by: count + 1)
        guard !overflow else { throw .feeOverflow }
        let bump = FeeBumpTransaction(feeSource: feeSource, fee: fee, innerTransaction: inner)
        do {
            _ = try bump.xdrBytes()
        } catch {
            throw .invalid(error)
        }
        return .feeBump(FeeBumpTransactionEnvelope(tx: bump))
    }
}
