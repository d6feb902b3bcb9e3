import Foundation
import CapstanCore
import Testing

@Suite struct AmountParsingTests {
    @Test(arguments: [
        ("0", Int64(0)),
        ("1", 10_000_000),
        ("100", 1_000_000_000),
        ("10.5", 105_000_000),
        ("0.0000001", 1),
        ("1.2345678", 12_345_678),
        ("01.5", 15_000_000),
        ("000", 0),
        ("0.0", 0),
        ("922337203685.4775807", .max),
        ("00000000000000000000000000000001", 10_000_000),   // 32 characters: the longest accepted
    ])
    func parsesPlainDecimals(text: String, units: Int64) {
        #expect(Amount(text)?.units == units)
    }

    @Test(arguments: [
        "", ".", "1.", ".5", "-1", "-0", "+1", " 1", "1 ", "1,5", "1.2.3", "1e5", "1E5", "1e500000000",
        "0x10", "NaN", "nan", "inf", "Infinity", "1.23456789", "0.00000001", "922337203685.4775808",
        "922337203686", "99999999999999999999", "000000000000000000000000000000001", "١", "1\u{0}",
    ])
    func rejectsEverythingElse(text: String) {
        #expect(Amount(text) == nil)
    }

    @Test func rejectsHugeInputWithoutLookingAtIt() {
        #expect(Amount(String(repeating: "9", count: 10_000_000)) == nil)
        #expect(Amount("1e" + String(repeating: "9", count: 100_000)) == nil)
    }

    @Test(arguments: [
        ("-1", Int64(-10_000_000)),
        ("-0.0000001", -1),
        ("-0", 0),
        ("5", 50_000_000),
        ("-922337203685.4775808", .min),
    ])
    func signedParserAcceptsOneMinus(text: String, units: Int64) {
        #expect(Amount(signed: text)?.units == units)
    }

    @Test(arguments: ["--1", "-", "-.5", "+1", "- 1", "-922337203685.4775809"])
    func signedParserRejectsMalformed(text: String) {
        #expect(Amount(signed: text) == nil)
    }

    @Test func decodesOnlyNonNegativeStrings() throws {
        let decoded = try JSONDecoder().decode([Amount].self, from: Data(#"["10.5","0.0000001"]"#.utf8))
        #expect(decoded == [Amount(units: 105_000_000), Amount(units: 1)])
        for bad in [#"[10.5]"#, #"["-1"]"#, #"["1e3"]"#, #"["1.00000001"]"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode([Amount].self, from: Data(bad.utf8)) }
        }
    }

    @Test func encodesAsCanonicalString() throws {
        let json = try JSONEncoder().encode([Amount("10.50")!, Amount("0.0000001")!])
        #expect(String(decoding: json, as: UTF8.self) == #"["10.5","0.0000001"]"#)
    }
}
