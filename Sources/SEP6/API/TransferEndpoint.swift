import CapstanCore
import CapstanHTTP
import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /deposit`, `/withdraw`, `/deposit-exchange` and `/withdraw-exchange`.
///
/// Validates the request, asks the anchor (`sep6_deposit` / `sep6_withdraw`) with the transaction it would create,
/// and only then stores it, so a refused request leaves nothing behind in the wallet's history. The status it is
/// stored in comes from the anchor's answer: `pending_user_transfer_start`, or `pending_customer_info_update` when
/// SEP-12 information is missing (SEP-6 v4: a 200 with the transaction waiting, rather than the deprecated 403,
/// which the legacy mode still answers).
struct TransferEndpoint: Sendable {
    let deps: SEP6Dependencies

    @Sendable func deposit(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await self.transfer(.deposit, request, context)
    }

    @Sendable func withdraw(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await self.transfer(.withdraw, request, context)
    }

    @Sendable func depositExchange(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await self.transfer(.depositExchange, request, context)
    }

    @Sendable func withdrawExchange(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await self.transfer(.withdrawExchange, request, context)
    }

    private func transfer(_ operation: TransferOperation, _ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let fields = QueryFields(request)
        let valid = try await TransferRequest.validate(fields, operation: operation, claims: context.claims, deps: self.deps)
        let language = valid.language
        // A withdrawal is paid to this account with a memo assigned at creation. Checked before the plugin hears of
        // the request, so one the anchor could not receive is refused with nothing done.
        var receiving: String?
        if !operation.isDeposit {
            guard let account = valid.asset.distributionAccount ?? valid.asset.issuer else {
                throw self.deps.badRequest("no_receiving_account", language, ["asset": valid.asset.code])
            }
            receiving = account
        }
        var transaction = try await self.draft(valid, claims: context.claims)

        let claims = context.claims
        let hookRequest = SEP6TransferRequest(
            transaction: HookTransaction(transaction, assetIssuer: valid.asset.issuer), request: fields.values,
            auth: HookAuth(claims: claims))
        let reply: SEP6TransferReply
        do {
            let answer: SEP6TransferReply?
            if operation.isDeposit {
                answer = try await self.deps.hooks.deposit(hookRequest)
            } else {
                answer = try await self.deps.hooks.withdraw(hookRequest)
            }
            guard let answer else {
                throw self.deps.badRequest("operation_unsupported", language, ["operation": operation.isDeposit ? "deposit" : "withdraw"])
            }
            reply = answer
        } catch let rejection as SEP6HookRejection {
            throw SEPError.badRequest(rejection.message)
        } catch let failure as SEP6HookFailure {
            context.logger.warning("sep6 transfer hook failed", metadata: ["temporary": "\(failure.temporary)"])
            throw failure.temporary ? self.deps.unavailable(language) : SEPError.internalError()
        }

        let needed = reply.customerInfoNeeded ?? []
        let customerPending = !needed.isEmpty || reply.customerInfoStatus != nil
        if customerPending, self.deps.settings.legacyCustomerInfoStatus {
            return try Self.legacyCustomerInfo(reply)
        }
        transaction.statusEta = reply.eta
        transaction.message = reply.extraInfo?.message
        if customerPending {
            transaction.status = .pendingCustomerInfoUpdate
            transaction.requiredInfoUpdates = Dictionary(needed.map { ($0, Transaction.FieldRequirement()) }) { first, _ in first }
            transaction.requiredInfoMessage = needed.isEmpty ? nil : Messages.text("customer_info_message", language, ["fields": needed.joined(separator: ", ")])
        } else {
            transaction.status = .pendingUserTransferStart
        }
        if operation.isDeposit { transaction.instructions = reply.instructions.flatMap { $0.isEmpty ? nil : $0 } }

        if let receiving {
            // The memo comes from the store's per-account counter, in the write that creates the withdrawal: unique
            // under any concurrency, so an incoming payment always matches exactly one withdrawal.
            transaction = try await self.deps.transactions.insertWithdrawal(transaction, memoAccount: receiving)
        } else {
            try await self.deps.transactions.insert(transaction)
        }
        context.logger.info("sep6 transaction started", metadata: [
            "transaction_id": "\(transaction.id)", "kind": "\(transaction.kind.rawValue)", "status": "\(transaction.status.rawValue)",
        ])
        return Response.json(self.answer(transaction, reply: reply, request: valid))
    }

    /// The transaction this request would create, with its amounts and fees worked out when an amount was given.
    private func draft(_ request: TransferRequest, claims: SEP10Claims) async throws -> Transaction {
        let asset = request.asset
        let onChain = asset.sep38Identifier
        let offChain = request.offChainAsset ?? onChain
        let deposit = request.operation.isDeposit
        var transaction = Transaction(
            kind: request.operation.kind, protocol: .sep6, sub: claims.owner, assetCode: asset.code, status: .incomplete,
            startedAt: self.deps.now(),
            amountIn: request.amount, amountInAsset: deposit ? offChain : onChain, amountOutAsset: deposit ? onChain : offChain,
            amountExpected: request.amount,
            from: deposit ? nil : request.account,
            to: deposit ? request.account : request.fields["dest"],
            externalExtra: deposit ? nil : request.fields["dest_extra"],
            depositMemo: request.memo?.value, depositMemoType: request.memo?.type,
            claimableBalanceSupported: request.claimableBalanceSupported,
            refundMemo: request.refundMemo?.value, refundMemoType: request.refundMemo?.type,
            fundingMethod: request.fields["funding_method"] ?? request.method, type: request.fields["type"],
            customerID: request.fields["customer_id"], onChangeCallback: request.fields["on_change_callback"],
            lang: request.fields["lang"].map { _ in request.language }, clientDomain: claims.clientDomain,
            accountMemo: (claims.memo ?? SEP10Subject(claims.owner)?.muxedID).map(String.init)
        )
        if let quote = request.quote {
            transaction.quoteID = quote.id
            transaction.amountIn = quote.sellAmount
            transaction.amountExpected = quote.sellAmount
            transaction.amountOut = quote.buyAmount
            transaction.amountFee = quote.fee.total
            transaction.amountFeeAsset = quote.fee.asset
            transaction.feeDetails = quote.fee
            transaction.userActionRequiredBy = quote.expiresAt
        } else if let amount = request.amount, !request.operation.isExchange {
            let breakdown: FeeBreakdown
            do {
                breakdown = try await self.deps.fees.quote(
                    asset: asset, operation: request.operation.fees, amount: amount, type: request.fields["type"], context: .sep6,
                    fundingMethod: request.method, provider: self.deps.feeProvider)
            } catch let error where error.isFeeExceedingAmount {
                throw self.deps.badRequest("fee_exceeds_amount", request.language)
            } catch {
                self.deps.logger.error("fee unavailable", metadata: ["error": "\(error)"])
                throw self.deps.unavailable(request.language)
            }
            transaction.amountFee = breakdown.amountFee
            transaction.amountFeeAsset = breakdown.feeDetails.asset
            transaction.amountOut = breakdown.amountOut
            transaction.feeDetails = breakdown.feeDetails
        }
        return transaction
    }

    /// The deposit answer (`how` and `id` always: the anchor test suite requires both) or the withdraw answer
    /// (exactly the SEP's keys: the suite refuses any other).
    private func answer(_ transaction: Transaction, reply: SEP6TransferReply, request: TransferRequest) -> String {
        let direction = request.operation.isDeposit ? request.asset.deposit : request.asset.withdraw
        var out = JSONObjectText()
        if request.operation.isDeposit {
            out.string("how", Self.how(transaction, reply: reply, language: request.language))
            out.string("id", transaction.id)
            if let instructions = transaction.instructions, TransactionJSON.showsInstructions(transaction.status) {
                out.object("instructions") { object in
                    for (name, instruction) in instructions.sorted(by: { $0.key < $1.key }) {
                        object.object(name) { entry in
                            entry.string("value", instruction.value)
                            entry.string("description", instruction.description)
                        }
                    }
                }
            }
        } else {
            out.string("account_id", transaction.withdrawAnchorAccount)
            out.string("memo_type", transaction.withdrawMemoType?.rawValue)
            out.string("memo", transaction.withdrawMemo)
            out.string("id", transaction.id)
        }
        out.number("eta", reply.eta.map(String.init))
        out.number("min_amount", direction.minAmount?.description)
        out.number("max_amount", direction.maxAmount?.description)
        if self.deps.feeProvider == nil {
            out.number("fee_fixed", (direction.feeFixed ?? .zero).description)
            out.number("fee_percent", (direction.feePercent ?? .zero).description)
        }
        if let message = reply.extraInfo?.message {
            out.object("extra_info") { $0.string("message", message) }
        }
        return out.finish()
    }

    /// The deprecated `how`: the instructions as one line of text, or what the user must do first.
    static func how(_ transaction: Transaction, reply: SEP6TransferReply, language: String) -> String {
        if transaction.status == .pendingCustomerInfoUpdate { return Messages.text("how_customer_info", language) }
        if let instructions = transaction.instructions, !instructions.isEmpty {
            return instructions.sorted { $0.key < $1.key }.map { "\($0.value.description): \($0.value.value)" }.joined(separator: "; ")
        }
        return reply.extraInfo?.message ?? Messages.text("how_default", language, ["id": transaction.id])
    }

    /// The deprecated 403 answers (SEP-6 "Customer Information Needed" and "Customer Information Status").
    static func legacyCustomerInfo(_ reply: SEP6TransferReply) throws -> Response {
        var out = JSONObjectText()
        if let needed = reply.customerInfoNeeded, !needed.isEmpty {
            out.string("type", "non_interactive_customer_info_needed")
            out.strings("fields", needed)
        } else {
            out.string("type", "customer_info_status")
            out.string("status", reply.customerInfoStatus == "denied" ? "denied" : "pending")
            out.string("more_info_url", reply.moreInfoURL)
            out.number("eta", reply.eta.map(String.init))
        }
        return Response.json(out.finish(), status: .forbidden)
    }
}
