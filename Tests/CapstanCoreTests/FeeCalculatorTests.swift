import CapstanCore
import Synchronization
import Testing

@Suite struct FeeCalculatorTests {
    static let issuer = "GCKFBEIYV2U22IO2BJ4KVJOIP7XPWQGQFKKWXR6DOSJBV7STMAQSMTGG"

    static func asset(fixed: String? = nil, percent: String? = nil, decimals: Int = 2, min: String? = nil, max: String? = nil) -> Asset {
        let direction = Asset.Direction(
            enabled: true, minAmount: min.flatMap { Amount($0) }, maxAmount: max.flatMap { Amount($0) },
            feeFixed: fixed.flatMap { Amount($0) }, feePercent: percent.flatMap { Amount($0) })
        return Asset(code: "USDC", issuer: issuer, significantDecimals: decimals, seps: [.sep24], deposit: direction, withdraw: direction)
    }

    static func amount(_ text: String) -> Amount { Amount(text)! }

    /// A provider that answers what it was built with and records what it was asked.
    struct FixedProvider: FeeProvider {
        let answer: FeeQuote?
        let asked: @Sendable (FeeRequest) -> Void

        func fee(_ request: FeeRequest) async throws -> FeeQuote? {
            self.asked(request)
            return self.answer
        }
    }

    struct FailingProvider: FeeProvider {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
        func fee(_ request: FeeRequest) async throws -> FeeQuote? { throw Boom() }
    }

    @Test func fixedFeeOnly() async throws {
        let breakdown = try await FeeCalculator().quote(
            asset: Self.asset(fixed: "2"), operation: .deposit, amount: Self.amount("100"), context: "sep24", provider: nil)
        #expect(breakdown.amountIn == Self.amount("100"))
        #expect(breakdown.amountFee == Self.amount("2"))
        #expect(breakdown.amountOut == Self.amount("98"))
        #expect(breakdown.feeDetails == Transaction.FeeDetails(total: Self.amount("2"), asset: "stellar:USDC:\(Self.issuer)"))
    }

    /// SEP-24 `/info`: "Fee = amount*fee_percent/100 + fee_fixed".
    @Test func percentPlusFixed() async throws {
        let breakdown = try await FeeCalculator().quote(
            asset: Self.asset(fixed: "5", percent: "1"), operation: .withdraw, amount: Self.amount("200"), context: "sep24", provider: nil)
        #expect(breakdown.amountFee == Self.amount("7"))
        #expect(breakdown.amountOut == Self.amount("193"))
    }

    @Test func noFeesIsZero() async throws {
        let breakdown = try await FeeCalculator().quote(
            asset: Self.asset(), operation: .deposit, amount: Self.amount("10"), context: .sep6, provider: nil)
        #expect(breakdown.amountFee == .zero)
        #expect(breakdown.amountOut == Self.amount("10"))
    }

    @Test(arguments: [
        // (amount, percent, decimals, expected fee) — half-even on exact ties, nearest otherwise.
        ("10.05", "10", 2, "1"),          // 1.005 → tie → even 1.00
        ("10.15", "10", 2, "1.02"),       // 1.015 → tie → even 1.02
        ("10.25", "10", 2, "1.02"),       // 1.025 → tie → even 1.02
        ("10.051", "10", 2, "1.01"),      // 1.0051 → nearest 1.01
        ("3.33", "33.3333333", 2, "1.11"),
        ("1", "0.5", 0, "0"),             // 0.005 at 0 decimals
        ("100", "0.0000001", 7, "0.0000001"),
    ])
    func percentFeesRoundOnceHalfEvenToTheAssetsDecimals(_ amount: String, _ percent: String, _ decimals: Int, _ fee: String) async throws {
        let value = Self.amount(amount)
        let breakdown = try await FeeCalculator().quote(
            asset: Self.asset(percent: percent, decimals: decimals), operation: .deposit, amount: value, context: "sep24", provider: nil)
        #expect(breakdown.amountFee == Self.amount(fee), "\(amount) × \(percent)% at \(decimals)")
    }

    /// 0.0149999 × 100 % + 0.0000001 fixed … rounding to 7 places first and then to 2 would turn 0.01499999995 into
    /// 0.0150000 and then 0.02; one exact rounding gives 0.01.
    @Test func neverRoundsTwice() async throws {
        let breakdown = try await FeeCalculator().quote(
            asset: Self.asset(percent: "99.9999999", decimals: 2), operation: .deposit, amount: Self.amount("0.015"),
            context: "sep24", provider: nil)
        // exact fee: 0.015 × 0.999999999 = 0.014999999985 → 0.01 (a 7-place first step would give 0.0150000 → 0.02)
        #expect(breakdown.amountFee == Self.amount("0.01"))
    }

    @Test func halfUpIsAvailableWhenChosen() async throws {
        let breakdown = try await FeeCalculator(rounding: .halfUp).quote(
            asset: Self.asset(percent: "10"), operation: .deposit, amount: Self.amount("10.05"), context: "sep24", provider: nil)
        #expect(breakdown.amountFee == Self.amount("1.01"))
    }

    @Test func theProviderFeeWinsAndCarriesItsDetails() async throws {
        let asked = AskedBox()
        let provider = FixedProvider(answer: FeeQuote(total: Self.amount("2.5"), details: [
            .init(name: "Service fee", amount: Self.amount("2")), .init(name: "Network", description: "rail", amount: Self.amount("0.5")),
        ]), asked: { asked.value = $0 })
        let breakdown = try await FeeCalculator().quote(
            asset: Self.asset(fixed: "100"), operation: .withdraw, amount: Self.amount("50"), type: "SEPA", context: "sep24",
            fundingMethod: "SEPA", provider: provider)
        #expect(breakdown.amountFee == Self.amount("2.5"))
        #expect(breakdown.amountOut == Self.amount("47.5"))
        #expect(breakdown.feeDetails.details?.map(\.name) == ["Service fee", "Network"])
        #expect(asked.value == FeeRequest(
            operation: .withdraw, type: "SEPA", assetCode: "USDC", amount: Self.amount("50"), significantDecimals: 2,
            context: "sep24", fundingMethod: "SEPA"))
    }

    @Test func aProviderFeeIsRoundedToTheAssetsDecimals() async throws {
        let provider = FixedProvider(answer: FeeQuote(total: Self.amount("1.005")), asked: { _ in })
        let breakdown = try await FeeCalculator().quote(
            asset: Self.asset(), operation: .deposit, amount: Self.amount("10"), context: "sep24", provider: provider)
        #expect(breakdown.amountFee == Self.amount("1"))
        #expect(breakdown.feeDetails.details == nil)
    }

    @Test func aProviderWithoutAnAnswerFallsBackToTheAssetTable() async throws {
        let provider = FixedProvider(answer: nil, asked: { _ in })
        let breakdown = try await FeeCalculator().quote(
            asset: Self.asset(fixed: "1", percent: "2"), operation: .deposit, amount: Self.amount("100"), context: "sep24",
            provider: provider)
        #expect(breakdown.amountFee == Self.amount("3"))
    }

    @Test func aFailingProviderIsAFeeError() async throws {
        await #expect(throws: FeeError.provider("boom")) {
            try await FeeCalculator().quote(
                asset: Self.asset(), operation: .deposit, amount: Self.amount("1"), context: "sep24", provider: FailingProvider())
        }
    }

    @Test func aNegativeProviderFeeIsRefused() async throws {
        let provider = FixedProvider(answer: FeeQuote(total: Amount(units: -1)), asked: { _ in })
        await #expect(throws: FeeError.negative(Amount(units: -1))) {
            try await FeeCalculator().quote(asset: Self.asset(), operation: .deposit, amount: Self.amount("1"), context: "sep24", provider: provider)
        }
    }

    @Test func aFeeAboveTheAmountIsAnError() async throws {
        let error = await #expect(throws: FeeError.self) {
            try await FeeCalculator().quote(
                asset: Self.asset(fixed: "5"), operation: .deposit, amount: Self.amount("4.99"), context: "sep24", provider: nil)
        }
        #expect(error == .exceedsAmount(fee: Self.amount("5"), amount: Self.amount("4.99")))
        #expect(error?.isFeeExceedingAmount == true)
        #expect(error?.description == "the fee 5 is more than the amount 4.99")
        // Exactly the amount leaves zero, which is allowed.
        let all = try await FeeCalculator().quote(
            asset: Self.asset(fixed: "5"), operation: .deposit, amount: Self.amount("5"), context: "sep24", provider: nil)
        #expect(all.amountOut == .zero)
    }

    @Test func receiveUsesTheWithdrawSideAndSendTheDepositSide() async throws {
        let asset = Asset(
            code: "USDC", issuer: Self.issuer, significantDecimals: 2,
            deposit: .init(enabled: true, feeFixed: Self.amount("1")), withdraw: .init(enabled: true, feeFixed: Self.amount("3")))
        let receive = try await FeeCalculator().quote(asset: asset, operation: .receive, amount: Self.amount("10"), context: "sep31", provider: nil)
        let send = try await FeeCalculator().quote(asset: asset, operation: .send, amount: Self.amount("10"), context: "sep31", provider: nil)
        #expect(receive.amountFee == Self.amount("3"))
        #expect(send.amountFee == Self.amount("1"))
    }

    @Test func nativeAssetIdentifier() {
        #expect(Asset(code: "native").sep38Identifier == "stellar:native")
        #expect(Self.asset().sep38Identifier == "stellar:USDC:\(Self.issuer)")
    }

    // MARK: limits

    @Test func limitsAreInclusiveAndNamed() throws {
        let asset = Self.asset(min: "10", max: "1000")
        let calculator = FeeCalculator()
        try calculator.validate(amount: Self.amount("10"), asset: asset, operation: .deposit)
        try calculator.validate(amount: Self.amount("1000"), asset: asset, operation: .deposit)
        let small = #expect(throws: AmountLimitError.self) {
            try calculator.validate(amount: Self.amount("9.99"), asset: asset, operation: .deposit)
        }
        #expect(small?.limitName == "min_amount")
        #expect(small?.status == .tooSmall)
        #expect(small?.description == "amount 9.99 is below the minimum deposit amount (min_amount) of 10 USDC")
        let large = #expect(throws: AmountLimitError.self) {
            try calculator.validate(amount: Self.amount("1000.01"), asset: asset, operation: .withdraw)
        }
        #expect(large?.limitName == "max_amount")
        #expect(large?.status == .tooLarge)
        #expect(large?.description == "amount 1000.01 is above the maximum withdraw amount (max_amount) of 1000 USDC")
    }

    @Test func zeroIsRefusedAndNoLimitsMeansAnyPositiveAmount() throws {
        let zero = #expect(throws: AmountLimitError.self) {
            try FeeCalculator().validate(amount: .zero, asset: Self.asset(), operation: .deposit)
        }
        #expect(zero?.description == "amount must be greater than zero")
        try FeeCalculator().validate(amount: .max, asset: Self.asset(), operation: .deposit)
    }
}

/// Where a test provider records the request it was asked.
final class AskedBox: Sendable {
    private let state = Mutex<FeeRequest?>(nil)

    var value: FeeRequest? {
        get { self.state.withLock { $0 } }
        set { self.state.withLock { $0 = newValue } }
    }
}
