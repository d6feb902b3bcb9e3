import CapstanCore
import CapstanHTTP

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which of the four SEP-6 transfer endpoints a request came through.
enum TransferOperation: Sendable {
    case deposit, withdraw, depositExchange, withdrawExchange

    var kind: TransactionKind {
        switch self {
        case .deposit: .deposit
        case .withdraw: .withdrawal
        case .depositExchange: .depositExchange
        case .withdrawExchange: .withdrawalExchange
        }
    }

    var isDeposit: Bool { self == .deposit || self == .depositExchange }
    var isExchange: Bool { self == .depositExchange || self == .withdrawExchange }
    var fees: FeeOperation { self.isDeposit ? .deposit : .withdraw }
    /// The parameter naming the on-chain asset: `asset_code`, or for exchanges the side that is on Stellar.
    var assetParameter: String {
        switch self {
        case .deposit, .withdraw: "asset_code"
        case .depositExchange: "destination_asset"
        case .withdrawExchange: "source_asset"
        }
    }
}

/// A validated SEP-6 deposit or withdrawal request: every parameter checked against the SEP and the anchor's
/// `/info`, nothing stored yet. Every refusal is a 400 in the request's language.
struct TransferRequest: Sendable {
    let operation: TransferOperation
    let asset: Asset
    let amount: Amount?
    /// Deposit: where the asset goes (`account`, default the JWT's). Withdrawal: the payment's source.
    let account: String
    let memo: (value: String, type: Transaction.MemoType)?
    let refundMemo: (value: String, type: Transaction.MemoType)?
    /// `funding_method`, or the deprecated `type` standing in for it.
    let method: String?
    /// The off-chain asset of an exchange (SEP-38 id).
    let offChainAsset: String?
    let quote: SEP6Quote?
    let claimableBalanceSupported: Bool
    let fields: QueryFields
    let language: String

    static func validate(
        _ fields: QueryFields, operation: TransferOperation, claims: SEP10Claims, deps: SEP6Dependencies
    ) async throws -> TransferRequest {
        let language = deps.language(fields["lang"])
        let parameter = operation.assetParameter
        guard let code = fields[parameter] else {
            throw parameter == "asset_code" ? deps.badRequest("asset_code_required", language) : deps.badRequest("field_required", language, ["field": parameter])
        }
        guard let asset = try await deps.assets.asset(code: code) else { throw deps.badRequest("asset_unknown", language, ["asset": code]) }
        let direction = operation.isDeposit ? asset.deposit : asset.withdraw
        guard direction.enabled else {
            throw deps.badRequest("asset_not_enabled", language, ["asset": code, "operation": operation.isDeposit ? "deposit" : "withdraw"])
        }

        var amount: Amount?
        if let text = fields["amount"] {
            guard let parsed = Amount(text), !parsed.isZero else { throw deps.badRequest("amount_invalid", language) }
            amount = parsed
        } else if operation.isExchange {
            throw deps.badRequest("field_required", language, ["field": "amount"])
        }
        // An exchange's amount is of the off-chain asset on deposits, so the on-chain limits do not apply to it.
        if let amount, operation != .depositExchange {
            do { try deps.fees.validate(amount: amount, asset: asset, operation: operation.fees) } catch {
                throw SEPError.badRequest(error.description)
            }
        }

        let account = try Self.account(fields["account"], claims: claims, deps: deps, language: language)
        var memo = try Self.memo(fields["memo"], type: fields["memo_type"], deps: deps, language: language)
        if operation.isDeposit, memo == nil, fields["account"] == nil, let userMemo = claims.memo {
            // A shared account's user is told apart by the JWT's memo: the deposit must carry it to be credited.
            memo = (String(userMemo), .id)
        }
        if !operation.isDeposit { memo = nil }   // SEP-6: `memo` on withdrawals only identifies users without SEP-10
        guard (fields["refund_memo"] == nil) == (fields["refund_memo_type"] == nil) else { throw deps.badRequest("refund_memo_pair", language) }
        let refundMemo = try Self.memo(fields["refund_memo"], type: fields["refund_memo_type"], deps: deps, language: language)

        var claimable = false
        // The Anchor Platform reads the plural spelling, so some wallets send that one.
        if let flag = fields["claimable_balance_supported"] ?? fields["claimable_balances_supported"] {
            switch flag.lowercased() {
            case "true": claimable = true
            case "false": claimable = false
            default: throw deps.badRequest("boolean_invalid", language, ["field": "claimable_balance_supported"])
            }
        }
        if let country = fields["country_code"], country.count != 3 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw deps.badRequest("country_code_invalid", language)
        }
        if let callback = fields["on_change_callback"], !Transaction.isDeliverableCallbackURL(callback) {
            throw deps.badRequest("callback_invalid", language)
        }

        let method = fields["funding_method"] ?? fields["type"]
        if let method {
            let info = await deps.pluginInfo(language)
            let entry = (operation.isDeposit ? info.deposit : info.withdraw)?[asset.code]
            let known = (entry?.fundingMethods ?? []) + (entry?.types.map { Array($0.keys) } ?? [])
            if !known.isEmpty, !known.contains(method) {
                let field = fields["funding_method"] != nil ? "funding_method" : "type"
                throw deps.badRequest("method_unsupported", language, ["method": method, "field": field, "asset": asset.code])
            }
        }

        var offChain: String?
        var quote: SEP6Quote?
        if operation.isExchange {
            let field = operation == .depositExchange ? "source_asset" : "destination_asset"
            guard let id = fields[field] else { throw deps.badRequest("field_required", language, ["field": field]) }
            guard Self.isSEP38Asset(id) else { throw deps.badRequest("asset_id_invalid", language, ["field": field]) }
            offChain = id
            if let quoteID = fields["quote_id"] {
                quote = try await Self.quote(
                    quoteID, operation: operation, asset: asset, offChain: id, amount: amount, claims: claims, deps: deps, language: language)
            }
        } else if fields["quote_id"] != nil {
            // A firm quote converts between two assets; plain deposits and withdrawals have nothing to convert.
            throw deps.badRequest("operation_unsupported", language, ["operation": "quote_id"])
        }

        return TransferRequest(
            operation: operation, asset: asset, amount: amount, account: account, memo: memo, refundMemo: refundMemo,
            method: method, offChainAsset: offChain, quote: quote, claimableBalanceSupported: claimable, fields: fields,
            language: language)
    }

    /// `account`: a `G…` or `M…` address (SEP-6 "Source and Destination Accounts": it may differ from the
    /// authenticated one); absent, the authenticated account.
    static func account(_ given: String?, claims: SEP10Claims, deps: SEP6Dependencies, language: String) throws -> String {
        guard let given else { return claims.muxedAccount ?? claims.account }
        if given.hasPrefix("C") { throw deps.badRequest("account_contract", language) }
        guard !given.contains(":"), SEP10Subject(given) != nil else { throw deps.badRequest("account_invalid", language) }
        return given
    }

    /// A memo and its type, refused in the wallet's language.
    static func memo(
        _ value: String?, type: String?, deps: SEP6Dependencies, language: String
    ) throws -> (value: String, type: Transaction.MemoType)? {
        do {
            return try Transaction.memoInput(value, type: type)
        } catch {
            switch error {
            case .unknownType: throw deps.badRequest("memo_type_invalid", language)
            case .invalidValue(let memoType): throw deps.badRequest("memo_invalid", language, ["type": memoType.rawValue])
            }
        }
    }

    /// SEP-38 asset identification: `iso4217:XXX`, or `stellar:CODE:ISSUER` / `stellar:native`.
    static func isSEP38Asset(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.first {
        case "iso4217": return parts.count == 2 && parts[1].count == 3 && parts[1].allSatisfy { $0.isASCII && $0.isUppercase }
        case "stellar": return (parts.count == 2 && parts[1] == "native") || (parts.count == 3 && !parts[1].isEmpty && SEP10Subject(String(parts[2])) != nil)
        default: return false
        }
    }

    /// The firm quote a request names, checked against it (SEP-6: a conflict between the request and the quote is a 400).
    static func quote(
        _ id: String, operation: TransferOperation, asset: Asset, offChain: String, amount: Amount?, claims: SEP10Claims,
        deps: SEP6Dependencies, language: String
    ) async throws -> SEP6Quote {
        let found: SEP6Quote?
        do { found = try await deps.quotes.quote(id: id, owner: claims.owner) } catch {
            deps.logger.error("quote lookup failed", metadata: ["error": "\(String(reflecting: error))"])
            throw deps.unavailable(language)
        }
        guard let quote = found else { throw deps.badRequest("quote_not_found", language, ["id": id]) }
        let (sell, buy) = operation == .depositExchange ? (offChain, asset.sep38Identifier) : (asset.sep38Identifier, offChain)
        if quote.sellAsset != sell { throw deps.badRequest("quote_mismatch", language, ["field": "source_asset", "id": id]) }
        if quote.buyAsset != buy { throw deps.badRequest("quote_mismatch", language, ["field": "destination_asset", "id": id]) }
        if let amount, amount != quote.sellAmount { throw deps.badRequest("quote_mismatch", language, ["field": "amount", "id": id]) }
        guard quote.expiresAt > deps.now() else { throw deps.badRequest("quote_expired", language, ["id": id]) }
        return quote
    }
}
