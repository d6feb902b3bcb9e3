/// Everything SEP-6 reads from the configuration, validated by the composition root.
public struct SEP6Settings: Sendable {
    /// `sep6.legacy_customer_info_status`: answer the deprecated 403 `non_interactive_customer_info_needed` and
    /// `customer_info_status` bodies (and store nothing) instead of a `pending_customer_info_update` transaction.
    public var legacyCustomerInfoStatus: Bool
    /// `sep6.fee_authentication_required`: whether the deprecated `GET /fee` needs a SEP-10 token (SEP-6: anchors
    /// "may want to allow clients to access the `/fee` endpoint" without one).
    public var feeAuthenticationRequired: Bool
    /// `sep6.transactions_max_limit`: the largest `limit` `GET /transactions` honours (larger ones are clamped).
    public var transactionsMaxLimit: Int
    /// Whether `/info` lists `deposit-exchange` and `withdraw-exchange`: only when SEP-38 quotes are served, since
    /// a wallet is told to price an exchange there first.
    public var advertiseExchange: Bool
    /// `/info` `features`: whether deposits may create the destination account.
    public var accountCreation: Bool
    /// `/info` `features`: whether deposits may be paid as claimable balances.
    public var claimableBalances: Bool
    /// The language of messages when the request's `lang` names none this module speaks.
    public var defaultLanguage: String

    public init(
        legacyCustomerInfoStatus: Bool = false, feeAuthenticationRequired: Bool = true, transactionsMaxLimit: Int = 200,
        advertiseExchange: Bool = false, accountCreation: Bool = true, claimableBalances: Bool = false, defaultLanguage: String = "en"
    ) {
        self.legacyCustomerInfoStatus = legacyCustomerInfoStatus
        self.feeAuthenticationRequired = feeAuthenticationRequired
        self.transactionsMaxLimit = transactionsMaxLimit
        self.advertiseExchange = advertiseExchange
        self.accountCreation = accountCreation
        self.claimableBalances = claimableBalances
        self.defaultLanguage = defaultLanguage
    }
}
