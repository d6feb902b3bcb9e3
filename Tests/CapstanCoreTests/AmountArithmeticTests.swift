import CapstanCore
import Testing

@Suite struct AmountArithmeticTests {
    @Test(arguments: [
        // value, decimals, halfEven, halfUp, down, up
        ("1.005", 2, "1", "1.01", "1", "1.01"),
        ("1.015", 2, "1.02", "1.02", "1.01", "1.02"),
        ("1.0149999", 2, "1.01", "1.01", "1.01", "1.02"),
        ("2.5", 0, "2", "3", "2", "3"),
        ("3.5", 0, "4", "4", "3", "4"),
        ("3", 0, "3", "3", "3", "3"),
        ("0.0000001", 6, "0", "0", "0", "0.000001"),
        ("0.0000005", 6, "0", "0.000001", "0", "0.000001"),
        ("0.0000015", 6, "0.000002", "0.000002", "0.000001", "0.000002"),
        ("1.2345678", 7, "1.2345678", "1.2345678", "1.2345678", "1.2345678"),
    ])
    func roundsByEveryRule(text: String, decimals: Int, halfEven: String, halfUp: String, down: String, up: String) {
        let amount = Amount(text)!
        #expect(amount.rounded(toDecimals: decimals).description == halfEven)
        #expect(amount.rounded(toDecimals: decimals, rule: .halfUp).description == halfUp)
        #expect(amount.rounded(toDecimals: decimals, rule: .down).description == down)
        #expect(amount.rounded(toDecimals: decimals, rule: .up).description == up)
    }

    @Test func roundsNegativesAwayFromOrTowardZero() {
        let amount = Amount(signed: "-2.5")!
        #expect(amount.rounded(toDecimals: 0).description == "-2")
        #expect(amount.rounded(toDecimals: 0, rule: .halfUp).description == "-3")
        #expect(amount.rounded(toDecimals: 0, rule: .down).description == "-2")
        #expect(amount.rounded(toDecimals: 0, rule: .up).description == "-3")
    }

    @Test func roundingAtTheLimitDoesNotTrap() {
        #expect(Amount.max.rounded(toDecimals: 0, rule: .up).description == "922337203685")
        #expect(Amount(units: .min).rounded(toDecimals: 2, rule: .up).description == "-922337203685.47")
    }

    @Test func addsAndSubtractsExactly() throws {
        let sum = try Amount("0.1")!.adding(Amount("0.2")!)
        #expect(sum == Amount("0.3")!)
        #expect(try Amount("1")!.subtracting(Amount("1.5")!).description == "-0.5")
        #expect(try Amount("2.5")!.multiplied(by: 3).description == "7.5")
    }

    @Test func overflowIsAnErrorNotATrap() {
        #expect(throws: AmountError.overflow) { try Amount.max.adding(Amount(units: 1)) }
        #expect(throws: AmountError.overflow) { try Amount(units: .min).subtracting(Amount(units: 1)) }
        #expect(throws: AmountError.overflow) { try Amount.max.multiplied(by: 2) }
        #expect(throws: AmountError.overflow) { try Amount(units: .min).negated() }
        #expect(throws: AmountError.overflow) { try Amount.max.percent(Amount("200")!) }
    }

    @Test(arguments: [
        ("100", "1.5", "1.5"),
        ("10", "2.5", "0.25"),
        ("0.0000001", "50", "0"),          // 0.00000005 ties to even: 0
        ("0.0000003", "50", "0.0000002"),  // 0.00000015 ties to even: 0.0000002
        ("0.0000001", "100", "0.0000001"),
        ("123.4567891", "0.1", "0.1234568"),
        ("922337203685.4775807", "100", "922337203685.4775807"),
        ("1000", "0", "0"),
    ])
    func takesPercentWithHalfEvenRounding(amount: String, rate: String, expected: String) throws {
        #expect(try Amount(amount)!.percent(Amount(rate)!).description == expected)
    }

    @Test func comparesByValue() {
        #expect(Amount("1.5")! < Amount("10")!)
        #expect(Amount("1.50")! == Amount("1.5")!)
        #expect(Amount.zero.isZero)
        #expect(Amount(signed: "-1")!.isNegative)
    }
}
