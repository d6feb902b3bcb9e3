import Foundation
import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct ClaimableBalanceTests {
    @Test func createThenClaim() async throws {
        let clock = TestClock()
        try await DevnetHarness(clock: clock).run { session in
            let anchor = try await session.funded(), wallet = try await session.funded(), stranger = try await session.funded()
            let create = try await session.submit(anchor, [
                TransactionOperation(body: .createClaimableBalance(CreateClaimableBalanceOp(
                    asset: .native, amount: xlm(50), claimants: [Claimant(destination: wallet.publicKey), Claimant(destination: anchor.publicKey, predicate: .not(.beforeRelativeTime(3600)))]
                ))),
            ])
            #expect(create.status == .ok)
            // The creator pays the amount plus a reserve per claimant, held until the balance is claimed.
            #expect(try await session.json("/accounts/\(anchor.accountId)")["num_sponsoring"].int == 2)

            let listed = try await session.json("/claimable_balances?claimant=\(wallet.accountId)").records
            #expect(listed.count == 1)
            let id = try #require(listed.first?["id"].string)
            #expect(id.hasPrefix("00000000") && id.count == 72)
            #expect(listed.first?["amount"].string == "50.0000000")
            #expect(listed.first?["asset"].string == "native")
            #expect(listed.first?["sponsor"].string == anchor.accountId)
            #expect(listed.first?["claimants"][0]["predicate"]["unconditional"].bool == true)
            // Relative predicates are stored as absolute ones.
            #expect(listed.first?["claimants"][1]["predicate"]["not"]["abs_before_epoch"].string == String(clock.now + 3600))

            // The id in the result XDR matches the listed one.
            let resultXDR = try #require(JSON(create.body)["result_xdr"].string)
            let bytes = try #require(Data(base64Encoded: resultXDR))
            #expect(Hex.encode(Array(bytes.suffix(40).prefix(36))) == id)

            let balanceID = try ClaimableBalanceID(hex: id)
            let claim = TransactionOperation(body: .claimClaimableBalance(ClaimClaimableBalanceOp(balanceID: balanceID)))
            #expect(JSON(try await session.submit(stranger, [claim]).body).operationCodes == ["op_cannot_claim"])
            #expect(JSON(try await session.submit(anchor, [claim]).body).operationCodes == ["op_cannot_claim"])
            #expect(try await session.submit(wallet, [claim]).status == .ok)
            #expect(try await session.balance(wallet) == "10049.9999900")
            #expect(try await session.json("/accounts/\(anchor.accountId)")["num_sponsoring"].int == 0)
            #expect(JSON(try await session.submit(wallet, [claim]).body).operationCodes == ["op_does_not_exist"])
            #expect(try await session.json("/claimable_balances?claimant=\(wallet.accountId)").records.isEmpty)
        }
    }

    @Test func predicatesFollowTheCloseTime() async throws {
        let clock = TestClock()
        try await DevnetHarness(clock: clock).run { session in
            let anchor = try await session.funded(), wallet = try await session.funded()
            let issuer = try await session.funded()
            let usd = try credit("USD", issuer)
            let expiring = Claimant(destination: wallet.publicKey, predicate: .beforeAbsoluteTime(Int64(clock.now + 10)))
            let create = try await session.submit(issuer, [
                TransactionOperation(body: .createClaimableBalance(CreateClaimableBalanceOp(asset: usd, amount: xlm(5), claimants: [expiring]))),
            ])
            #expect(create.status == .ok)
            let id = try #require(try await session.json("/claimable_balances?claimant=\(wallet.accountId)").records.first?["id"].string)
            let claim = TransactionOperation(body: .claimClaimableBalance(ClaimClaimableBalanceOp(balanceID: try ClaimableBalanceID(hex: id))))
            // Without a trustline the claim fails, though the predicate holds.
            #expect(JSON(try await session.submit(wallet, [claim]).body).operationCodes == ["op_no_trust"])
            clock.advance(by: 11)
            #expect(try await session.submit(wallet, [.changeTrust(ChangeTrustAsset(usd))]).status == .ok)
            #expect(JSON(try await session.submit(wallet, [claim]).body).operationCodes == ["op_cannot_claim"])
            let malformed = try await session.submit(anchor, [
                TransactionOperation(body: .createClaimableBalance(CreateClaimableBalanceOp(asset: .native, amount: xlm(1), claimants: []))),
            ])
            #expect(JSON(malformed.body).operationCodes == ["op_malformed"])
            let noTrust = try await session.submit(anchor, [
                TransactionOperation(body: .createClaimableBalance(CreateClaimableBalanceOp(asset: usd, amount: xlm(1), claimants: [Claimant(destination: wallet.publicKey)]))),
            ])
            #expect(JSON(noTrust.body).operationCodes == ["op_no_trust"])
        }
    }
}
