import CapstanCore
import Foundation
import HTTPTypes
import Testing

@testable import SEP24

/// `GET /sep24/info` and the deprecated `GET /sep24/fee`.
@Suite struct InfoTests {
    /// CONFORMANCE.md SEP-24 #2–#4: per asset only `enabled`, `fee_fixed`, `fee_minimum`, `fee_percent`,
    /// `min_amount`, `max_amount`; a `fee` object with `enabled`.
    @Test func infoListsSEP24AssetsWithOnlyTheAllowedKeys() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep24/info")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            let info = try response.object()
            let deposit = try #require(info["deposit"] as? [String: [String: Any]])
            let withdraw = try #require(info["withdraw"] as? [String: [String: Any]])
            #expect(Set(deposit.keys) == ["SRT", "DEP"])            // OLD is SEP-6 only
            let srt = try #require(deposit["SRT"])
            #expect(Set(srt.keys).isSubset(of: ["enabled", "fee_fixed", "fee_minimum", "fee_percent", "min_amount", "max_amount"]))
            #expect(srt["enabled"] as? Bool == true)
            #expect((srt["min_amount"] as? NSNumber)?.stringValue == "1")
            #expect((srt["max_amount"] as? NSNumber)?.stringValue == "10000")
            #expect((srt["fee_fixed"] as? NSNumber)?.stringValue == "1")
            #expect((withdraw["SRT"]?["fee_percent"] as? NSNumber)?.stringValue == "0.5")
            #expect(withdraw["DEP"]?["enabled"] as? Bool == false)
            let fee = try #require(info["fee"] as? [String: Any])
            #expect(fee["enabled"] as? Bool == true)
            let features = try #require(info["features"] as? [String: Bool])
            #expect(features == ["account_creation": true, "claimable_balances": false])
        }
    }

    @Test func infoNumbersAreExactDecimalsNotFloats() async throws {
        try await SEP24Fixture.with { _, wallet in
            let body = try await wallet.api(.get, "/sep24/info").text
            #expect(body.contains(#""fee_percent":0.5"#))
            #expect(body.contains(#""max_amount":10000"#))
        }
    }

    /// With a plugin deciding fees, a fixed/percent pair would be a guess: wallets are sent to `/fee` instead.
    @Test func infoOmitsTableFeesWhenAProviderDecides() async throws {
        try await SEP24Fixture.with({ $0.feeProvider = FlatFee() }) { _, wallet in
            let info = try await wallet.api(.get, "/sep24/info").object()
            let srt = try #require((info["deposit"] as? [String: [String: Any]])?["SRT"])
            #expect(srt["fee_fixed"] == nil && srt["fee_percent"] == nil)
            #expect(srt["min_amount"] != nil)
        }
    }

    @Test func feeRequiresAuthentication() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep24/fee?operation=deposit&asset_code=SRT&amount=100")
            #expect(response.status == .forbidden)
            #expect(try response.object()["type"] as? String == "authentication_required")
        }
    }

    @Test func feeComputesTheTableFee() async throws {
        try await SEP24Fixture.with { _, wallet in
            // deposit: 1 + 1 % of 250.55 = 3.5055 → 3.51 (two significant decimals, half-even)
            let deposit = try await wallet.api(.get, "/sep24/fee?operation=deposit&asset_code=SRT&amount=250.55", sub: Accounts.alice)
            #expect(deposit.status == .ok)
            #expect(deposit.text == #"{"fee":3.51}"#)
            let withdraw = try await wallet.api(.get, "/sep24/fee?operation=withdraw&asset_code=SRT&amount=100", sub: Accounts.alice)
            #expect(withdraw.text == #"{"fee":1}"#)
        }
    }

    @Test func feeUsesTheProvider() async throws {
        try await SEP24Fixture.with({ $0.feeProvider = FlatFee() }) { _, wallet in
            let response = try await wallet.api(.get, "/sep24/fee?operation=deposit&asset_code=SRT&amount=100", sub: Accounts.alice)
            #expect(response.text == #"{"fee":3}"#)
        }
    }

    @Test(arguments: [
        "/sep24/fee?operation=sideways&asset_code=SRT&amount=1",
        "/sep24/fee?operation=deposit&amount=1",
        "/sep24/fee?operation=deposit&asset_code=NOPE&amount=1",
        "/sep24/fee?operation=withdraw&asset_code=DEP&amount=1",
        "/sep24/fee?operation=deposit&asset_code=SRT",
        "/sep24/fee?operation=deposit&asset_code=SRT&amount=-1",
        "/sep24/fee?operation=deposit&asset_code=SRT&amount=1e3",
    ])
    func feeRefusesBadQueries(_ uri: String) async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.get, uri, sub: Accounts.alice)
            #expect(response.status == .badRequest)
            #expect(try response.object()["error"] is String)
        }
    }

    @Test func preflightAndWrongMethodKnowTheRoutes() async throws {
        try await SEP24Fixture.with { _, wallet in
            let preflight = try await wallet.client.execute(uri: "/sep24/transactions/deposit/interactive", method: .options)
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "*")
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            let wrong = try await wallet.api(.get, "/sep24/transactions/deposit/interactive")
            #expect(wrong.status == .methodNotAllowed)
        }
    }
}
