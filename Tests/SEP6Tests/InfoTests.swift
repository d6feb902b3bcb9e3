import CapstanCore
import Foundation
import Testing

@testable import SEP6

/// `GET /sep6/info` and the deprecated `GET /sep6/fee`.
@Suite struct InfoTests {
    static let depositKeys: Set<String> = [
        "enabled", "fee_fixed", "fee_minimum", "fee_percent", "min_amount", "max_amount", "authentication_required", "funding_methods", "fields",
    ]

    /// CONFORMANCE SEP-6 #2–#4 and "Gotchas" 3: the required blocks, and per asset no key the suite refuses.
    @Test func infoIsPublicAndMatchesTheSuiteSchema() async throws {
        try await SEP6Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep6/info", sub: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let info = try response.object()
            for block in ["fee", "transaction", "transactions"] {
                #expect((info[block] as? [String: Any])?["enabled"] as? Bool == true, "\(block)")
            }
            let deposit = try #require(info["deposit"] as? [String: [String: Any]])
            let withdraw = try #require(info["withdraw"] as? [String: [String: Any]])
            #expect(Set(deposit.keys) == ["SRT", "DEP"])          // WEB is SEP-24 only
            for (_, entry) in deposit { #expect(Set(entry.keys).isSubset(of: Self.depositKeys)) }
            for (_, entry) in withdraw { #expect(Set(entry.keys).isSubset(of: Self.depositKeys.subtracting(["fields"]).union(["types"]))) }
            let srt = try #require(deposit["SRT"])
            #expect(srt["enabled"] as? Bool == true && srt["authentication_required"] as? Bool == true)
            #expect(srt["min_amount"] as? Int == 1 && srt["max_amount"] as? Int == 10000)
            #expect(srt["fee_fixed"] as? Int == 1 && srt["fee_percent"] as? Int == 1)
            #expect(srt["funding_methods"] as? [String] == ["SEPA", "SWIFT"])
            #expect((srt["fields"] as? [String: [String: Any]])?["email_address"]?["optional"] as? Bool == true)
            let types = try #require(withdraw["SRT"]?["types"] as? [String: [String: Any]])
            #expect(Set(types.keys) == ["bank_account", "cash"])
            #expect(Set(((types["bank_account"]?["fields"] as? [String: Any]) ?? [:]).keys) == ["dest", "dest_extra"])
            #expect(withdraw["DEP"]?["enabled"] as? Bool == false)
            let features = try #require(info["features"] as? [String: Bool])
            #expect(features == ["account_creation": true, "claimable_balances": false])
            #expect(info["deposit-exchange"] == nil)
        }
    }

    @Test func aFeeHookHidesTheTableFees() async throws {
        try await SEP6Fixture.with({ $0.feeProvider = FlatFee() }) { _, wallet in
            let info = try await wallet.api(.get, "/sep6/info", sub: nil).object()
            let srt = try #require((info["deposit"] as? [String: [String: Any]])?["SRT"])
            #expect(srt["fee_fixed"] == nil && srt["fee_percent"] == nil)
        }
    }

    @Test func exchangeSectionsOnlyWhenAdvertised() async throws {
        try await SEP6Fixture.with({ $0.settings.advertiseExchange = true }) { _, wallet in
            let info = try await wallet.api(.get, "/sep6/info", sub: nil).object()
            #expect((info["deposit-exchange"] as? [String: [String: Any]])?["SRT"]?["enabled"] as? Bool == true)
            #expect((info["withdraw-exchange"] as? [String: [String: Any]])?["SRT"]?["types"] != nil)
        }
    }

    @Test func withoutAPluginTheAssetTableAlone() async throws {
        try await SEP6Fixture.with({ $0.hooks = BuiltInSEP6Hooks() }) { _, wallet in
            let info = try await wallet.api(.get, "/sep6/info", sub: nil).object()
            let srt = try #require((info["withdraw"] as? [String: [String: Any]])?["SRT"])
            #expect(srt["types"] == nil && srt["funding_methods"] == nil && srt["enabled"] as? Bool == true)
        }
    }

    @Test func feeFromTheAssetTable() async throws {
        try await SEP6Fixture.with { _, wallet in
            #expect(try await wallet.api(.get, "/sep6/fee?operation=deposit&asset_code=SRT&amount=100", sub: nil).status == .forbidden)
            let deposit = try await wallet.api(.get, "/sep6/fee?operation=deposit&asset_code=SRT&amount=100")
            #expect(deposit.status == .ok && deposit.text == #"{"fee":2}"#)
            let withdraw = try await wallet.api(.get, "/sep6/fee?operation=withdraw&type=bank_account&asset_code=SRT&amount=100")
            #expect(withdraw.text == #"{"fee":1}"#)
        }
    }

    @Test(arguments: [
        "operation=swap&asset_code=SRT&amount=10", "operation=deposit&amount=10", "operation=deposit&asset_code=NOPE&amount=10",
        "operation=withdraw&asset_code=DEP&amount=10", "operation=deposit&asset_code=SRT", "operation=deposit&asset_code=SRT&amount=abc",
        "operation=deposit&asset_code=SRT&amount=0.5",
    ])
    func badFeeQueriesAre400(_ query: String) async throws {
        try await SEP6Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep6/fee?\(query)")
            #expect(response.status == .badRequest, "\(query)")
            #expect(try response.object()["error"] is String)
        }
    }

    @Test func feeCanBePublic() async throws {
        try await SEP6Fixture.with({ $0.settings.feeAuthenticationRequired = false }) { _, wallet in
            #expect(try await wallet.api(.get, "/sep6/fee?operation=deposit&asset_code=SRT&amount=100", sub: nil).status == .ok)
            let info = try await wallet.api(.get, "/sep6/info", sub: nil).object()
            #expect((info["fee"] as? [String: Any])?["authentication_required"] as? Bool == false)
        }
    }
}
