import CapstanCore
import Testing

@Suite struct AmountFormattingTests {
    @Test(arguments: [
        (Int64(0), "0"),
        (10_000_000, "1"),
        (1_000_000_000, "100"),
        (105_000_000, "10.5"),
        (1, "0.0000001"),
        (12_345_670, "1.234567"),
        (-105_000_000, "-10.5"),
        (-1, "-0.0000001"),
        (.max, "922337203685.4775807"),
        (.min, "-922337203685.4775808"),
    ])
    func descriptionIsCanonical(units: Int64, text: String) {
        #expect(Amount(units: units).description == text)
    }

    @Test func descriptionRoundTripsThroughTheSignedParser() {
        for units: Int64 in [0, 1, -1, 9, 10, 123_456_789, .max, .min, 10_000_000, -99_999_999] {
            #expect(Amount(signed: Amount(units: units).description)?.units == units)
        }
    }

    @Test(arguments: [
        ("10.5", 2, "10.50"),
        ("10.5", 0, "10"),          // half-even: 10.5 -> 10
        ("11.5", 0, "12"),
        ("1.005", 2, "1.00"),
        ("1.015", 2, "1.02"),
        ("1.0151", 2, "1.02"),
        ("100", 2, "100.00"),
        ("0.0000001", 7, "0.0000001"),
        ("0.0000001", 9, "0.000000100"),
        ("1.25", -3, "1"),
        ("922337203685.4775807", 0, "922337203685"),
        ("922337203685.4775807", 3, "922337203685.478"),
    ])
    func formatsWithExactlyThatManyDecimals(text: String, decimals: Int, expected: String) {
        #expect(Amount(text)!.formatted(decimals: decimals) == expected)
    }

    @Test func formattingRoundsNegativesSymmetrically() {
        #expect(Amount(signed: "-1.005")!.formatted(decimals: 2) == "-1.00")
        #expect(Amount(signed: "-1.015")!.formatted(decimals: 2) == "-1.02")
        #expect(Amount(signed: "-0.004")!.formatted(decimals: 2, rule: .down) == "0.00")
    }
}
