/// `GET /`: the network and how far its history goes.
struct RootResource: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var account: Link
        var accountTransactions: Link
        var friendbot: Link
        var ledger: Link
        var ledgers: Link
        var payments: Link
        var `self`: Link
        var transaction: Link
        var transactions: Link

        enum CodingKeys: String, CodingKey {
            case account, accountTransactions = "account_transactions", friendbot, ledger, ledgers, payments, `self`, transaction, transactions
        }
    }

    var links: Links
    var horizonVersion: String
    var coreVersion: String
    var ingestLatestLedger: UInt32
    var historyLatestLedger: UInt32
    var historyLatestLedgerClosedAt: String
    var historyElderLedger: UInt32
    var coreLatestLedger: UInt32
    var networkPassphrase: String
    var currentProtocolVersion: Int
    var supportedProtocolVersion: Int
    var coreSupportedProtocolVersion: Int

    enum CodingKeys: String, CodingKey {
        case links = "_links", horizonVersion = "horizon_version", coreVersion = "core_version"
        case ingestLatestLedger = "ingest_latest_ledger", historyLatestLedger = "history_latest_ledger"
        case historyLatestLedgerClosedAt = "history_latest_ledger_closed_at", historyElderLedger = "history_elder_ledger"
        case coreLatestLedger = "core_latest_ledger", networkPassphrase = "network_passphrase"
        case currentProtocolVersion = "current_protocol_version", supportedProtocolVersion = "supported_protocol_version"
        case coreSupportedProtocolVersion = "core_supported_protocol_version"
    }

    init(base: String, header: LedgerHeader, elder: UInt32, parameters: DevnetParameters) {
        self.links = Links(
            account: Link(base + "/accounts/{account_id}", templated: true),
            accountTransactions: Link(base + "/accounts/{account_id}/transactions{?cursor,limit,order}", templated: true),
            friendbot: Link(base + "/friendbot{?addr}", templated: true),
            ledger: Link(base + "/ledgers/{sequence}", templated: true),
            ledgers: Link(base + "/ledgers{?cursor,limit,order}", templated: true),
            payments: Link(base + "/payments{?cursor,limit,order}", templated: true),
            self: Link(base + "/"),
            transaction: Link(base + "/transactions/{hash}", templated: true),
            transactions: Link(base + "/transactions{?cursor,limit,order}", templated: true)
        )
        self.horizonVersion = "capstan-devnet"
        self.coreVersion = "capstan-devnet"
        self.ingestLatestLedger = header.sequence
        self.historyLatestLedger = header.sequence
        self.historyLatestLedgerClosedAt = HorizonTime.format(header.closedAt)
        self.historyElderLedger = elder
        self.coreLatestLedger = header.sequence
        self.networkPassphrase = parameters.network.passphrase
        self.currentProtocolVersion = parameters.protocolVersion
        self.supportedProtocolVersion = parameters.protocolVersion
        self.coreSupportedProtocolVersion = parameters.protocolVersion
    }
}
