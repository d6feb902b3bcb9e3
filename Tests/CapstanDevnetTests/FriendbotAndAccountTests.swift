import Foundation
import StellarHorizon
import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct FriendbotAndAccountTests {
    @Test func friendbotCreatesAFundedAccountShapedLikeHorizons() async throws {
        try await DevnetHarness().run { session in
            let wallet = KeyPair.random()
            let funded = try await session.get("/friendbot?addr=\(wallet.accountId)")
            #expect(funded.status == .ok)
            let transaction = JSON(funded.body)
            #expect(transaction["successful"].bool == true)
            #expect(transaction["hash"].string?.count == 64)
            let ledger = try #require(transaction["ledger"].int)

            let account = try await session.json("/accounts/\(wallet.accountId)")
            #expect(account["id"].string == wallet.accountId)
            #expect(account["account_id"].string == wallet.accountId)
            // stellar-core starts a new account's sequence at its ledger number shifted left by 32.
            #expect(account["sequence"].string == String(Int64(ledger) << 32))
            #expect(account["subentry_count"].int == 0)
            #expect(account["thresholds"]["low_threshold"].int == 0)
            #expect(account["thresholds"]["med_threshold"].int == 0)
            #expect(account["thresholds"]["high_threshold"].int == 0)
            #expect(account["flags"]["auth_required"].bool == false)
            #expect(account["flags"]["auth_revocable"].bool == false)
            let balance = account["balances"][0]
            #expect(balance["balance"].string == "10000.0000000")
            #expect(balance["asset_type"].string == "native")
            #expect(account["signers"][0]["key"].string == wallet.accountId)
            #expect(account["signers"][0]["weight"].int == 1)
            #expect(account["signers"][0]["type"].string == "ed25519_public_key")
            #expect(account["data"].keys.isEmpty)
            #expect(account["_links"]["self"]["href"].string?.hasSuffix("/accounts/\(wallet.accountId)") == true)
        }
    }

    @Test func accountRecordDecodesAsTheSEP10LedgerReaderExpects() async throws {
        try await DevnetHarness().run { session in
            let wallet = try await session.funded()
            let body = try await session.get("/accounts/\(wallet.accountId)").body
            let account = try JSONDecoder().decode(LedgerAccount.self, from: Data(body.readableBytesView))
            #expect(account.id == wallet.accountId)
            #expect(account.signers == [LedgerAccount.Signer(key: wallet.accountId, weight: 1, type: .ed25519PublicKey)])
            #expect(account.balances.first?.balance == "10000.0000000")
        }
    }

    @Test func friendbotRefusesAnAccountThatExists() async throws {
        try await DevnetHarness().run { session in
            let wallet = try await session.funded()
            let again = try await session.get("/friendbot?addr=\(wallet.accountId)")
            #expect(again.status == .badRequest)
            let problem = JSON(again.body)
            #expect(problem["type"].string == "https://stellar.org/horizon-errors/bad_request")
            #expect(problem["status"].int == 400)
            #expect(problem.operationCodes == ["op_already_exists"])
            #expect(try await session.balance(wallet) == "10000.0000000")

            let invalid = try await session.get("/friendbot?addr=not-an-account")
            #expect(invalid.status == .badRequest)
            #expect(JSON(invalid.body)["extras"]["invalid_field"].string == "addr")
        }
    }

    @Test func missingAccountIsHorizonsNotFoundProblem() async throws {
        try await DevnetHarness().run { session in
            let response = try await session.get("/accounts/\(KeyPair.random().accountId)")
            #expect(response.status == .notFound)
            let problem = JSON(response.body)
            #expect(problem["type"].string == "https://stellar.org/horizon-errors/not_found")
            #expect(problem["title"].string == "Resource Missing")
            #expect(problem["status"].int == 404)
            #expect(response.headers[.contentType]?.hasPrefix("application/hal+json") == true)

            #expect(try await session.get("/accounts/GNOTANACCOUNT").status == .badRequest)
            let unknownRoute = try await session.get("/no/such/route")
            #expect(unknownRoute.status == .notFound)
            #expect(JSON(unknownRoute.body)["title"].string == "Resource Missing")
        }
    }

    @Test func rootReportsTheNetworkAndTheLatestLedger() async throws {
        try await DevnetHarness().run { session in
            let before = try await session.json("/")
            #expect(before["network_passphrase"].string == "Standalone Network ; February 2017")
            let first = try #require(before["history_latest_ledger"].int)
            #expect(before["core_latest_ledger"].int == first)
            #expect(before["_links"]["friendbot"]["href"].string?.contains("/friendbot") == true)
            try await session.funded()
            let after = try await session.json("/")
            #expect(after["history_latest_ledger"].int == first + 1)

            let ledgers = try await session.json("/ledgers?order=desc&limit=1")
            #expect(ledgers.records.first?["sequence"].int == first + 1)
            #expect(ledgers.records.first?["base_fee_in_stroops"].int == 100)
            #expect(ledgers.records.first?["successful_transaction_count"].int == 1)
            #expect(try await session.json("/ledgers/\(first + 1)")["sequence"].int == first + 1)
            #expect(try await session.json("/fee_stats")["last_ledger_base_fee"].string == "100")
        }
    }

    @Test func manageDataShowsInTheAccountsDataAsBase64() async throws {
        try await DevnetHarness().run { session in
            let wallet = try await session.funded()
            let set = try await session.submit(wallet, [.manageData(name: "config.memo_required", value: Array("1".utf8))])
            #expect(set.status == .ok)
            var account = try await session.json("/accounts/\(wallet.accountId)")
            #expect(account["data"]["config.memo_required"].string == "MQ==")
            #expect(account["subentry_count"].int == 1)

            let removed = try await session.submit(wallet, [.manageData(name: "config.memo_required", value: nil)])
            #expect(removed.status == .ok)
            account = try await session.json("/accounts/\(wallet.accountId)")
            #expect(account["data"].keys.isEmpty)

            let missing = try await session.submit(wallet, [.manageData(name: "absent", value: nil)])
            #expect(JSON(missing.body).operationCodes == ["op_data_name_not_found"])
        }
    }
}
