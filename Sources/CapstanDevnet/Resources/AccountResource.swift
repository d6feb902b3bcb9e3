import Foundation

/// `GET /accounts/{id}`, with Horizon's field names.
struct AccountResource: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var `self`: Link
        var transactions: Link
        var operations: Link
        var payments: Link
        var effects: Link
        var offers: Link
        var trades: Link
        var data: Link
    }

    struct Thresholds: Encodable, Sendable {
        var lowThreshold: UInt32
        var medThreshold: UInt32
        var highThreshold: UInt32

        enum CodingKeys: String, CodingKey {
            case lowThreshold = "low_threshold", medThreshold = "med_threshold", highThreshold = "high_threshold"
        }
    }

    struct Flags: Encodable, Sendable {
        var authRequired: Bool
        var authRevocable: Bool
        var authImmutable: Bool
        var authClawbackEnabled: Bool

        enum CodingKeys: String, CodingKey {
            case authRequired = "auth_required", authRevocable = "auth_revocable", authImmutable = "auth_immutable"
            case authClawbackEnabled = "auth_clawback_enabled"
        }
    }

    struct Balance: Encodable, Sendable {
        var balance: String
        var limit: String?
        var buyingLiabilities = "0.0000000"
        var sellingLiabilities = "0.0000000"
        var lastModifiedLedger: UInt32?
        var isAuthorized: Bool?
        var isAuthorizedToMaintainLiabilities: Bool?
        var isClawbackEnabled: Bool?
        var assetType: String
        var assetCode: String?
        var assetIssuer: String?

        enum CodingKeys: String, CodingKey {
            case balance, limit, buyingLiabilities = "buying_liabilities", sellingLiabilities = "selling_liabilities"
            case lastModifiedLedger = "last_modified_ledger", isAuthorized = "is_authorized"
            case isAuthorizedToMaintainLiabilities = "is_authorized_to_maintain_liabilities", isClawbackEnabled = "is_clawback_enabled"
            case assetType = "asset_type", assetCode = "asset_code", assetIssuer = "asset_issuer"
        }
    }

    struct Signer: Encodable, Sendable {
        var weight: UInt32
        var key: String
        var type: String
    }

    var links: Links
    var id: String
    var accountID: String
    var sequence: String
    var sequenceLedger: UInt32
    var sequenceTime: String
    var subentryCount: Int
    var homeDomain: String?
    var inflationDestination: String?
    var lastModifiedLedger: UInt32
    var lastModifiedTime: String
    var thresholds: Thresholds
    var flags: Flags
    var balances: [Balance]
    var signers: [Signer]
    var data: [String: String]
    var numSponsoring: UInt32
    var numSponsored: UInt32
    var pagingToken: String

    enum CodingKeys: String, CodingKey {
        case links = "_links", id, accountID = "account_id", sequence, sequenceLedger = "sequence_ledger", sequenceTime = "sequence_time"
        case subentryCount = "subentry_count", homeDomain = "home_domain", inflationDestination = "inflation_destination"
        case lastModifiedLedger = "last_modified_ledger", lastModifiedTime = "last_modified_time", thresholds, flags, balances, signers, data
        case numSponsoring = "num_sponsoring", numSponsored = "num_sponsored", pagingToken = "paging_token"
    }

    init(_ account: AccountEntry, base: String) {
        let path = base + "/accounts/" + account.accountID
        self.links = Links(
            self: Link(path), transactions: Link(path + "/transactions{?cursor,limit,order}", templated: true),
            operations: Link(path + "/operations{?cursor,limit,order}", templated: true),
            payments: Link(path + "/payments{?cursor,limit,order}", templated: true),
            effects: Link(path + "/effects{?cursor,limit,order}", templated: true),
            offers: Link(path + "/offers{?cursor,limit,order}", templated: true),
            trades: Link(path + "/trades{?cursor,limit,order}", templated: true), data: Link(path + "/data/{key}", templated: true)
        )
        self.id = account.accountID
        self.accountID = account.accountID
        self.sequence = String(account.sequence)
        self.sequenceLedger = account.sequenceLedger
        self.sequenceTime = String(account.sequenceTime)
        self.subentryCount = account.subentryCount
        self.homeDomain = account.homeDomain.isEmpty ? nil : account.homeDomain
        self.inflationDestination = account.inflationDestination
        self.lastModifiedLedger = account.lastModifiedLedger
        self.lastModifiedTime = HorizonTime.format(account.lastModifiedTime)
        self.thresholds = Thresholds(
            lowThreshold: account.lowThreshold, medThreshold: account.mediumThreshold, highThreshold: account.highThreshold
        )
        self.flags = Flags(
            authRequired: account.flags & AccountFlags.authRequired != 0, authRevocable: account.flags & AccountFlags.authRevocable != 0,
            authImmutable: account.flags & AccountFlags.authImmutable != 0,
            authClawbackEnabled: account.flags & AccountFlags.authClawbackEnabled != 0
        )
        // Horizon lists trustlines first and the native balance last.
        self.balances = account.trustlines.map { line in
            let asset = AssetText.asset(line.asset)
            return Balance(
                balance: Stroops.format(line.balance), limit: Stroops.format(line.limit), lastModifiedLedger: line.lastModifiedLedger,
                isAuthorized: line.isAuthorized, isAuthorizedToMaintainLiabilities: line.flags != 0, isClawbackEnabled: false,
                assetType: asset.map(AssetText.type) ?? "credit_alphanum4", assetCode: asset?.code, assetIssuer: asset?.issuer?.strKey
            )
        } + [Balance(balance: Stroops.format(account.balance), assetType: "native")]
        // Other signers first, the master key last, as Horizon lists them.
        self.signers = account.signers.map { Signer(weight: $0.weight, key: $0.key, type: $0.horizonType) }
            + [Signer(weight: account.masterWeight, key: account.accountID, type: "ed25519_public_key")]
        self.data = account.data.mapValues { $0.base64EncodedString() }
        self.numSponsoring = account.numSponsoring
        self.numSponsored = 0
        self.pagingToken = account.accountID
    }
}
