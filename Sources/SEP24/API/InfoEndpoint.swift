import CapstanCore
import CapstanHTTP
import Hummingbird
import Synchronization

/// `GET /info` (no authentication) and the deprecated `GET /fee`.
final class InfoEndpoint: Sendable {
    let dependencies: SEP24Dependencies
    /// The rendered `/info` body and when it was made: the hot path serves it from memory.
    private let cached = Mutex<(body: ByteBuffer, at: ContinuousClock.Instant)?>(nil)

    init(dependencies: SEP24Dependencies) {
        self.dependencies = dependencies
    }

    /// `{"deposit": {CODE: {...}}, "withdraw": {...}, "fee": {...}, "features": {...}}`.
    ///
    /// Per asset only `enabled`, `min_amount`, `max_amount`, `fee_fixed` and `fee_percent` (the anchor test suite
    /// refuses any other key). The fee keys appear only when fees come from the asset table: when a plugin's `fee`
    /// hook decides, a fixed/percent pair would be a guess, so wallets are pointed at `GET /fee` instead.
    @Sendable func info(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let now = ContinuousClock.now
        if let cached = self.cached.withLock({ $0 }), now - cached.at < .seconds(1) {
            return Response.json(cached.body)
        }
        let assets = try await self.dependencies.assets.sep24Assets()
        let tableFees = self.dependencies.feeProvider == nil
        var root = JSONObjectText()
        for (key, side) in [("deposit", \Asset.deposit), ("withdraw", \Asset.withdraw)] {
            root.object(key) { section in
                for asset in assets {
                    let direction = asset[keyPath: side]
                    section.object(asset.code) { entry in
                        entry.bool("enabled", direction.enabled)
                        entry.number("min_amount", direction.minAmount?.description)
                        entry.number("max_amount", direction.maxAmount?.description)
                        if tableFees {
                            entry.number("fee_fixed", (direction.feeFixed ?? .zero).description)
                            entry.number("fee_percent", (direction.feePercent ?? .zero).description)
                        }
                    }
                }
            }
        }
        root.object("fee") { fee in
            fee.bool("enabled", true)
            fee.bool("authentication_required", true)
        }
        root.object("features") { features in
            features.bool("account_creation", self.dependencies.settings.accountCreation)
            features.bool("claimable_balances", self.dependencies.settings.claimableBalances)
        }
        let body = ByteBuffer(string: root.finish())
        self.cached.withLock { $0 = (body, now) }
        return Response.json(body)
    }

    /// `GET /fee?operation=deposit|withdraw&asset_code=…&amount=…[&type=…]` → `{"fee": 1.5}`.
    @Sendable func fee(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let query = request.uri.queryParameters
        let deps = self.dependencies
        let language = deps.pages.catalog.negotiate(lang: query["lang"].map(String.init), acceptLanguage: request.headers[.acceptLanguage])
        let operation: FeeOperation
        switch query["operation"].map(String.init) {
        case "deposit": operation = .deposit
        case "withdraw", "withdrawal": operation = .withdraw
        default: throw deps.badRequest("operation_invalid", language)
        }
        guard let code = query["asset_code"].map(String.init), !code.isEmpty else { throw deps.badRequest("asset_code_required", language) }
        guard let asset = try await deps.assets.asset(code: code) else { throw deps.badRequest("asset_unknown", language, ["asset": code]) }
        let direction = operation == .deposit ? asset.deposit : asset.withdraw
        guard direction.enabled else {
            throw deps.badRequest("asset_not_enabled", language, ["asset": code, "operation": operation.rawValue])
        }
        guard let text = query["amount"].map(String.init) else { throw deps.badRequest("amount_required", language) }
        guard let amount = Amount(text), !amount.isZero else { throw deps.badRequest("amount_invalid", language) }
        let quote: FeeBreakdown
        do {
            quote = try await deps.fees.quote(
                asset: asset, operation: operation, amount: amount, type: query["type"].map(String.init), context: .sep24,
                provider: deps.feeProvider)
        } catch let error where error.isFeeExceedingAmount {
            throw deps.badRequest("fee_exceeds_amount", language)
        } catch {
            context.logger.error("fee unavailable", metadata: ["error": "\(error)"])
            throw SEPError(status: .serviceUnavailable, message: deps.pages.catalog.text("api_unavailable", language))
        }
        var out = JSONObjectText()
        out.number("fee", quote.amountFee.description)
        return Response.json(out.finish())
    }
}
