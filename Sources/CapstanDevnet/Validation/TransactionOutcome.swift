import StellarKit

/// A transaction's result as stellar-core reports it (XDR `TransactionResult`), for a rejected or an applied transaction.
struct TransactionOutcome: Sendable {
    /// A fee bump's inner transaction: its hash and its own result.
    struct Inner: Sendable {
        var hash: [UInt8]
        var code: TransactionResultCode
        var operations: [OperationResult]
    }

    /// The fee charged, or that would have been.
    var feeCharged: Int64
    var code: TransactionResultCode
    /// Per operation, when `code` carries them.
    var operations: [OperationResult]
    var inner: Inner?

    /// A result with no operation list (`tx_bad_seq`, `tx_bad_auth`, …).
    init(feeCharged: Int64, code: TransactionResultCode) {
        self.feeCharged = feeCharged
        self.code = code
        self.operations = []
        self.inner = nil
    }

    /// A result with an operation list.
    init(feeCharged: Int64, code: TransactionResultCode, operations: [OperationResult]) {
        self.feeCharged = feeCharged
        self.code = code
        self.operations = operations
        self.inner = nil
    }

    /// Wraps a fee bump's inner result: `tx_fee_bump_inner_success` or `tx_fee_bump_inner_failed` outside.
    init(feeCharged: Int64, feeBumpOf inner: Inner) {
        self.feeCharged = feeCharged
        self.code = inner.code == .success ? .feeBumpInnerSuccess : .feeBumpInnerFailed
        self.operations = []
        self.inner = inner
    }

    var isSuccess: Bool { self.code == .success || self.code == .feeBumpInnerSuccess }

    /// Horizon's `extras.result_codes`.
    var resultCodes: ResultCodes {
        if let inner {
            return ResultCodes(
                transaction: self.code.horizonName, innerTransaction: inner.code.horizonName,
                operations: inner.code.carriesOperations ? inner.operations.map(\.horizonName) : nil
            )
        }
        return ResultCodes(
            transaction: self.code.horizonName, innerTransaction: nil,
            operations: self.code.carriesOperations ? self.operations.map(\.horizonName) : nil
        )
    }

    /// The base64 `TransactionResult` XDR.
    var xdrBase64: String {
        // Every field here is within its XDR bounds by construction, so encoding cannot fail.
        (try? self.xdrBase64Checked()) ?? ""
    }

    private func xdrBase64Checked() throws(XDRError) -> String {
        try Encoded(outcome: self).xdrBase64
    }

    private struct Encoded: XDREncodable {
        let outcome: TransactionOutcome

        func encode(to encoder: inout XDREncoder) throws(XDRError) {
            encoder.encode(self.outcome.feeCharged)
            encoder.encode(self.outcome.code.rawValue)
            if let inner = self.outcome.inner {
                try encoder.encodeFixedOpaque(inner.hash, count: 32, field: "innerResultPair.transactionHash")
                // InnerTransactionResult: the inner transaction is charged nothing; the fee bump pays.
                encoder.encode(Int64(0))
                encoder.encode(inner.code.rawValue)
                if inner.code.carriesOperations {
                    try encoder.encodeArray(inner.operations, maxCount: Transaction.maximumOperations, field: "results")
                }
                encoder.encode(Int32(0))
            } else if self.outcome.code.carriesOperations {
                try encoder.encodeArray(self.outcome.operations, maxCount: Transaction.maximumOperations, field: "results")
            }
            encoder.encode(Int32(0))
        }
    }
}
