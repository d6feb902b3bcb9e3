import CapstanCore
import Testing
@testable import CapstanStore

@Suite struct AssetStoreTests {
    static let account = "GCKFBEIYV2U22IO2BJ4KVJOIP7XPWQGQFKKWXR6DOSJBV7STMAQSMTGG"

    static let usdc = Asset(
        code: "USDC", issuer: account, distributionAccount: "GDISTRIBUTION" + String(repeating: "A", count: 43),
        significantDecimals: 7, seps: [.sep6, .sep24, .sep31, .sep38],
        deposit: .init(enabled: true, minAmount: Amount("0.0000001"), maxAmount: Amount("922337203685.4775807"),
                       feeFixed: Amount("0.1"), feePercent: Amount("1.2345678")),
        withdraw: .init(enabled: false, minAmount: Amount("10"), maxAmount: nil, feeFixed: nil, feePercent: Amount("100"))
    )

    @Test func roundTripsEveryField() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.assets.insert(Self.usdc)
            try await store.assets.insert(Asset(code: "native"))
            #expect(try await store.assets.asset(code: "USDC") == Self.usdc)
            #expect(try await store.assets.asset(code: "native") == Asset(code: "native"))
            #expect(try await store.assets.asset(code: "usdc") == nil)          // codes are exact
            #expect(try await store.assets.all() == [Self.usdc, Asset(code: "native")])
        }
    }

    @Test func insertingAnExistingCodeIsADuplicate() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.assets.insert(Self.usdc)
            await #expect(throws: StoreError.duplicate("asset USDC")) { try await store.assets.insert(Asset(code: "USDC")) }
            #expect(try await store.assets.asset(code: "USDC") == Self.usdc)
        }
    }

    @Test func updateReplacesEveryField() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.assets.insert(Self.usdc)
            var changed = Self.usdc
            changed.issuer = nil
            changed.distributionAccount = nil
            changed.significantDecimals = 0
            changed.seps = [.sep31]
            changed.deposit = .init()
            changed.withdraw = .init(enabled: true, minAmount: Amount("5"), maxAmount: Amount("6"), feeFixed: Amount("0.0000001"), feePercent: .zero)
            try await store.assets.update(changed)
            #expect(try await store.assets.asset(code: "USDC") == changed)
        }
    }

    @Test func updatingAnUnknownCodeIsNotFound() async throws {
        try await TemporaryStore.with { store, _ in
            await #expect(throws: StoreError.notFound("asset EURC")) { try await store.assets.update(Asset(code: "EURC")) }
            let all = try await store.assets.all()
            #expect(all.isEmpty)
        }
    }

    @Test func amountsAreStoredAsExactText() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.assets.insert(Self.usdc)
            #expect(try await store.rawText("SELECT typeof(deposit_max_amount) AS t FROM assets", column: "t") == "text")
            #expect(try await store.rawText("SELECT deposit_max_amount AS v FROM assets", column: "v") == "922337203685.4775807")
            #expect(try await store.rawText("SELECT deposit_fee_percent AS v FROM assets", column: "v") == "1.2345678")
            #expect(try await store.rawText("SELECT typeof(withdraw_max_amount) AS t FROM assets", column: "t") == "null")
        }
    }
}
