/// A transaction as `GET /transactions/{hash}` and `POST /transactions` show it.
struct TransactionResource: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var `self`: Link
        var account: Link
        var ledger: Link
        var operations: Link
        var effects: Link
        var precedes: Link
        var succeeds: Link
        var transaction: Link
    }

    struct Preconditions: Encodable, Sendable {
        struct TimeBounds: Encodable, Sendable {
            var minTime: String
            var maxTime: String?

            enum CodingKeys: String, CodingKey { case minTime = "min_time", maxTime = "max_time" }
        }

        var timebounds: TimeBounds?
    }

    struct FeeBumpPart: Encodable, Sendable {
        var hash: String
        var signatures: [String]
    }

    struct InnerPart: Encodable, Sendable {
        var hash: String
        var signatures: [String]
        var maxFee: String

        enum CodingKeys: String, CodingKey { case hash, signatures, maxFee = "max_fee" }
    }

    var links: Links
    var id: String
    var pagingToken: String
    var successful: Bool
    var hash: String
    var ledger: UInt32
    var createdAt: String
    var sourceAccount: String
    var accountMuxed: String?
    var accountMuxedID: String?
    var sourceAccountSequence: String
    var feeAccount: String
    var feeAccountMuxed: String?
    var feeAccountMuxedID: String?
    var feeCharged: String
    var maxFee: String
    var operationCount: Int
    var envelopeXDR: String
    var resultXDR: String
    var memoType: String
    var memo: String?
    var memoBytes: String?
    var signatures: [String]
    var validAfter: String?
    var validBefore: String?
    var preconditions: Preconditions?
    var feeBumpTransaction: FeeBumpPart?
    var innerTransaction: InnerPart?

    enum CodingKeys: String, CodingKey {
        case links = "_links", id, pagingToken = "paging_token", successful, hash, ledger, createdAt = "created_at"
        case sourceAccount = "source_account", accountMuxed = "account_muxed", accountMuxedID = "account_muxed_id"
        case sourceAccountSequence = "source_account_sequence", feeAccount = "fee_account", feeAccountMuxed = "fee_account_muxed"
        case feeAccountMuxedID = "fee_account_muxed_id", feeCharged = "fee_charged", maxFee = "max_fee", operationCount = "operation_count"
        case envelopeXDR = "envelope_xdr", resultXDR = "result_xdr", memoType = "memo_type", memo, memoBytes = "memo_bytes", signatures
        case validAfter = "valid_after", validBefore = "valid_before", preconditions
        case feeBumpTransaction = "fee_bump_transaction", innerTransaction = "inner_transaction"
    }

    init(_ record: TransactionRecord, base: String) {
        let path = base + "/transactions/" + record.hash
        let token = String(record.pagingToken)
        self.links = Links(
            self: Link(path), account: Link(base + "/accounts/" + record.sourceAccount), ledger: Link(base + "/ledgers/\(record.ledger)"),
            operations: Link(path + "/operations{?cursor,limit,order}", templated: true),
            effects: Link(path + "/effects{?cursor,limit,order}", templated: true),
            precedes: Link(base + "/transactions?order=asc&cursor=" + token), succeeds: Link(base + "/transactions?order=desc&cursor=" + token),
            transaction: Link(path)
        )
        self.id = record.hash
        self.pagingToken = token
        self.successful = record.successful
        self.hash = record.hash
        self.ledger = record.ledger
        self.createdAt = HorizonTime.format(record.createdAt)
        self.sourceAccount = record.sourceAccount
        self.accountMuxed = record.sourceAccountMuxed
        self.accountMuxedID = MuxedFields.id(record.sourceAccountMuxed)
        self.sourceAccountSequence = String(record.sourceAccountSequence)
        self.feeAccount = record.feeAccount
        self.feeAccountMuxed = record.feeAccountMuxed
        self.feeAccountMuxedID = MuxedFields.id(record.feeAccountMuxed)
        self.feeCharged = String(record.feeCharged)
        self.maxFee = String(record.maxFee)
        self.operationCount = record.operationCount
        self.envelopeXDR = record.envelopeXDR
        self.resultXDR = record.resultXDR
        self.memoType = record.memoType
        self.memo = record.memo
        self.memoBytes = record.memoBytes
        self.signatures = record.signatures
        self.validAfter = record.validAfter.map(HorizonTime.format)
        self.validBefore = record.validBefore.map(HorizonTime.format)
        self.preconditions = record.validAfter.map { minTime in
            Preconditions(timebounds: .init(minTime: String(minTime), maxTime: record.validBefore.map(String.init)))
        }
        self.feeBumpTransaction = record.feeBump.map { FeeBumpPart(hash: $0.hash, signatures: $0.signatures) }
        self.innerTransaction = record.feeBump.map {
            InnerPart(hash: $0.innerHash, signatures: $0.innerSignatures, maxFee: String($0.innerMaxFee))
        }
    }
}
