import CCapstanPlugin

/// A hook of plugin ABI v1, named as in `capstan_plugin.h`.
public enum PluginHook: String, CaseIterable, Sendable {
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

    /// Where the hook's trampoline goes in the C table.
    var slot: WritableKeyPath<capstan_hooks, capstan_hook_fn?> {
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

    /// One C function per slot: C function pointers cannot capture, so each trampoline names its
    /// hook as a literal and finds the handler through the instance pointer.
    var trampoline: capstan_hook_fn {
        switch self {
        case .toml: { HookDispatch.run(.toml, $0, $1) }
        case .fee: { HookDispatch.run(.fee, $0, $1) }
        case .sep6Info: { HookDispatch.run(.sep6Info, $0, $1) }
        case .sep6Deposit: { HookDispatch.run(.sep6Deposit, $0, $1) }
        case .sep6Withdraw: { HookDispatch.run(.sep6Withdraw, $0, $1) }
        case .sep24Form: { HookDispatch.run(.sep24Form, $0, $1) }
        case .sep24FormSubmit: { HookDispatch.run(.sep24FormSubmit, $0, $1) }
        case .sep9Save: { HookDispatch.run(.sep9Save, $0, $1) }
        case .depositInstructions: { HookDispatch.run(.depositInstructions, $0, $1) }
        case .railsPollDeposits: { HookDispatch.run(.railsPollDeposits, $0, $1) }
        case .railsSendPayout: { HookDispatch.run(.railsSendPayout, $0, $1) }
        case .railsPollPayouts: { HookDispatch.run(.railsPollPayouts, $0, $1) }
        case .afterDeposit: { HookDispatch.run(.afterDeposit, $0, $1) }
        case .transactionEvent: { HookDispatch.run(.transactionEvent, $0, $1) }
        case .customerGet: { HookDispatch.run(.customerGet, $0, $1) }
        case .customerPut: { HookDispatch.run(.customerPut, $0, $1) }
        case .customerDelete: { HookDispatch.run(.customerDelete, $0, $1) }
        case .customerCallback: { HookDispatch.run(.customerCallback, $0, $1) }
        case .customerVerification: { HookDispatch.run(.customerVerification, $0, $1) }
        case .quotePrices: { HookDispatch.run(.quotePrices, $0, $1) }
        case .quotePrice: { HookDispatch.run(.quotePrice, $0, $1) }
        case .quoteCreate: { HookDispatch.run(.quoteCreate, $0, $1) }
        case .sep31Info: { HookDispatch.run(.sep31Info, $0, $1) }
        case .sep31Receive: { HookDispatch.run(.sep31Receive, $0, $1) }
        }
    }
}
