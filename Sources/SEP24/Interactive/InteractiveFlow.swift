import CapstanHTTP
import CapstanCore

/// The interactive flow of one transaction, independent of HTTP: which form comes next, what a submitted form
/// changes, and how the flow ends.
///
/// The anchor's hooks choose the forms; the host validates every submission against the form it served, works
/// out amounts and fees, and alone changes the transaction (through `TransactionStore.update`, the only way
/// status moves). When no form is left, a deposit waits for the user's off-chain payment and a withdrawal gets
/// the account and memo the user's wallet must pay; both enter `pending_user_transfer_start` (SEP-24: "the most
/// common status after `incomplete`").
struct InteractiveFlow: Sendable {
    let deps: SEP24Dependencies

    /// What an incomplete transaction needs next.
    enum Next: Sendable {
        case form(FormSchema, content: PageContent?)
        case finished(closing: PageContent?)
    }

    /// What became of a submitted form.
    enum Outcome: Sendable {
        /// Shown again with these per-field messages (and a message for the whole form, from the anchor).
        case invalid(fields: [String: String], message: String?)
        case accepted(Transaction)
    }

    func next(_ transaction: Transaction, asset: Asset, state: FlowState, language: String) async throws -> Next {
        let request = FormRequest(
            transaction: HookTransaction(transaction, assetIssuer: asset.issuer), step: state.step, lang: language,
            values: state.values, prefill: state.prefill)
        let reply: FormReply
        do {
            reply = try await self.deps.hooks.form(request) ?? self.builtIn(transaction, asset: asset, state: state, language: language)
        } catch is HookRejection {
            throw FlowError.misconfigured("sep24_form refused the request")
        }
        guard let form = reply.form else { return .finished(closing: reply.content) }
        try Self.check(form)
        return .form(form, content: reply.content)
    }

    func submit(
        _ transaction: Transaction, asset: Asset, state: FlowState, form: FormSchema, submitted: [String: String], language: String
    ) async throws -> Outcome {
        let operation: FeeOperation = transaction.kind == .deposit ? .deposit : .withdraw
        let validator = FormValidator(catalog: self.deps.pages.catalog, language: language, asset: asset, operation: operation)
        let (values, errors) = validator.validate(form, submitted)
        guard errors.isEmpty else { return .invalid(fields: errors, message: nil) }

        let amountField = form.fields.first { $0.type == .amount }
        var quote: FeeBreakdown?
        if let field = amountField, let amount = values[field.name].flatMap({ Amount($0) }) {
            switch try await self.quote(amount, asset: asset, operation: operation) {
            case .success(let breakdown): quote = breakdown
            case .failure(let fee): return .invalid(fields: [field.name: self.feeExceeds(fee, validator, language)], message: nil)
            }
        }
        let changes: SubmitReply.Changes?
        do {
            changes = try await self.deps.hooks.submit(FormSubmission(
                transaction: HookTransaction(transaction, assetIssuer: asset.issuer), form: form.id, step: state.step,
                values: values, lang: language))?.transaction
        } catch let rejection as HookRejection {
            return .invalid(fields: rejection.fields, message: rejection.message)
        }
        if let text = changes?.amountIn {
            guard let amount = Amount(text) else { throw FlowError.badHookReply("amount_in is not an amount") }
            do { try self.deps.fees.validate(amount: amount, asset: asset, operation: operation) } catch {
                return .invalid(fields: [amountField?.name ?? "": error.description], message: error.description)
            }
            switch try await self.quote(amount, asset: asset, operation: operation) {
            case .success(let breakdown): quote = breakdown
            case .failure(let fee): return .invalid(fields: [amountField?.name ?? "": self.feeExceeds(fee, validator, language)], message: nil)
            }
        }
        if var adjusted = quote, let changes {
            // The anchor may set its own fee or payout; the payout never exceeds what comes in less the fee.
            if let fee = try changes.amountFee.map(Self.amount) { adjusted.amountFee = fee; adjusted.feeDetails.total = fee; adjusted.feeDetails.details = nil }
            adjusted.amountOut = try changes.amountOut.map(Self.amount) ?? Amount(units: max(0, adjusted.amountIn.units - adjusted.amountFee.units))
            guard adjusted.amountFee <= adjusted.amountIn, adjusted.amountOut.units + adjusted.amountFee.units <= adjusted.amountIn.units else {
                throw FlowError.badHookReply("amounts do not add up")
            }
            quote = adjusted
        }

        let assetID = asset.sep38Identifier
        let updated = try await self.deps.transactions.update(
            id: transaction.id, expectedVersion: transaction.version, cause: "sep24: form \(form.id) submitted"
        ) { [quote] record in
            if let quote {
                Self.apply(quote, assetID: assetID, to: &record)
            }
            if let to = changes?.to { record.to = to }
            if let from = changes?.from { record.from = from }
            if let message = changes?.message { record.message = message }
        }
        var next = state
        next.step += 1
        next.values.merge(values) { _, new in new }
        try await self.deps.flows.save(next, for: transaction.id)
        return .accepted(updated)
    }

    /// Ends the flow: a withdrawal gets its receiving account and memo, then both kinds wait for the user's payment.
    func finish(_ transaction: Transaction, asset: Asset, closing: PageContent?) async throws -> Transaction {
        var current = transaction
        if current.kind == .withdrawal {
            guard let account = asset.distributionAccount ?? asset.issuer else { throw FlowError.noReceivingAccount }
            current = try await self.deps.transactions.assignWithdrawMemo(id: current.id, account: account)
        }
        // A flow whose forms never asked for an amount still owes the wallet the amounts SEP-24 lists for
        // pending transactions; the requested amount is used when there is one.
        var quote: FeeBreakdown?
        if current.amountFee == nil, let amount = current.amountIn ?? current.amountExpected,
           case .success(let breakdown) = try await self.quote(amount, asset: asset, operation: current.kind == .deposit ? .deposit : .withdraw) {
            quote = breakdown
        }
        let assetID = asset.sep38Identifier
        let finished = try await self.deps.transactions.update(
            id: current.id, expectedVersion: current.version, cause: "sep24: interactive flow completed"
        ) { [quote] record in
            if let quote { Self.apply(quote, assetID: assetID, to: &record) }
            record.status = .pendingUserTransferStart
        }
        try await self.deps.flows.finish(transaction.id, closing: closing)
        return finished
    }

    /// The fee for `amount`, or the fee that exceeds it.
    func quote(_ amount: Amount, asset: Asset, operation: FeeOperation) async throws -> Result<FeeBreakdown, FeeError> {
        do {
            return .success(try await self.deps.fees.quote(asset: asset, operation: operation, amount: amount, context: .sep24, provider: self.deps.feeProvider))
        } catch let error where error.isFeeExceedingAmount {
            return .failure(error)
        } catch {
            self.deps.logger.error("fee unavailable", metadata: ["error": "\(error)"])
            throw HookFailure(temporary: true)
        }
    }

    static func apply(_ quote: FeeBreakdown, assetID: String, to record: inout Transaction) {
        record.amountIn = quote.amountIn
        record.amountExpected = quote.amountIn
        record.amountInAsset = assetID
        record.amountFee = quote.amountFee
        record.amountFeeAsset = quote.feeDetails.asset
        record.amountOut = quote.amountOut
        record.amountOutAsset = assetID
        record.feeDetails = quote.feeDetails
    }

    private func feeExceeds(_ error: FeeError, _ validator: FormValidator, _ language: String) -> String {
        self.deps.pages.catalog.text("v_fee_exceeds", language)
    }

    private static func amount(_ text: String) throws -> Amount {
        guard let amount = Amount(text) else { throw FlowError.badHookReply("'\(text)' is not an amount") }
        return amount
    }

    /// The built-in flow (no `sep24_form` hook): one amount form, then done.
    private func builtIn(_ transaction: Transaction, asset: Asset, state: FlowState, language: String) -> FormReply {
        guard state.step == 0 else { return FormReply(form: nil) }
        let catalog = self.deps.pages.catalog
        let key = transaction.kind == .deposit ? "builtin_amount_title_deposit" : "builtin_amount_title_withdrawal"
        return FormReply(form: FormSchema(
            id: "amount", title: catalog.text(key, language, ["asset": asset.code]),
            fields: [FormField(
                name: "amount", type: .amount, label: catalog.text("builtin_amount_label", language), required: true,
                value: (transaction.amountExpected ?? transaction.amountIn).map { $0.formatted(decimals: asset.significantDecimals) })]))
    }

    /// Refuses a schema the host cannot render or check; a plugin bug should stop the page, not go unnoticed.
    static func check(_ form: FormSchema) throws {
        var names: Set<String> = []
        guard !form.id.isEmpty, !form.fields.isEmpty else { throw FlowError.misconfigured("form '\(form.id)' has no id or no fields") }
        for field in form.fields {
            guard !field.name.isEmpty, !["csrf_token", "form_id"].contains(field.name), names.insert(field.name).inserted else {
                throw FlowError.misconfigured("field name '\(field.name)' is empty, reserved or repeated")
            }
            if field.type == .select, (field.choices ?? []).isEmpty { throw FlowError.misconfigured("select '\(field.name)' has no choices") }
            if let pattern = field.pattern, (try? Regex(pattern)) == nil { throw FlowError.misconfigured("pattern of '\(field.name)' does not compile") }
        }
        if form.fields.filter({ $0.type == .amount }).count > 1 { throw FlowError.misconfigured("form '\(form.id)' has more than one amount field") }
    }
}

/// Why the flow cannot go on; pages show a generic message, the log says which.
enum FlowError: Error, CustomStringConvertible {
    case misconfigured(String)
    case badHookReply(String)
    case noReceivingAccount

    var description: String {
        switch self {
        case .misconfigured(let reason): "the anchor's form is unusable: \(reason)"
        case .badHookReply(let reason): "sep24_form_submit replied with unusable changes: \(reason)"
        case .noReceivingAccount: "the asset has neither a distribution account nor an issuer to receive withdrawals"
        }
    }
}
