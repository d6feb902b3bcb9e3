import CapstanCore
import Foundation
import Testing

@Suite struct AssetValidationTests {
    static let issuer = "GCKFBEIYV2U22IO2BJ4KVJOIP7XPWQGQFKKWXR6DOSJBV7STMAQSMTGG"

    static func valid() -> Asset {
        Asset(
            code: "USDC", issuer: issuer, distributionAccount: issuer, significantDecimals: 2, seps: [.sep24, .sep6],
            deposit: .init(enabled: true, minAmount: Amount("1"), maxAmount: Amount("1000"), feeFixed: Amount("0.5"), feePercent: Amount("1.5")),
            withdraw: .init(enabled: true, minAmount: Amount("1"), maxAmount: Amount("1"), feePercent: Amount("100"))
        )
    }

    static func changed(_ change: (inout Asset) -> Void) -> Asset {
        var asset = valid()
        change(&asset)
        return asset
    }

    @Test func acceptsAWellFormedAsset() throws {
        try Self.valid().validate()
        try Asset(code: "native").validate()
        try Asset(code: "ABCDEFGHIJK1", significantDecimals: 7).validate()
    }

    @Test(arguments: [
        (changed { $0.code = "" }, "asset : code must be 1 to 12 ASCII letters or digits"),
        (changed { $0.code = "ABCDEFGHIJKLM" }, "asset ABCDEFGHIJKLM: code must be 1 to 12 ASCII letters or digits"),
        (changed { $0.code = "US-D" }, "asset US-D: code must be 1 to 12 ASCII letters or digits"),
        (changed { $0.code = "ÜSD" }, "asset ÜSD: code must be 1 to 12 ASCII letters or digits"),
        (changed { $0.issuer = "GABC" }, "asset USDC: issuer must be a G… account: 56 base32 characters starting with G"),
        (changed { $0.issuer = "S" + String(issuer.dropFirst()) }, "asset USDC: issuer must be a G… account: 56 base32 characters starting with G"),
        (changed { $0.issuer = String(issuer.dropLast()) + "1" }, "asset USDC: issuer must be a G… account: 56 base32 characters starting with G"),
        (changed { $0.distributionAccount = "" }, "asset USDC: distribution_account must be a G… account: 56 base32 characters starting with G"),
        (changed { $0.significantDecimals = 8 }, "asset USDC: significant_decimals must be between 0 and 7, got 8"),
        (changed { $0.significantDecimals = -1 }, "asset USDC: significant_decimals must be between 0 and 7, got -1"),
        (changed { $0.deposit.minAmount = Amount("2000") }, "asset USDC: deposit.min_amount must not exceed deposit.max_amount: 2000 > 1000"),
        (changed { $0.withdraw.maxAmount = Amount("0.5") }, "asset USDC: withdraw.min_amount must not exceed withdraw.max_amount: 1 > 0.5"),
        (changed { $0.deposit.feeFixed = Amount(signed: "-0.5") }, "asset USDC: deposit.fee_fixed must not be negative, got -0.5"),
        (changed { $0.withdraw.feePercent = Amount(signed: "-1") }, "asset USDC: withdraw.fee_percent must not be negative, got -1"),
        (changed { $0.deposit.minAmount = Amount(signed: "-1") }, "asset USDC: deposit.min_amount must not be negative, got -1"),
        (changed { $0.withdraw.feePercent = Amount("100.0000001") }, "asset USDC: withdraw.fee_percent must be at most 100, got 100.0000001"),
    ])
    func namesTheFieldAtFault(asset: Asset, message: String) {
        #expect(throws: AssetError.self) { try asset.validate() }
        do {
            try asset.validate()
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func decodesConfigStyleJSONWithDefaults() throws {
        let json = #"{"code":"SRT","seps":[24,6],"deposit":{"enabled":true,"fee_percent":"0.5"}}"#
        let asset = try JSONDecoder().decode(Asset.self, from: Data(json.utf8))
        #expect(asset == Asset(code: "SRT", seps: [.sep6, .sep24], deposit: .init(enabled: true, feePercent: Amount("0.5"))))
        #expect(asset.significantDecimals == 2)
        #expect(asset.withdraw.enabled == false)
    }

    @Test func roundTripsThroughJSON() throws {
        let asset = Self.valid()
        let decoded = try JSONDecoder().decode(Asset.self, from: JSONEncoder().encode(asset))
        #expect(decoded == asset)
    }
}
