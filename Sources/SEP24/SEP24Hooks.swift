/// The anchor's own logic in the interactive flow: which forms to show, what a submitted form means, what to do
/// with SEP-9 fields a wallet sent, and how a user pays a deposit. The plugin hooks `sep24_form`,
/// `sep24_form_submit`, `sep9_save` and `deposit_instructions` implement it (see `capstan_plugin.h`).
///
/// Every method answers nil (or false) when nothing implements it, and the flow falls back to its built-in
/// behaviour: a one-step amount form, no stored SEP-9 fields, no payment instructions. Business refusals are
/// `HookRejection`; failures of the implementation are `HookFailure`.
public protocol SEP24Hooks: Sendable {
    /// The next form for a transaction, or `FormReply(form: nil)` when no more input is needed.
    func form(_ request: FormRequest) async throws -> FormReply?
    /// Tells the anchor a form passed the host's validation; may change amounts or refuse fields.
    func submit(_ request: FormSubmission) async throws -> SubmitReply?
    /// Hands over SEP-9 fields that came with the deposit or withdraw request; false when not implemented.
    func saveSEP9(_ request: SEP9Submission) async throws -> Bool
    /// How the user sends a deposit's off-chain funds.
    func depositInstructions(_ request: InstructionsRequest) async throws -> InstructionsReply?
}

/// The hooks' business refusal (`CAPSTAN_INVALID`): a message for the user and, optionally, one per form field.
public struct HookRejection: Error, Sendable, Equatable {
    public var message: String
    public var fields: [String: String]

    public init(message: String, fields: [String: String] = [:]) {
        self.message = message
        self.fields = fields
    }
}

/// The hooks' implementation failed: `temporary` for a timeout or `CAPSTAN_TRANSIENT` (try again), otherwise
/// permanent. Carries no plugin text: that is logged where the failure is seen.
public struct HookFailure: Error, Sendable, Equatable {
    public var temporary: Bool

    public init(temporary: Bool) {
        self.temporary = temporary
    }
}

/// No plugin: the built-in one-step flow asks for the amount and nothing else.
public struct BuiltInSEP24Hooks: SEP24Hooks {
    public init() {}

    public func form(_ request: FormRequest) async throws -> FormReply? { nil }
    public func submit(_ request: FormSubmission) async throws -> SubmitReply? { nil }
    public func saveSEP9(_ request: SEP9Submission) async throws -> Bool { false }
    public func depositInstructions(_ request: InstructionsRequest) async throws -> InstructionsReply? { nil }
}
