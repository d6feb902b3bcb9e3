import CCapstanPlugin

/// A hook of plugin ABI v1, named as in `capstan_plugin.h` and in the same order as `capstan_hooks`.
public enum PluginHook: String, CaseIterable, Sendable, Codable {
    case toml
    case fee
    case sep6Info = "sep6_info"
    case sep6Deposit = "sep6_deposit"
    case sep6Withdraw = "sep6_withdraw"
    case sep24Form = "sep24_form"
    case sep24FormSubmit = "sep24_form_submit"
    case sep9Save = "sep9_save"
    case depositInstructions = "deposit_instructions"
    case railsPollDeposits = "rails_poll_deposits"
    case railsSendPayout = "rails_send_payout"
    case railsPollPayouts = "rails_poll_payouts"
    case afterDeposit = "after_deposit"
    case transactionEvent = "transaction_event"
    case customerGet = "customer_get"
    case customerPut = "customer_put"
    case customerDelete = "customer_delete"
    case customerCallback = "customer_callback"
    case customerVerification = "customer_verification"
    case quotePrices = "quote_prices"
    case quotePrice = "quote_price"
    case quoteCreate = "quote_create"
    case sep31Info = "sep31_info"
    case sep31Receive = "sep31_receive"

    /// The hook's slot in the C table; a table whose `struct_size` ends before it lacks the hook.
    var slot: KeyPath<capstan_hooks, capstan_hook_fn?> {
        switch self {
        case .toml: \.toml
        case .fee: \.fee
        case .sep6Info: \.sep6_info
        case .sep6Deposit: \.sep6_deposit
        case .sep6Withdraw: \.sep6_withdraw
        case .sep24Form: \.sep24_form
        case .sep24FormSubmit: \.sep24_form_submit
        case .sep9Save: \.sep9_save
        case .depositInstructions: \.deposit_instructions
        case .railsPollDeposits: \.rails_poll_deposits
        case .railsSendPayout: \.rails_send_payout
        case .railsPollPayouts: \.rails_poll_payouts
        case .afterDeposit: \.after_deposit
        case .transactionEvent: \.transaction_event
        case .customerGet: \.customer_get
        case .customerPut: \.customer_put
        case .customerDelete: \.customer_delete
        case .customerCallback: \.customer_callback
        case .customerVerification: \.customer_verification
        case .quotePrices: \.quote_prices
        case .quotePrice: \.quote_price
        case .quoteCreate: \.quote_create
        case .sep31Info: \.sep31_info
        case .sep31Receive: \.sep31_receive
        }
    }
}
