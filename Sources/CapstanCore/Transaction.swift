#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One SEP-6, SEP-24 or SEP-31 transaction: the union of the three SEPs' transaction objects plus what the
/// anchor needs to own and lock it. The transactions table is the source of truth; this is its row.
///
/// Field names follow the SEPs (JSON keys are the SEP spellings). Fields a SEP does not define stay `nil` for
/// that protocol; the per-SEP response types decide what a wallet sees. Stores keep dates to the millisecond.
public struct Transaction: Sendable, Codable, Equatable {
    // MARK: identity and ownership

    /// The anchor's id for the transaction (a lowercase UUID unless a caller chose otherwise).
    public var id: String
    /// What the transaction does.
    public var kind: TransactionKind
    /// The SEP it was created through.
    public var `protocol`: TransactionProtocol
    /// The full SEP-10 subject that owns it (`G…`, `G…:memo` or `M…`): every lookup for a wallet filters on this.
    public var sub: String
    /// The code of the anchored asset involved (an `Asset.code`).
    public var assetCode: String
    /// Bumped on every update; an update that read an older version fails with `StoreError.conflict`.
    public var version: Int64

    // MARK: status

    public var status: TransactionStatus
    /// Estimated seconds until the status changes.
    public var statusEta: Int64?
    /// SEP-31 `status_message`: a human-readable explanation of the status.
    public var statusMessage: String?
    /// SEP-24 `kyc_verified`.
    public var kycVerified: Bool?
    /// A page where the user can follow the transaction (required in practice for SEP-24).
    public var moreInfoURL: String?
    /// Human-readable explanation, e.g. why it failed.
    public var message: String?

    // MARK: amounts

    /// Amount received by the anchor (before fees).
    public var amountIn: Amount?
    /// SEP-38 asset id of `amountIn` (`stellar:CODE:ISSUER`, `iso4217:USD`).
    public var amountInAsset: String?
    /// Amount the anchor sends to the user.
    public var amountOut: Amount?
    /// SEP-38 asset id of `amountOut`.
    public var amountOutAsset: String?
    /// Total fee (deprecated in the SEPs in favour of `feeDetails`, still sent).
    public var amountFee: Amount?
    /// SEP-38 asset id of `amountFee`.
    public var amountFeeAsset: String?
    /// What the user said they would send; incoming payments are matched against it.
    public var amountExpected: Amount?
    /// Fee total and its parts.
    public var feeDetails: FeeDetails?
    /// The SEP-38 firm quote the amounts come from.
    public var quoteID: String?

    // MARK: times

    public var startedAt: Date
    public var updatedAt: Date
    public var completedAt: Date?
    /// Deadline for the user's next action (e.g. sending funds before a quote expires).
    public var userActionRequiredBy: Date?

    // MARK: payments

    /// Hash of the Stellar transaction that moved the funds.
    public var stellarTransactionID: String?
    /// The off-chain rail's reference.
    public var externalTransactionID: String?
    /// Deprecated SEP flag: whether any refund happened.
    public var refunded: Bool
    /// Refunds made, with their payments.
    public var refunds: Refunds?
    /// Source of funds: a Stellar account for withdrawals, an off-chain reference for deposits.
    public var from: String?
    /// Destination of funds: a Stellar account for deposits, an off-chain reference for withdrawals.
    public var to: String?
    /// SEP-6 `external_extra` (e.g. a bank routing number for `to`).
    public var externalExtra: String?
    /// SEP-6 `external_extra_text` (e.g. the bank name).
    public var externalExtraText: String?
    /// Deposit: the memo to put on the Stellar payment to `to`.
    public var depositMemo: String?
    public var depositMemoType: MemoType?
    /// Withdrawal: the account the user pays.
    public var withdrawAnchorAccount: String?
    /// Withdrawal: the memo the user's payment must carry; with `withdrawAnchorAccount` it identifies the payment.
    public var withdrawMemo: String?
    public var withdrawMemoType: MemoType?
    /// Deposit paid as a claimable balance: its id (hex of the XDR union).
    public var claimableBalanceID: String?
    /// Whether the wallet accepts a claimable balance instead of a payment (`claimable_balance_supported`).
    public var claimableBalanceSupported: Bool
    /// Memo for paying back a withdrawal's source (`refund_memo`).
    public var refundMemo: String?
    public var refundMemoType: MemoType?

    // MARK: SEP-31

    /// SEP-12 customer id of the sender.
    public var senderID: String?
    /// SEP-12 customer id of the receiver.
    public var receiverID: String?
    /// The account the sending anchor pays.
    public var stellarAccountID: String?
    /// The memo the sending anchor's payment must carry.
    public var stellarMemo: String?
    public var stellarMemoType: MemoType?

    // MARK: requests for information and instructions

    /// Why more information is needed.
    public var requiredInfoMessage: String?
    /// Fields the wallet must supply (SEP-6 PATCH, SEP-31).
    public var requiredInfoUpdates: [String: FieldRequirement]?
    /// How to send off-chain funds (SEP-6 deposit): SEP-9 field name to value.
    public var instructions: [String: Instruction]?

    // MARK: request context

    /// The funding method chosen from `/info` (`funding_method`).
    public var fundingMethod: String?
    /// Deprecated SEP-6 `type` (`bank_account`, `cash`, …).
    public var type: String?
    /// SEP-12 customer id given with the request (`customer_id`).
    public var customerID: String?
    /// Where to POST the transaction on every status change (`on_change_callback`).
    public var onChangeCallback: String?
    /// Wallet callback: SEP-24 `callback` URL or SEP-31 `PUT /transactions/:id/callback` URL.
    public var callback: String?
    /// Language for messages (`lang`, RFC 4646).
    public var lang: String?
    /// The wallet's domain from the JWT `client_domain` claim.
    public var clientDomain: String?
    /// The memo of the owner's shared account: the `:memo` of a `G…:memo` subject or the id of an `M…` one.
    public var accountMemo: String?

    /// A new transaction: only identity, status and start time are required; everything else starts empty.
    /// `updatedAt` defaults to `startedAt` and `version` to 1.
    public init(
        id: String = Transaction.newID(),
        kind: TransactionKind,
        protocol: TransactionProtocol,
        sub: String,
        assetCode: String,
        status: TransactionStatus,
        startedAt: Date,
        updatedAt: Date? = nil,
        version: Int64 = 1,
        statusEta: Int64? = nil,
        statusMessage: String? = nil,
        kycVerified: Bool? = nil,
        moreInfoURL: String? = nil,
        message: String? = nil,
        amountIn: Amount? = nil,
        amountInAsset: String? = nil,
        amountOut: Amount? = nil,
        amountOutAsset: String? = nil,
        amountFee: Amount? = nil,
        amountFeeAsset: String? = nil,
        amountExpected: Amount? = nil,
        feeDetails: FeeDetails? = nil,
        quoteID: String? = nil,
        completedAt: Date? = nil,
        userActionRequiredBy: Date? = nil,
        stellarTransactionID: String? = nil,
        externalTransactionID: String? = nil,
        refunded: Bool = false,
        refunds: Refunds? = nil,
        from: String? = nil,
        to: String? = nil,
        externalExtra: String? = nil,
        externalExtraText: String? = nil,
        depositMemo: String? = nil,
        depositMemoType: MemoType? = nil,
        withdrawAnchorAccount: String? = nil,
        withdrawMemo: String? = nil,
        withdrawMemoType: MemoType? = nil,
        claimableBalanceID: String? = nil,
        claimableBalanceSupported: Bool = false,
        refundMemo: String? = nil,
        refundMemoType: MemoType? = nil,
        senderID: String? = nil,
        receiverID: String? = nil,
        stellarAccountID: String? = nil,
        stellarMemo: String? = nil,
        stellarMemoType: MemoType? = nil,
        requiredInfoMessage: String? = nil,
        requiredInfoUpdates: [String: FieldRequirement]? = nil,
        instructions: [String: Instruction]? = nil,
        fundingMethod: String? = nil,
        type: String? = nil,
        customerID: String? = nil,
        onChangeCallback: String? = nil,
        callback: String? = nil,
        lang: String? = nil,
        clientDomain: String? = nil,
        accountMemo: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.protocol = `protocol`
        self.sub = sub
        self.assetCode = assetCode
        self.status = status
        self.startedAt = startedAt
        self.updatedAt = updatedAt ?? startedAt
        self.version = version
        self.statusEta = statusEta
        self.statusMessage = statusMessage
        self.kycVerified = kycVerified
        self.moreInfoURL = moreInfoURL
        self.message = message
        self.amountIn = amountIn
        self.amountInAsset = amountInAsset
        self.amountOut = amountOut
        self.amountOutAsset = amountOutAsset
        self.amountFee = amountFee
        self.amountFeeAsset = amountFeeAsset
        self.amountExpected = amountExpected
        self.feeDetails = feeDetails
        self.quoteID = quoteID
        self.completedAt = completedAt
        self.userActionRequiredBy = userActionRequiredBy
        self.stellarTransactionID = stellarTransactionID
        self.externalTransactionID = externalTransactionID
        self.refunded = refunded
        self.refunds = refunds
        self.from = from
        self.to = to
        self.externalExtra = externalExtra
        self.externalExtraText = externalExtraText
        self.depositMemo = depositMemo
        self.depositMemoType = depositMemoType
        self.withdrawAnchorAccount = withdrawAnchorAccount
        self.withdrawMemo = withdrawMemo
        self.withdrawMemoType = withdrawMemoType
        self.claimableBalanceID = claimableBalanceID
        self.claimableBalanceSupported = claimableBalanceSupported
        self.refundMemo = refundMemo
        self.refundMemoType = refundMemoType
        self.senderID = senderID
        self.receiverID = receiverID
        self.stellarAccountID = stellarAccountID
        self.stellarMemo = stellarMemo
        self.stellarMemoType = stellarMemoType
        self.requiredInfoMessage = requiredInfoMessage
        self.requiredInfoUpdates = requiredInfoUpdates
        self.instructions = instructions
        self.fundingMethod = fundingMethod
        self.type = type
        self.customerID = customerID
        self.onChangeCallback = onChangeCallback
        self.callback = callback
        self.lang = lang
        self.clientDomain = clientDomain
        self.accountMemo = accountMemo
    }

    /// A fresh random id: a lowercase UUID, as Polaris and the Anchor Platform use.
    public static func newID() -> String { UUID().uuidString.lowercased() }

    enum CodingKeys: String, CodingKey {
        case id, kind, `protocol`, sub
        case assetCode = "asset_code"
        case version, status
        case statusEta = "status_eta"
        case statusMessage = "status_message"
        case kycVerified = "kyc_verified"
        case moreInfoURL = "more_info_url"
        case message
        case amountIn = "amount_in"
        case amountInAsset = "amount_in_asset"
        case amountOut = "amount_out"
        case amountOutAsset = "amount_out_asset"
        case amountFee = "amount_fee"
        case amountFeeAsset = "amount_fee_asset"
        case amountExpected = "amount_expected"
        case feeDetails = "fee_details"
        case quoteID = "quote_id"
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case completedAt = "completed_at"
        case userActionRequiredBy = "user_action_required_by"
        case stellarTransactionID = "stellar_transaction_id"
        case externalTransactionID = "external_transaction_id"
        case refunded, refunds, from, to
        case externalExtra = "external_extra"
        case externalExtraText = "external_extra_text"
        case depositMemo = "deposit_memo"
        case depositMemoType = "deposit_memo_type"
        case withdrawAnchorAccount = "withdraw_anchor_account"
        case withdrawMemo = "withdraw_memo"
        case withdrawMemoType = "withdraw_memo_type"
        case claimableBalanceID = "claimable_balance_id"
        case claimableBalanceSupported = "claimable_balance_supported"
        case refundMemo = "refund_memo"
        case refundMemoType = "refund_memo_type"
        case senderID = "sender_id"
        case receiverID = "receiver_id"
        case stellarAccountID = "stellar_account_id"
        case stellarMemo = "stellar_memo"
        case stellarMemoType = "stellar_memo_type"
        case requiredInfoMessage = "required_info_message"
        case requiredInfoUpdates = "required_info_updates"
        case instructions
        case fundingMethod = "funding_method"
        case type
        case customerID = "customer_id"
        case onChangeCallback = "on_change_callback"
        case callback, lang
        case clientDomain = "client_domain"
        case accountMemo = "account_memo"
    }
}
