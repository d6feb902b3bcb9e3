import HummingbirdTesting
import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct PaymentTests {
    @Test func paymentMovesLumensAndChargesTheFee() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let response = try await session.pay(alice, to: bob, xlm(25))
            #expect(response.status == .ok)
            let transaction = JSON(response.body)
            #expect(transaction["successful"].bool == true)
            #expect(transaction["fee_charged"].string == "100")
            #expect(transaction["envelope_xdr"].string?.isEmpty == false)
            #expect(transaction["result_xdr"].string?.isEmpty == false)
            #expect(try await session.balance(alice) == "9974.9999900")
            #expect(try await session.balance(bob) == "10025.0000000")
        }
    }

    @Test func failedOperationsStillConsumeTheFeeAndSequence() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let sequence = await session.sequence(of: alice)
            let response = try await session.pay(alice, to: bob, xlm(9_999))
            #expect(response.status == .badRequest)
            let problem = JSON(response.body)
            #expect(problem["type"].string == "https://stellar.org/horizon-errors/transaction_failed")
            #expect(problem["title"].string == "Transaction Failed")
            #expect(problem.transactionCode == "tx_failed")
            #expect(problem.operationCodes == ["op_underfunded"])
            #expect(problem["extras"]["result_xdr"].string?.isEmpty == false)
            #expect(problem["extras"]["envelope_xdr"].string?.isEmpty == false)
            #expect(await session.sequence(of: alice) == sequence + 1)
            #expect(try await session.balance(alice) == "9999.9999900")

            // The failed transaction is in history, marked unsuccessful.
            let hash = try #require(await session.ledger.transactions(account: alice.accountId, .init(cursor: nil, order: .descending, limit: 1), includeFailed: true).first?.hash)
            let stored = try await session.json("/transactions/\(hash)")
            #expect(stored["successful"].bool == false)
        }
    }

    @Test func operationsApplyAllOrNothing() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let response = try await session.submit(alice, [
                .payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(10)),
                .payment(destination: MuxedAccount(ed25519: KeyPair.random().publicKey), asset: .native, amount: xlm(10)),
            ])
            #expect(JSON(response.body).operationCodes == ["op_success", "op_no_destination"])
            #expect(try await session.balance(bob) == "10000.0000000")
            #expect(try await session.balance(alice) == "9999.9999800")
        }
    }

    @Test func lumenPaymentRespectsTheReserve() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            // 10,000 XLM less the 1 XLM minimum balance and the fee is all that can move.
            let tooMuch = try await session.pay(alice, to: bob, xlm(9_999))
            #expect(JSON(tooMuch.body).operationCodes == ["op_underfunded"])
            let allowed = try await session.pay(alice, to: bob, xlm(9_999) - 200)
            #expect(allowed.status == .ok)
            #expect(try await session.balance(alice) == "1.0000000")
        }
    }

    @Test(arguments: [
        "op_no_trust", "op_src_no_trust", "op_line_full", "op_no_issuer", "op_not_authorized", "op_src_not_authorized",
    ])
    func creditPaymentFailureCodes(_ code: String) async throws {
        try await DevnetHarness().run { session in
            let issuer = try await session.funded(), alice = try await session.funded(), bob = try await session.funded()
            let usd = try credit("USD", issuer)
            let response: TestResponseBody
            switch code {
            case "op_no_trust":
                response = .init(try await session.pay(issuer, to: bob, xlm(1), asset: usd))
            case "op_src_no_trust":
                _ = try await session.submit(bob, [.changeTrust(ChangeTrustAsset(usd))])
                response = .init(try await session.pay(alice, to: bob, xlm(1), asset: usd))
            case "op_line_full":
                _ = try await session.submit(bob, [.changeTrust(ChangeTrustAsset(usd), limit: xlm(5))])
                response = .init(try await session.pay(issuer, to: bob, xlm(6), asset: usd))
            case "op_no_issuer":
                let ghost = try credit("EUR", KeyPair.random())
                response = .init(try await session.pay(alice, to: bob, xlm(1), asset: ghost))
            case "op_not_authorized":
                _ = try await session.submit(issuer, [TransactionOperation(body: .setOptions(SetOptionsOp(setFlags: 0x3)))])
                _ = try await session.submit(bob, [.changeTrust(ChangeTrustAsset(usd))])
                response = .init(try await session.pay(issuer, to: bob, xlm(1), asset: usd))
            default:
                _ = try await session.submit(issuer, [TransactionOperation(body: .setOptions(SetOptionsOp(setFlags: 0x3)))])
                _ = try await session.submit(alice, [.changeTrust(ChangeTrustAsset(usd))])
                response = .init(try await session.pay(alice, to: issuer, xlm(1), asset: usd))
            }
            #expect(response.json.transactionCode == "tx_failed")
            #expect(response.json.operationCodes == [code])
        }
    }

    @Test func malformedAmountIsRefusedAtSubmissionWithoutCharge() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let sequence = await session.sequence(of: alice)
            let response = try await session.pay(alice, to: bob, 0)
            #expect(JSON(response.body).operationCodes == ["op_malformed"])
            #expect(await session.sequence(of: alice) == sequence)
            #expect(try await session.balance(alice) == "10000.0000000")
        }
    }

    @Test func createAccountCodes() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let fresh = KeyPair.random()
            let lowReserve = try await session.submit(alice, [.createAccount(destination: fresh.publicKey, startingBalance: xlm(1) - 1)])
            #expect(JSON(lowReserve.body).operationCodes == ["op_low_reserve"])
            let exists = try await session.submit(alice, [.createAccount(destination: bob.publicKey, startingBalance: xlm(2))])
            #expect(JSON(exists.body).operationCodes == ["op_already_exists"])
            let underfunded = try await session.submit(alice, [.createAccount(destination: fresh.publicKey, startingBalance: xlm(20_000))])
            #expect(JSON(underfunded.body).operationCodes == ["op_underfunded"])
            let created = try await session.submit(alice, [.createAccount(destination: fresh.publicKey, startingBalance: xlm(2))])
            #expect(created.status == .ok)
            #expect(try await session.balance(fresh) == "2.0000000")
        }
    }

    @Test func muxedSourceAndDestinationResolveToTheirAccounts() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let muxedBob = MuxedAccount(ed25519: bob.publicKey, id: 42)
            let response = try await session.submit(
                alice, [.payment(destination: muxedBob, asset: .native, amount: xlm(3))],
                sourceAccount: MuxedAccount(ed25519: alice.publicKey, id: 7)
            )
            #expect(response.status == .ok)
            #expect(JSON(response.body)["account_muxed_id"].string == "7")
            #expect(try await session.balance(bob) == "10003.0000000")
            let payment = try await session.json("/accounts/\(bob.accountId)/payments?order=desc&limit=1").records[0]
            #expect(payment["to"].string == bob.accountId)
            #expect(payment["to_muxed"].string == muxedBob.strKey)
            #expect(payment["to_muxed_id"].string == "42")
            #expect(payment["from"].string == alice.accountId)
            #expect(payment["from_muxed_id"].string == "7")
        }
    }
}

/// A response body parsed once, for tests that pick the response in a switch.
struct TestResponseBody {
    let json: JSON

    init(_ response: TestResponse) {
        self.json = JSON(response.body)
    }
}
