/// A payment-family operation as `/payments` and `/accounts/{id}/payments` show it.
struct PaymentResource: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var `self`: Link
        var transaction: Link
        var effects: Link
        var succeeds: Link
        var precedes: Link
    }

    /// One asset of a path: `asset_type`, `asset_code`, `asset_issuer`.
    struct PathAsset: Encodable, Sendable {
        var assetType: String
        var assetCode: String?
        var assetIssuer: String?

        enum CodingKeys: String, CodingKey { case assetType = "asset_type", assetCode = "asset_code", assetIssuer = "asset_issuer" }

        init(_ canonical: String) {
            let asset = AssetText.asset(canonical)
            self.assetType = asset.map(AssetText.type) ?? "native"
            self.assetCode = asset?.code
            self.assetIssuer = asset?.issuer?.strKey
        }
    }

    var links: Links
    var id: String
    var pagingToken: String
    var transactionSuccessful: Bool
    var sourceAccount: String
    var sourceAccountMuxed: String?
    var sourceAccountMuxedID: String?
    var type: String
    var typeI: Int
    var createdAt: String
    var transactionHash: String
    var startingBalance: String?
    var funder: String?
    var account: String?
    var assetType: String?
    var assetCode: String?
    var assetIssuer: String?
    var from: String?
    var fromMuxed: String?
    var fromMuxedID: String?
    var to: String?
    var toMuxed: String?
    var toMuxedID: String?
    var amount: String?
    var path: [PathAsset]?
    var sourceAmount: String?
    var sourceMax: String?
    var destinationMin: String?
    var sourceAssetType: String?
    var sourceAssetCode: String?
    var sourceAssetIssuer: String?
    var into: String?
    var intoMuxed: String?
    var intoMuxedID: String?
    /// With `join=transactions`: the transaction, whose memo a payment watcher needs.
    var transaction: TransactionResource?

    enum CodingKeys: String, CodingKey {
        case links = "_links", id, pagingToken = "paging_token", transactionSuccessful = "transaction_successful"
        case sourceAccount = "source_account", sourceAccountMuxed = "source_account_muxed", sourceAccountMuxedID = "source_account_muxed_id"
        case type, typeI = "type_i", createdAt = "created_at", transactionHash = "transaction_hash"
        case startingBalance = "starting_balance", funder, account
        case assetType = "asset_type", assetCode = "asset_code", assetIssuer = "asset_issuer"
        case from, fromMuxed = "from_muxed", fromMuxedID = "from_muxed_id", to, toMuxed = "to_muxed", toMuxedID = "to_muxed_id", amount
        case path, sourceAmount = "source_amount", sourceMax = "source_max", destinationMin = "destination_min"
        case sourceAssetType = "source_asset_type", sourceAssetCode = "source_asset_code", sourceAssetIssuer = "source_asset_issuer"
        case into, intoMuxed = "into_muxed", intoMuxedID = "into_muxed_id", transaction
    }

    init(_ record: PaymentRecord, base: String, transaction: TransactionRecord? = nil) {
        let id = String(record.id)
        let path = base + "/operations/" + id
        self.links = Links(
            self: Link(path), transaction: Link(base + "/transactions/" + record.transactionHash), effects: Link(path + "/effects"),
            succeeds: Link(base + "/effects?order=desc&cursor=" + id), precedes: Link(base + "/effects?order=asc&cursor=" + id)
        )
        self.id = id
        self.pagingToken = id
        self.transactionSuccessful = record.transactionSuccessful
        self.sourceAccount = record.sourceAccount
        self.sourceAccountMuxed = record.sourceAccountMuxed
        self.sourceAccountMuxedID = MuxedFields.id(record.sourceAccountMuxed)
        self.type = record.kind.rawValue
        self.typeI = record.kind.typeCode
        self.createdAt = HorizonTime.format(record.createdAt)
        self.transactionHash = record.transactionHash
        self.startingBalance = record.startingBalance.map(Stroops.format)
        self.funder = record.funder
        self.account = record.account
        if let asset = record.asset.map(PathAsset.init) {
            (self.assetType, self.assetCode, self.assetIssuer) = (asset.assetType, asset.assetCode, asset.assetIssuer)
        }
        self.from = record.from
        self.fromMuxed = record.fromMuxed
        self.fromMuxedID = MuxedFields.id(record.fromMuxed)
        self.to = record.to
        self.toMuxed = record.toMuxed
        self.toMuxedID = MuxedFields.id(record.toMuxed)
        self.amount = record.amount.map(Stroops.format)
        self.path = record.path.map { $0.map(PathAsset.init) }
        self.sourceAmount = record.sourceAmount.map(Stroops.format)
        self.sourceMax = record.sourceMax.map(Stroops.format)
        self.destinationMin = record.destinationMin.map(Stroops.format)
        if let asset = record.sourceAsset.map(PathAsset.init) {
            (self.sourceAssetType, self.sourceAssetCode, self.sourceAssetIssuer) = (asset.assetType, asset.assetCode, asset.assetIssuer)
        }
        self.into = record.into
        self.intoMuxed = record.intoMuxed
        self.intoMuxedID = MuxedFields.id(record.intoMuxed)
        self.transaction = transaction.map { TransactionResource($0, base: base) }
    }
}
