/// A payment-family operation as `/accounts/{id}/payments` lists it: `create_account`, `payment`, the path payments,
/// `account_merge` (and whatever types later Horizon versions add there, kept with their common fields).
public struct HorizonPayment: Sendable, Hashable {
    /// Horizon's operation `type`.
    public struct Kind: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let createAccount = Kind(rawValue: "create_account")
        public static let payment = Kind(rawValue: "payment")
        public static let pathPaymentStrictReceive = Kind(rawValue: "path_payment_strict_receive")
        public static let pathPaymentStrictSend = Kind(rawValue: "path_payment_strict_send")
        public static let accountMerge = Kind(rawValue: "account_merge")
        /// A Soroban call; Horizon lists it here for Stellar Asset Contract transfers (details in `asset_balance_changes`, not modelled).
        public static let invokeHostFunction = Kind(rawValue: "invoke_host_function")
    }

    /// The operation id (a TOID).
    public var id: String
    /// Where the next page or a reconnecting stream continues from.
    public var pagingToken: String
    public var kind: Kind
    public var createdAt: String
    public var transactionHash: String
    public var transactionSuccessful: Bool
    /// The operation's source account.
    public var sourceAccount: String
    /// Payments and path payments: sender and recipient (`G…`), with the `M…` forms when muxed.
    public var from: String?
    public var to: String?
    public var fromMuxed: String?
    public var toMuxed: String?
    /// The muxed recipient's id, a uint64 Horizon prints as a string.
    public var toMuxedID: String?
    /// Payments and path payments: the asset and amount received.
    public var asset: HorizonAsset?
    public var amount: HorizonAmount?
    /// Path payments: what was sent, and the bounds the sender set.
    public var sourceAsset: HorizonAsset?
    public var sourceAmount: HorizonAmount?
    public var sourceMax: HorizonAmount?
    public var destinationMin: HorizonAmount?
    /// create_account: who funded whom with how much; account_merge: the merged `account` and where it went (`into`).
    public var funder: String?
    public var account: String?
    public var startingBalance: HorizonAmount?
    public var into: String?
    /// With `join=transactions`: the transaction, whose memo identifies an anchor deposit or withdrawal.
    public var transaction: HorizonTransaction?

    /// The joined transaction's memo (nil without the join).
    public var memo: HorizonMemo? { self.transaction?.memo }

    /// Who received funds: `to`, the created `account`, or the merge's `into`.
    public var recipient: String? {
        switch self.kind {
        case .createAccount: self.account
        case .accountMerge: self.into
        default: self.to
        }
    }

    /// What was received, when the record says it: the amount, or a new account's starting lumens. A merge's amount
    /// is only in its effects, so it is nil there.
    public var receivedAmount: HorizonAmount? {
        self.kind == .createAccount ? self.startingBalance : self.amount
    }

    /// The asset received: `asset`, or lumens for create_account and account_merge.
    public var receivedAsset: HorizonAsset? {
        self.kind == .createAccount || self.kind == .accountMerge ? .native : self.asset
    }
}

extension HorizonPayment: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: HorizonKey.self)
        self.id = try container.value(String.self, "id")
        self.pagingToken = try container.value(String.self, "paging_token")
        self.kind = Kind(rawValue: try container.value(String.self, "type"))
        self.createdAt = try container.value(String.self, "created_at")
        self.transactionHash = try container.value(String.self, "transaction_hash")
        // Horizon omits it on records ingested before it existed; those are successful ones.
        self.transactionSuccessful = try container.optional(Bool.self, "transaction_successful") ?? true
        self.sourceAccount = try container.value(String.self, "source_account")
        self.from = try container.optional(String.self, "from")
        self.to = try container.optional(String.self, "to")
        self.fromMuxed = try container.optional(String.self, "from_muxed")
        self.toMuxed = try container.optional(String.self, "to_muxed")
        self.toMuxedID = try container.optional(String.self, "to_muxed_id")
        self.asset = try container.asset(prefix: "asset_")
        self.amount = try container.optional(HorizonAmount.self, "amount")
        self.sourceAsset = try container.asset(prefix: "source_asset_")
        self.sourceAmount = try container.optional(HorizonAmount.self, "source_amount")
        self.sourceMax = try container.optional(HorizonAmount.self, "source_max")
        self.destinationMin = try container.optional(HorizonAmount.self, "destination_min")
        self.funder = try container.optional(String.self, "funder")
        self.account = try container.optional(String.self, "account")
        self.startingBalance = try container.optional(HorizonAmount.self, "starting_balance")
        self.into = try container.optional(String.self, "into")
        self.transaction = try container.optional(HorizonTransaction.self, "transaction")
        switch self.kind {
        case .payment, .pathPaymentStrictReceive, .pathPaymentStrictSend:
            guard self.to != nil, self.asset != nil, self.amount != nil else {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "\(self.kind.rawValue) without to, asset or amount"))
            }
        case .createAccount:
            guard self.account != nil, self.startingBalance != nil else {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "create_account without account or starting_balance"))
            }
        default:
            break
        }
    }
}

/// A record that could not be decoded; its paging token (when readable) lets a reader move past it.
public struct HorizonUndecodableRecord: Sendable, Hashable {
    public var pagingToken: String?
    public var reason: String

    public init(pagingToken: String?, reason: String) {
        self.pagingToken = pagingToken
        self.reason = reason
    }
}
