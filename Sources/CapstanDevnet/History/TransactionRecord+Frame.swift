import Foundation
import StellarKit

extension TransactionRecord {
    /// The record of `frame` applied as the `order`th transaction of `ledger`.
    init(frame: TransactionFrame, outcome: TransactionOutcome, ledger: UInt32, order: UInt32, closeTime: UInt64) {
        let transaction = frame.transaction
        let memo = Self.memoFields(transaction.memo)
        let bounds = transaction.preconditions.timeBounds
        self.init(
            hash: frame.hashHex, ledger: ledger, applicationOrder: order, createdAt: closeTime, successful: outcome.isSuccess,
            sourceAccount: transaction.sourceAccount.accountId,
            sourceAccountMuxed: transaction.sourceAccount.id == nil ? nil : transaction.sourceAccount.strKey,
            sourceAccountSequence: transaction.sequenceNumber,
            feeAccount: frame.feeSource.accountId, feeAccountMuxed: frame.feeSource.id == nil ? nil : frame.feeSource.strKey,
            feeCharged: outcome.feeCharged, maxFee: frame.feeBid, operationCount: transaction.operations.count,
            envelopeXDR: frame.envelopeXDR, resultXDR: outcome.xdrBase64, resultCodes: outcome.resultCodes,
            memoType: memo.type, memo: memo.value, memoBytes: memo.bytes,
            signatures: frame.envelope.signatures.map { Data($0.signature).base64EncodedString() },
            validAfter: bounds.map(\.minTime), validBefore: bounds.flatMap { $0.maxTime == 0 ? nil : $0.maxTime },
            feeBump: frame.feeBump.map { _ in
                FeeBump(
                    hash: frame.hashHex, signatures: frame.envelope.signatures.map { Data($0.signature).base64EncodedString() },
                    innerHash: Hex.encode(frame.innerHash),
                    innerSignatures: frame.innerSignatures.map { Data($0.signature).base64EncodedString() },
                    innerMaxFee: Int64(transaction.fee)
                )
            },
            participants: Self.participants(transaction, feeSource: frame.feeSource)
        )
    }

    private static func participants(_ transaction: Transaction, feeSource: MuxedAccount) -> [String] {
        var accounts = [transaction.sourceAccount.accountId, feeSource.accountId]
        for operation in transaction.operations {
            if let source = operation.sourceAccount { accounts.append(source.accountId) }
            switch operation.body {
            case .createAccount(let op): accounts.append(op.destination.strKey)
            case .payment(let op): accounts.append(op.destination.accountId)
            case .pathPaymentStrictReceive(let op): accounts.append(op.destination.accountId)
            case .pathPaymentStrictSend(let op): accounts.append(op.destination.accountId)
            case .accountMerge(let destination): accounts.append(destination.accountId)
            case .createClaimableBalance(let op): accounts.append(contentsOf: op.claimants.map(\.destination.strKey))
            case .changeTrust, .setOptions, .manageData, .claimClaimableBalance: break
            }
        }
        var seen = Set<String>()
        return accounts.filter { seen.insert($0).inserted }
    }

    /// Horizon's `memo_type`, `memo` (ids in decimal, hashes in base64) and, for text, `memo_bytes`.
    private static func memoFields(_ memo: Memo) -> (type: String, value: String?, bytes: String?) {
        switch memo {
        case .none: ("none", nil, nil)
        case .text(let text): ("text", text, Data(text.utf8).base64EncodedString())
        case .id(let id): ("id", String(id), nil)
        case .hash(let hash): ("hash", Data(hash).base64EncodedString(), nil)
        case .returnHash(let hash): ("return", Data(hash).base64EncodedString(), nil)
        }
    }
}
