import CapstanCore
import CapstanHTTP

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A validated deposit or withdraw request: every SEP-24 parameter checked, nothing stored yet.
struct StartRequest: Sendable {
    let kind: TransactionKind
    let asset: Asset
    let amount: Amount?
    /// Deposit: the destination (`account`, default the JWT's account). Withdrawal: the payment's source.
    let account: String
    let memo: (value: String, type: Transaction.MemoType)?
    let refundMemo: (value: String, type: Transaction.MemoType)?
    let claimableBalanceSupported: Bool
    let customerID: String?
    /// The wallet's `lang`, if it sent a supported one; pages otherwise follow the browser's Accept-Language.
    let language: String?

    /// Checks `fields` against the SEP-24 request table; every refusal is a 400 in the request's language.
    static func validate(
        _ fields: RequestFields, kind: TransactionKind, claims: SEP10Claims, language: String, dependencies deps: SEP24Dependencies
    ) async throws -> StartRequest {
        let operation = kind == .deposit ? "deposit" : "withdraw"
        guard let code = fields["asset_code"] else { throw deps.badRequest("asset_code_required", language) }
        guard let asset = try await deps.assets.asset(code: code) else { throw deps.badRequest("asset_unknown", language, ["asset": code]) }
        guard (kind == .deposit ? asset.deposit : asset.withdraw).enabled else {
            throw deps.badRequest("asset_not_enabled", language, ["asset": code, "operation": operation])
        }
        // "If `native` is specified as the `asset_code`, `asset_issuer` must not be set."
        if let issuer = fields["asset_issuer"], issuer != asset.issuer || asset.code == "native" {
            throw deps.badRequest("asset_issuer_mismatch", language, ["asset": code])
        }
        if fields["quote_id"] != nil { throw deps.badRequest("quote_unsupported", language) }
        for field in ["source_asset", "destination_asset"] where fields[field] != nil {
            throw deps.badRequest("exchange_unsupported", language, ["field": field])
        }

        var amount: Amount?
        if let text = fields["amount"] {
            guard let parsed = Amount(text), !parsed.isZero else { throw deps.badRequest("amount_invalid", language) }
            do { try deps.fees.validate(amount: parsed, asset: asset, operation: kind == .deposit ? .deposit : .withdraw) } catch {
                throw SEPError.badRequest(error.description)
            }
            amount = parsed
        }

        // SEP-24 "Source and Destination Accounts": either may differ from the authenticated account.
        let account: String
        if let given = fields["account"] {
            if given.hasPrefix("C") { throw deps.badRequest("account_contract", language) }
            guard !given.contains(":"), SEP10Subject(given) != nil else { throw deps.badRequest("account_invalid", language) }
            account = given
        } else {
            account = claims.muxedAccount ?? claims.account
        }

        var memo = try Self.memo(fields["memo"], type: fields["memo_type"], deps: deps, language: language)
        if kind == .deposit, memo == nil, fields["account"] == nil, let userMemo = claims.memo {
            // A shared account's user is told apart by the JWT's memo: the deposit must carry it to be credited.
            memo = (String(userMemo), .id)
        }
        if kind == .withdrawal { memo = nil }   // deprecated for withdrawals: the JWT `sub` identifies the user
        let hasRefundMemo = fields["refund_memo"] != nil, hasRefundType = fields["refund_memo_type"] != nil
        guard hasRefundMemo == hasRefundType else { throw deps.badRequest("refund_memo_pair", language) }
        let refundMemo = try Self.memo(fields["refund_memo"], type: fields["refund_memo_type"], deps: deps, language: language)

        var claimable = false
        if let flag = fields["claimable_balance_supported"] {
            switch flag.lowercased() {
            case "true": claimable = true
            case "false": claimable = false
            default: throw deps.badRequest("boolean_invalid", language, ["field": "claimable_balance_supported"])
            }
        }
        return StartRequest(
            kind: kind, asset: asset, amount: amount, account: account, memo: memo, refundMemo: refundMemo,
            claimableBalanceSupported: claimable, customerID: fields["customer_id"],
            language: fields["lang"].flatMap { deps.pages.catalog.supported($0) })
    }

    /// A memo and its type, refused in the wallet's language.
    static func memo(
        _ value: String?, type: String?, deps: SEP24Dependencies, language: String
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

    /// The new `incomplete` transaction this request describes.
    func transaction(owner claims: SEP10Claims, moreInfoURL: (String) -> String, now: Date) -> Transaction {
        let id = Transaction.newID()
        let assetID = self.asset.sep38Identifier
        return Transaction(
            id: id, kind: self.kind, protocol: .sep24, sub: claims.owner, assetCode: self.asset.code, status: .incomplete,
            startedAt: now, moreInfoURL: moreInfoURL(id),
            amountIn: self.amount, amountInAsset: assetID, amountOutAsset: assetID, amountExpected: self.amount,
            from: self.kind == .withdrawal ? self.account : nil,
            to: self.kind == .deposit ? self.account : nil,
            depositMemo: self.memo?.value, depositMemoType: self.memo?.type,
            claimableBalanceSupported: self.claimableBalanceSupported,
            refundMemo: self.refundMemo?.value, refundMemoType: self.refundMemo?.type,
            customerID: self.customerID, lang: self.language, clientDomain: claims.clientDomain,
            accountMemo: (claims.memo ?? SEP10Subject(claims.owner)?.muxedID).map(String.init)
        )
    }
}
