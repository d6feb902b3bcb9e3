/// A closed ledger as `/ledgers` shows it; SDKs read `base_fee_in_stroops` from the latest one.
struct LedgerResource: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var `self`: Link
        var transactions: Link
        var operations: Link
        var payments: Link
        var effects: Link
    }

    var links: Links
    var id: String
    var pagingToken: String
    var hash: String
    var prevHash: String
    var sequence: UInt32
    var successfulTransactionCount: Int
    var failedTransactionCount: Int
    var operationCount: Int
    var txSetOperationCount: Int
    var closedAt: String
    var totalCoins: String
    var feePool: String
    var baseFeeInStroops: Int64
    var baseReserveInStroops: Int64
    var maxTxSetSize: Int
    var protocolVersion: Int

    enum CodingKeys: String, CodingKey {
        case links = "_links", id, pagingToken = "paging_token", hash, prevHash = "prev_hash", sequence
        case successfulTransactionCount = "successful_transaction_count", failedTransactionCount = "failed_transaction_count"
        case operationCount = "operation_count", txSetOperationCount = "tx_set_operation_count", closedAt = "closed_at"
        case totalCoins = "total_coins", feePool = "fee_pool", baseFeeInStroops = "base_fee_in_stroops"
        case baseReserveInStroops = "base_reserve_in_stroops", maxTxSetSize = "max_tx_set_size", protocolVersion = "protocol_version"
    }

    init(_ header: LedgerHeader, base: String, parameters: DevnetParameters) {
        let path = base + "/ledgers/\(header.sequence)"
        self.links = Links(
            self: Link(path), transactions: Link(path + "/transactions{?cursor,limit,order}", templated: true),
            operations: Link(path + "/operations{?cursor,limit,order}", templated: true),
            payments: Link(path + "/payments{?cursor,limit,order}", templated: true),
            effects: Link(path + "/effects{?cursor,limit,order}", templated: true)
        )
        self.id = header.hash
        self.pagingToken = String(OperationID.ledgerStart(header.sequence))
        self.hash = header.hash
        self.prevHash = header.previousHash
        self.sequence = header.sequence
        self.successfulTransactionCount = header.successfulTransactionCount
        self.failedTransactionCount = header.failedTransactionCount
        self.operationCount = header.operationCount
        self.txSetOperationCount = header.operationCount
        self.closedAt = HorizonTime.format(header.closedAt)
        self.totalCoins = Stroops.format(header.totalCoins)
        self.feePool = Stroops.format(header.feePool)
        self.baseFeeInStroops = parameters.baseFee
        self.baseReserveInStroops = parameters.baseReserve
        self.maxTxSetSize = 1000
        self.protocolVersion = parameters.protocolVersion
    }
}
