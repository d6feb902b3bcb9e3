/// An asset the anchor deals in, with its per-direction limits and fees.
///
/// JSON and column names use the SEP `/info` spellings (`min_amount`, `fee_percent`, …) so error messages,
/// config keys and wallet-facing fields all say the same thing.
public struct Asset: Sendable, Codable, Equatable {
    /// The asset code, 1–12 ASCII letters or digits (`native` for XLM).
    public var code: String
    /// The issuing account (`G…`), `nil` for the native asset.
    public var issuer: String?
    /// The account that pays deposits and receives withdrawals, when it is not the issuer.
    public var distributionAccount: String?
    /// Decimal places fees and displayed amounts are rounded to (0…7).
    public var significantDecimals: Int
    /// The SEPs this asset is offered under.
    public var seps: Set<SEPNumber>
    /// Deposits: off-chain value in, Stellar asset out.
    public var deposit: Direction
    /// Withdrawals: Stellar asset in, off-chain value out.
    public var withdraw: Direction

    public init(
        code: String,
        issuer: String? = nil,
        distributionAccount: String? = nil,
        significantDecimals: Int = 2,
        seps: Set<SEPNumber> = [],
        deposit: Direction = Direction(),
        withdraw: Direction = Direction()
    ) {
        self.code = code
        self.issuer = issuer
        self.distributionAccount = distributionAccount
        self.significantDecimals = significantDecimals
        self.seps = seps
        self.deposit = deposit
        self.withdraw = withdraw
    }

    /// Limits and fees for one direction; `nil` means "no limit" or "no such fee".
    public struct Direction: Sendable, Codable, Equatable {
        /// Whether this direction is offered at all.
        public var enabled: Bool
        /// The smallest accepted amount.
        public var minAmount: Amount?
        /// The largest accepted amount.
        public var maxAmount: Amount?
        /// A flat fee in units of the asset.
        public var feeFixed: Amount?
        /// A fee in percent of the amount (`1.5` is 1.5 %).
        public var feePercent: Amount?

        public init(
            enabled: Bool = false,
            minAmount: Amount? = nil,
            maxAmount: Amount? = nil,
            feeFixed: Amount? = nil,
            feePercent: Amount? = nil
        ) {
            self.enabled = enabled
            self.minAmount = minAmount
            self.maxAmount = maxAmount
            self.feeFixed = feeFixed
            self.feePercent = feePercent
        }

        enum CodingKeys: String, CodingKey {
            case enabled
            case minAmount = "min_amount"
            case maxAmount = "max_amount"
            case feeFixed = "fee_fixed"
            case feePercent = "fee_percent"
        }

        /// Missing keys take the memberwise defaults, so a config may say only `enabled: true`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? false
            self.minAmount = try container.decodeIfPresent(Amount.self, forKey: .minAmount)
            self.maxAmount = try container.decodeIfPresent(Amount.self, forKey: .maxAmount)
            self.feeFixed = try container.decodeIfPresent(Amount.self, forKey: .feeFixed)
            self.feePercent = try container.decodeIfPresent(Amount.self, forKey: .feePercent)
        }
    }

    enum CodingKeys: String, CodingKey {
        case code, issuer
        case distributionAccount = "distribution_account"
        case significantDecimals = "significant_decimals"
        case seps, deposit, withdraw
    }

    /// Missing optional keys take the memberwise defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.code = try container.decode(String.self, forKey: .code)
        self.issuer = try container.decodeIfPresent(String.self, forKey: .issuer)
        self.distributionAccount = try container.decodeIfPresent(String.self, forKey: .distributionAccount)
        self.significantDecimals = try container.decodeIfPresent(Int.self, forKey: .significantDecimals) ?? 2
        self.seps = try container.decodeIfPresent(Set<SEPNumber>.self, forKey: .seps) ?? []
        self.deposit = try container.decodeIfPresent(Direction.self, forKey: .deposit) ?? Direction()
        self.withdraw = try container.decodeIfPresent(Direction.self, forKey: .withdraw) ?? Direction()
    }
}

/// The SEPs an asset can be offered under.
public enum SEPNumber: Int, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case sep6 = 6
    case sep24 = 24
    case sep31 = 31
    case sep38 = 38

    public static func < (lhs: SEPNumber, rhs: SEPNumber) -> Bool { lhs.rawValue < rhs.rawValue }
}
