import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct AssetTests {
    @Test func issuerMintsIntoATrustlineAndBurnsWhatComesBack() async throws {
        try await DevnetHarness().run { session in
            let issuer = try await session.funded(), holder = try await session.funded()
            let usd = try credit("USD", issuer)
            #expect(try await session.submit(holder, [.changeTrust(ChangeTrustAsset(usd))]).status == .ok)
            var account = try await session.json("/accounts/\(holder.accountId)")
            let line = account["balances"][0]
            #expect(line["asset_type"].string == "credit_alphanum4")
            #expect(line["asset_code"].string == "USD")
            #expect(line["asset_issuer"].string == issuer.accountId)
            #expect(line["balance"].string == "0.0000000")
            #expect(line["limit"].string == "922337203685.4775807")
            #expect(line["is_authorized"].bool == true)
            #expect(account["subentry_count"].int == 1)

            #expect(try await session.pay(issuer, to: holder, xlm(100), asset: usd).status == .ok)
            #expect(try await session.balance(holder, "USD") == "100.0000000")
            #expect(try await session.pay(holder, to: issuer, xlm(40), asset: usd).status == .ok)
            #expect(try await session.balance(holder, "USD") == "60.0000000")

            // A trustline holding a balance cannot be removed or limited below it.
            let remove = try await session.submit(holder, [.changeTrust(ChangeTrustAsset(usd), limit: 0)])
            #expect(JSON(remove.body).operationCodes == ["op_invalid_limit"])
            let negative = try await session.submit(holder, [.changeTrust(ChangeTrustAsset(usd), limit: -1)])
            #expect(JSON(negative.body).operationCodes == ["op_malformed"])
            #expect(try await session.pay(holder, to: issuer, xlm(60), asset: usd).status == .ok)
            #expect(try await session.submit(holder, [.changeTrust(ChangeTrustAsset(usd), limit: 0)]).status == .ok)
            account = try await session.json("/accounts/\(holder.accountId)")
            #expect(account["balances"].array.count == 1)
            #expect(account["subentry_count"].int == 0)
        }
    }

    @Test func authorizationRequiredLeavesNewTrustlinesUnauthorized() async throws {
        try await DevnetHarness().run { session in
            let issuer = try await session.funded(), holder = try await session.funded()
            let setFlags = TransactionOperation(body: .setOptions(SetOptionsOp(setFlags: AccountFlags.authRequired | AccountFlags.authRevocable)))
            #expect(try await session.submit(issuer, [setFlags]).status == .ok)
            let flags = try await session.json("/accounts/\(issuer.accountId)")["flags"]
            #expect(flags["auth_required"].bool == true)
            #expect(flags["auth_revocable"].bool == true)

            let usd = try credit("USD", issuer)
            #expect(try await session.submit(holder, [.changeTrust(ChangeTrustAsset(usd))]).status == .ok)
            let line = try await session.json("/accounts/\(holder.accountId)")["balances"][0]
            #expect(line["is_authorized"].bool == false)
            let mint = try await session.pay(issuer, to: holder, xlm(1), asset: usd)
            #expect(JSON(mint.body).operationCodes == ["op_not_authorized"])
            #expect(try await session.balance(holder, "USD") == "0.0000000")
        }
    }

    @Test func trustlinesNeedAReserveAndAnIssuer() async throws {
        try await DevnetHarness().run { session in
            let funder = try await session.funded(), issuer = try await session.funded(), poor = KeyPair.random()
            // Exactly the minimum balance (1 XLM) plus one fee: nothing is left for the trustline's reserve.
            #expect(try await session.submit(funder, [.createAccount(destination: poor.publicKey, startingBalance: xlm(1) + 100)]).status == .ok)
            let line = try await session.submit(poor, [.changeTrust(ChangeTrustAsset(try credit("USD", issuer)))])
            #expect(JSON(line.body).operationCodes == ["op_low_reserve"])
            let ghost = try await session.submit(funder, [.changeTrust(ChangeTrustAsset(try credit("EUR", KeyPair.random())))])
            #expect(JSON(ghost.body).operationCodes == ["op_no_issuer"])
            let own = try await session.submit(issuer, [.changeTrust(ChangeTrustAsset(try credit("USD", issuer)))])
            #expect(JSON(own.body).operationCodes == ["op_malformed"])
        }
    }

    @Test func twelveCharacterCodesAreCreditAlphanum12() async throws {
        try await DevnetHarness().run { session in
            let issuer = try await session.funded(), holder = try await session.funded()
            let long = try credit("LONGERCODE12", issuer)
            #expect(try await session.submit(holder, [.changeTrust(ChangeTrustAsset(long))]).status == .ok)
            #expect(try await session.pay(issuer, to: holder, xlm(5), asset: long).status == .ok)
            let line = try await session.json("/accounts/\(holder.accountId)")["balances"][0]
            #expect(line["asset_type"].string == "credit_alphanum12")
            #expect(line["balance"].string == "5.0000000")
            let payment = try await session.json("/accounts/\(holder.accountId)/payments?order=desc&limit=1").records[0]
            #expect(payment["asset_type"].string == "credit_alphanum12")
            #expect(payment["asset_code"].string == "LONGERCODE12")
        }
    }
}
