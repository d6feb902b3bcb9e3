/// An account as `GET /accounts/{id}` shows it: sequence, thresholds, flags, signers and balances.
public struct HorizonAccount: Sendable, Hashable {
    /// The account's `auth_*` flags, which govern the assets it issues.
    public struct Flags: Sendable, Hashable {
        public var authRequired: Bool
        public var authRevocable: Bool
        public var authImmutable: Bool
        public var authClawbackEnabled: Bool

        public init(authRequired: Bool = false, authRevocable: Bool = false, authImmutable: Bool = false, authClawbackEnabled: Bool = false) {
            self.authRequired = authRequired
            self.authRevocable = authRevocable
            self.authImmutable = authImmutable
            self.authClawbackEnabled = authClawbackEnabled
        }
    }

    /// The `G…` account id.
    public var id: String
    /// The current sequence number; the next transaction uses `sequence + 1`.
    public var sequence: Int64
    public var subentryCount: Int
    public var homeDomain: String?
    public var lastModifiedLedger: Int64?
    public var thresholds: LedgerAccount.Thresholds
    public var flags: Flags
    /// Trustlines (and pool shares) first, the native balance last, as Horizon lists them.
    public var balances: [HorizonBalance]
    public var signers: [LedgerAccount.Signer]
    /// Data entries, values base64 as Horizon prints them.
    public var data: [String: String]
    public var numSponsoring: Int
    public var numSponsored: Int

    /// The balance line for `asset`: the native balance or the trustline.
    public func balance(of asset: HorizonAsset) -> HorizonBalance? {
        self.balances.first { $0.asset.type == asset.type && $0.asset.code == asset.code && $0.asset.issuer == asset.issuer }
    }

    /// The subset SEP-10 needs.
    public var ledgerAccount: LedgerAccount {
        LedgerAccount(
            id: self.id, sequence: self.sequence, thresholds: self.thresholds, signers: self.signers,
            balances: self.balances.map {
                LedgerAccount.Balance(
                    assetType: $0.asset.type, assetCode: $0.asset.code, assetIssuer: $0.asset.issuer, liquidityPoolID: $0.liquidityPoolID,
                    balance: $0.balance.description
                )
            }
        )
    }
}

/// One balance line: the native balance, a trustline, or liquidity-pool shares.
public struct HorizonBalance: Sendable, Hashable {
    public var asset: HorizonAsset
    public var liquidityPoolID: String?
    public var balance: HorizonAmount
    /// Trustlines only: the most the account will hold.
    public var limit: HorizonAmount?
    public var buyingLiabilities: HorizonAmount?
    public var sellingLiabilities: HorizonAmount?
    /// Trustlines only: whether the issuer authorized the holder to send and receive.
    public var isAuthorized: Bool?
    /// Trustlines only: whether the holder may at least keep its offers (true also when fully authorized).
    public var isAuthorizedToMaintainLiabilities: Bool?
    public var isClawbackEnabled: Bool?
    public var lastModifiedLedger: Int64?
    public var sponsor: String?

    /// Whether this is a trustline the holder can currently receive on; the native balance always can.
    public var canReceive: Bool { self.asset.isNative || self.isAuthorized == true }
}

extension HorizonAccount: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: HorizonKey.self)
        self.id = try container.value(String.self, "id")
        self.sequence = try container.int64("sequence")
        self.subentryCount = try container.optional(Int.self, "subentry_count") ?? 0
        self.homeDomain = try container.optional(String.self, "home_domain")
        self.lastModifiedLedger = try container.optional(Int64.self, "last_modified_ledger")
        self.thresholds = try container.value(LedgerAccount.Thresholds.self, "thresholds")
        if container.contains(HorizonKey("flags")) {
            let flags = try container.nested("flags")
            self.flags = Flags(
                authRequired: try flags.optional(Bool.self, "auth_required") ?? false,
                authRevocable: try flags.optional(Bool.self, "auth_revocable") ?? false,
                authImmutable: try flags.optional(Bool.self, "auth_immutable") ?? false,
                authClawbackEnabled: try flags.optional(Bool.self, "auth_clawback_enabled") ?? false
            )
        } else {
            self.flags = Flags()
        }
        self.balances = try container.optional([HorizonBalance].self, "balances") ?? []
        self.signers = try container.value([LedgerAccount.Signer].self, "signers")
        self.data = try container.optional([String: String].self, "data") ?? [:]
        self.numSponsoring = try container.optional(Int.self, "num_sponsoring") ?? 0
        self.numSponsored = try container.optional(Int.self, "num_sponsored") ?? 0
    }
}

extension HorizonBalance: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: HorizonKey.self)
        guard let asset = try container.asset(prefix: "asset_") else {
            throw DecodingError.keyNotFound(HorizonKey("asset_type"), .init(codingPath: container.codingPath, debugDescription: "balance without asset_type"))
        }
        self.asset = asset
        self.liquidityPoolID = try container.optional(String.self, "liquidity_pool_id")
        self.balance = try container.value(HorizonAmount.self, "balance")
        self.limit = try container.optional(HorizonAmount.self, "limit")
        self.buyingLiabilities = try container.optional(HorizonAmount.self, "buying_liabilities")
        self.sellingLiabilities = try container.optional(HorizonAmount.self, "selling_liabilities")
        self.isAuthorized = try container.optional(Bool.self, "is_authorized")
        self.isAuthorizedToMaintainLiabilities = try container.optional(Bool.self, "is_authorized_to_maintain_liabilities")
        self.isClawbackEnabled = try container.optional(Bool.self, "is_clawback_enabled")
        self.lastModifiedLedger = try container.optional(Int64.self, "last_modified_ledger")
        self.sponsor = try container.optional(String.self, "sponsor")
    }
}
