/// A payment-family operation (`create_account`, `payment`, both path payments, `account_merge`) as history keeps it.
struct PaymentRecord: Codable, Sendable {
    enum Kind: String, Codable, Sendable {
        case createAccount = "create_account"
        case payment
        case pathPaymentStrictReceive = "path_payment_strict_receive"
        case pathPaymentStrictSend = "path_payment_strict_send"
        case accountMerge = "account_merge"

        /// Horizon's `type_i`, the XDR operation type.
        var typeCode: Int {
            switch self {
            case .createAccount: 0
            case .payment: 1
            case .pathPaymentStrictReceive: 2
            case .accountMerge: 8
            case .pathPaymentStrictSend: 13
            }
        }
    }

    /// The TOID, also the paging token.
    var id: Int64
    var kind: Kind
    var transactionHash: String
    var transactionSuccessful: Bool
    var createdAt: UInt64
    /// `G…`, and `M…` when the operation's source was muxed.
    var sourceAccount: String
    var sourceAccountMuxed: String?
    /// Payments and path payments: sender and recipient (`G…`, with `M…` when muxed), asset and amount received.
    var from: String?
    var fromMuxed: String?
    var to: String?
    var toMuxed: String?
    var asset: String?
    var amount: Int64?
    /// Path payments: what was sent and its bounds.
    var sourceAsset: String?
    var sourceAmount: Int64?
    var sourceMax: Int64?
    var destinationMin: Int64?
    var path: [String]?
    /// create_account.
    var funder: String?
    var account: String?
    var startingBalance: Int64?
    /// account_merge (`account` is the merged one).
    var into: String?
    var intoMuxed: String?

    /// Every `G…` account the operation touches, for `/accounts/{id}/payments`.
    var participants: [String] {
        [self.sourceAccount, self.from, self.to, self.funder, self.account, self.into].compactMap(\.self)
    }
}
