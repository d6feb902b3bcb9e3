import CapstanCore
import CapstanHTTP
import Hummingbird
import Logging

/// `GET /info` (no authentication) and the deprecated `GET /fee`.
struct InfoEndpoint: Sendable {
    let deps: SEP6Dependencies

    /// `deposit`, `withdraw` (and, with SEP-38, `deposit-exchange`, `withdraw-exchange`), `fee`, `transactions`,
    /// `transaction`, `features`.
    ///
    /// Per asset only the keys the anchor test suite allows: `enabled`, `authentication_required`, `min_amount`,
    /// `max_amount`, `fee_fixed`/`fee_percent` (only when the asset table decides fees: with a `fee` hook they
    /// would be a guess, so wallets are sent to `GET /fee`), `funding_methods`, and the deprecated `fields`
    /// (deposits) and `types` (withdrawals) that wallets still read, from the plugin's `sep6_info`.
    @Sendable func info(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let language = self.deps.language(QueryFields(request)["lang"])
        let assets = try await self.deps.assets.all()
        let plugin = await self.deps.pluginInfo(language)
        let tableFees = self.deps.feeProvider == nil
        var sections: [(String, Bool, Bool)] = [("deposit", true, false), ("withdraw", false, false)]
        if self.deps.settings.advertiseExchange { sections += [("deposit-exchange", true, true), ("withdraw-exchange", false, true)] }
        var out = JSONObjectText()
        for (key, deposit, exchange) in sections {
            out.object(key) { section in
                for asset in assets {
                    let direction = deposit ? asset.deposit : asset.withdraw
                    let extra = (deposit ? plugin.deposit : plugin.withdraw)?[asset.code]
                    section.object(asset.code) { entry in
                        entry.bool("enabled", direction.enabled)
                        entry.bool("authentication_required", true)
                        if !exchange {
                            entry.number("min_amount", direction.minAmount?.description)
                            entry.number("max_amount", direction.maxAmount?.description)
                            if tableFees {
                                entry.number("fee_fixed", (direction.feeFixed ?? .zero).description)
                                entry.number("fee_percent", (direction.feePercent ?? .zero).description)
                            }
                        }
                        entry.strings("funding_methods", extra?.fundingMethods)
                        if deposit, let fields = extra?.fields { Self.write(fields: fields, to: &entry) }
                        if !deposit, let types = extra?.types {
                            entry.object("types") { object in
                                for (name, type) in types.sorted(by: { $0.key < $1.key }) {
                                    object.object(name) { Self.write(fields: type.fields, to: &$0) }
                                }
                            }
                        }
                    }
                }
            }
        }
        out.object("fee") { fee in
            fee.bool("enabled", true)
            fee.bool("authentication_required", self.deps.settings.feeAuthenticationRequired)
        }
        for key in ["transactions", "transaction"] {
            out.object(key) { block in
                block.bool("enabled", true)
                block.bool("authentication_required", true)
            }
        }
        out.object("features") { features in
            features.bool("account_creation", self.deps.settings.accountCreation)
            features.bool("claimable_balances", self.deps.settings.claimableBalances)
        }
        return Response.json(out.finish())
    }

    private static func write(fields: [String: SEP6InfoReply.Field], to out: inout JSONObjectText) {
        out.object("fields") { object in
            for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
                object.object(name) { entry in
                    entry.string("description", field.description)
                    entry.bool("optional", field.optional)
                    entry.strings("choices", field.choices)
                }
            }
        }
    }

    @Sendable func authenticatedFee(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await self.fee(request, logger: context.logger)
    }

    @Sendable func publicFee(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        try await self.fee(request, logger: context.logger)
    }

    /// `GET /fee?operation=deposit|withdraw&asset_code=…&amount=…[&type=…]` → `{"fee": 1.5}`.
    private func fee(_ request: Request, logger: Logger) async throws -> Response {
        let query = QueryFields(request)
        let language = self.deps.language(query["lang"])
        let operation: FeeOperation
        switch query["operation"] {
        case "deposit": operation = .deposit
        case "withdraw", "withdrawal": operation = .withdraw
        default: throw self.deps.badRequest("operation_invalid", language)
        }
        guard let code = query["asset_code"] else { throw self.deps.badRequest("asset_code_required", language) }
        guard let asset = try await self.deps.assets.asset(code: code) else { throw self.deps.badRequest("asset_unknown", language, ["asset": code]) }
        guard (operation == .deposit ? asset.deposit : asset.withdraw).enabled else {
            throw self.deps.badRequest("asset_not_enabled", language, ["asset": code, "operation": operation.rawValue])
        }
        guard let text = query["amount"] else { throw self.deps.badRequest("field_required", language, ["field": "amount"]) }
        guard let amount = Amount(text), !amount.isZero else { throw self.deps.badRequest("amount_invalid", language) }
        let quote: FeeBreakdown
        do {
            quote = try await self.deps.fees.quote(
                asset: asset, operation: operation, amount: amount, type: query["type"], context: .sep6,
                fundingMethod: query["funding_method"], provider: self.deps.feeProvider)
        } catch let error where error.isFeeExceedingAmount {
            throw self.deps.badRequest("fee_exceeds_amount", language)
        } catch {
            logger.error("fee unavailable", metadata: ["error": "\(error)"])
            throw self.deps.unavailable(language)
        }
        var out = JSONObjectText()
        out.number("fee", quote.amountFee.description)
        return Response.json(out.finish())
    }
}
