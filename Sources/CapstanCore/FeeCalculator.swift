/// Works out a transaction's fee and amounts: from a `FeeProvider` when it has an answer, otherwise from the
/// asset table as `fee_fixed + amount × fee_percent / 100` (SEP-24 `/info`: "Fee = amount*fee_percent/100 + fee_fixed").
///
/// Rounding: the fee is rounded once, to the asset's `significant_decimals`, **half-even** (banker's rounding),
/// the same rule as `Amount`'s default and Polaris' (`round()` of a Python `Decimal`). Half-even is unbiased over
/// many fees, where half-up would round every tie in the anchor's favour. The table fee is computed exactly in
/// 10^-16 units before that single rounding, so it is never rounded twice.
public struct FeeCalculator: Sendable {
    /// How fees drop digits; half-even unless an anchor's accountants say otherwise.
    public var rounding: RoundingRule

    public init(rounding: RoundingRule = .halfEven) {
        self.rounding = rounding
    }

    /// The fee and amounts for `amount` of `asset`.
    /// - Parameters:
    ///   - operation: which side of the asset's table applies: deposit and SEP-31 `send` use `deposit` (off-chain
    ///     value in, Stellar asset out); withdraw and SEP-31 `receive` use `withdraw` (Stellar asset in).
    ///   - context: the SEP asking (`sep6`, `sep24`, `sep31`), passed to the provider.
    ///   - provider: asked first; nil, or a nil answer, falls back to the asset table.
    public func quote(
        asset: Asset, operation: FeeOperation, amount: Amount, type: String? = nil, context: String,
        fundingMethod: String? = nil, provider: (any FeeProvider)?
    ) async throws(FeeError) -> FeeBreakdown {
        var fee: Amount
        var details: [Transaction.FeeDetails.Item]? = nil
        if let provided = try await Self.ask(provider, FeeRequest(
            operation: operation, type: type, assetCode: asset.code, amount: amount,
            significantDecimals: asset.significantDecimals, context: context, fundingMethod: fundingMethod
        )) {
            guard !provided.total.isNegative else { throw .negative(provided.total) }
            // The hook says "round to significant_decimals"; rounding again is a no-op for a plugin that did.
            fee = provided.total.rounded(toDecimals: asset.significantDecimals, rule: self.rounding)
            details = provided.details.isEmpty ? nil : provided.details
        } else {
            fee = try self.tableFee(amount: amount, direction: Self.direction(of: asset, for: operation), decimals: asset.significantDecimals)
        }
        guard fee <= amount else { throw .exceedsAmount(fee: fee, amount: amount) }
        let out = Amount(units: amount.units - fee.units)       // 0 ≤ fee ≤ amount: cannot overflow
        return FeeBreakdown(
            amountIn: amount, amountFee: fee, amountOut: out,
            feeDetails: Transaction.FeeDetails(total: fee, asset: asset.sep38Identifier, details: details)
        )
    }

    /// `quote` with the context as the protocol enum.
    public func quote(
        asset: Asset, operation: FeeOperation, amount: Amount, type: String? = nil, context: TransactionProtocol,
        fundingMethod: String? = nil, provider: (any FeeProvider)?
    ) async throws(FeeError) -> FeeBreakdown {
        try await self.quote(
            asset: asset, operation: operation, amount: amount, type: type, context: context.rawValue,
            fundingMethod: fundingMethod, provider: provider)
    }

    /// Throws unless `amount` is positive and within the asset's `min_amount`/`max_amount` for `operation`
    /// (both inclusive, as SEP `/info` limits are).
    public func validate(amount: Amount, asset: Asset, operation: FeeOperation) throws(AmountLimitError) {
        let direction = Self.direction(of: asset, for: operation)
        guard amount.units > 0 else { throw .notPositive(assetCode: asset.code, operation: operation, amount: amount) }
        if let minimum = direction.minAmount, amount < minimum {
            throw .belowMinimum(minimum, assetCode: asset.code, operation: operation, amount: amount)
        }
        if let maximum = direction.maxAmount, amount > maximum {
            throw .aboveMaximum(maximum, assetCode: asset.code, operation: operation, amount: amount)
        }
    }

    /// `fee_fixed + amount × fee_percent / 100`, exact, then rounded once to `decimals`.
    func tableFee(amount: Amount, direction: Asset.Direction, decimals: Int) throws(FeeError) -> Amount {
        // In 10^-16 units: fixed.units × 10^9, plus amount.units × percent.units (10^14 scale, and /100 for percent).
        let fixed = Int128(direction.feeFixed?.units ?? 0) * 1_000_000_000
        let percent = Int128(amount.units) * Int128(direction.feePercent?.units ?? 0)
        let exact = fixed + percent
        let kept = min(max(0, decimals), Amount.scale)
        let step = Int128(Amount.power(of: 16 - kept))
        let rounded = Amount.divide(exact, by: step, rule: self.rounding) * Int128(Amount.power(of: Amount.scale - kept))
        guard let units = Int64(exactly: rounded) else { throw .overflow }
        return Amount(units: units)
    }

    static func direction(of asset: Asset, for operation: FeeOperation) -> Asset.Direction {
        switch operation {
        case .deposit, .send: asset.deposit
        case .withdraw, .receive: asset.withdraw
        }
    }

    private static func ask(_ provider: (any FeeProvider)?, _ request: FeeRequest) async throws(FeeError) -> FeeQuote? {
        guard let provider else { return nil }
        do {
            return try await provider.fee(request)
        } catch {
            throw .provider(String(describing: error))
        }
    }
}
