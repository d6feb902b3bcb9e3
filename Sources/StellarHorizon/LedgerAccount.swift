/// An account as the ledger holds it: its sequence number, thresholds, signers and balances.
public struct LedgerAccount: Sendable, Hashable {
    /// The weights an operation's signatures must reach, by operation threshold category.
    public struct Thresholds: Sendable, Hashable {
        public var low: Int
        /// Payments and most operations; SEP-10 requires this one ("Verifying Authority to Move Funds").
        public var medium: Int
        public var high: Int

        public init(low: Int, medium: Int, high: Int) {
            (self.low, self.medium, self.high) = (low, medium, high)
        }
    }

    /// One signer of the account, the master key included (with the account id as its key).
    public struct Signer: Sendable, Hashable {
        /// The signer's strkey: `G…` for ed25519 keys, `T…`, `X…` or `P…` for the other kinds.
        public var key: String
        public var weight: Int
        public var type: SignerType

        public init(key: String, weight: Int, type: SignerType) {
            (self.key, self.weight, self.type) = (key, weight, type)
        }
    }

    /// Horizon's signer type names; unknown future kinds are kept as they are rather than rejected.
    public struct SignerType: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let ed25519PublicKey = SignerType(rawValue: "ed25519_public_key")
        public static let sha256Hash = SignerType(rawValue: "sha256_hash")
        public static let preAuthTransaction = SignerType(rawValue: "preauth_tx")
        public static let ed25519SignedPayload = SignerType(rawValue: "ed25519_signed_payload")
    }

    /// One balance line: the native balance, a trustline or a liquidity-pool share.
    public struct Balance: Sendable, Hashable {
        /// `native`, `credit_alphanum4`, `credit_alphanum12` or `liquidity_pool_shares`.
        public var assetType: String
        public var assetCode: String?
        public var assetIssuer: String?
        public var liquidityPoolID: String?
        /// The amount as Horizon prints it: a decimal string with seven places.
        public var balance: String

        public init(assetType: String, assetCode: String? = nil, assetIssuer: String? = nil, liquidityPoolID: String? = nil, balance: String) {
            self.assetType = assetType
            self.assetCode = assetCode
            self.assetIssuer = assetIssuer
            self.liquidityPoolID = liquidityPoolID
            self.balance = balance
        }
    }

    /// The `G…` account id.
    public var id: String
    public var sequence: Int64
    public var thresholds: Thresholds
    public var signers: [Signer]
    public var balances: [Balance]

    public init(id: String, sequence: Int64, thresholds: Thresholds, signers: [Signer], balances: [Balance] = []) {
        self.id = id
        self.sequence = sequence
        self.thresholds = thresholds
        self.signers = signers
        self.balances = balances
    }
}
