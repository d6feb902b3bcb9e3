import Foundation
import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct ValidationTests {
    @Test func wrongSequenceNumberIsTxBadSeq() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let current = await session.sequence(of: alice)
            for sequence in [current, current + 2] {
                let response = try await session.submit(alice, [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: 1)], sequence: sequence)
                #expect(response.status == .badRequest)
                #expect(JSON(response.body).transactionCode == "tx_bad_seq")
                #expect(JSON(response.body)["extras"]["result_codes"]["operations"].exists == false)
            }
            // Refused transactions cost nothing.
            #expect(try await session.balance(alice) == "10000.0000000")
        }
    }

    @Test func signaturesMustBeOverTheStandaloneNetwork() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let response = try await session.submit(
                alice, [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: 1)], network: .testnet
            )
            #expect(JSON(response.body).transactionCode == "tx_bad_auth")
            let unsigned = try await session.submit(alice, [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: 1)], signers: [])
            #expect(JSON(unsigned.body).transactionCode == "tx_bad_auth")
            let stranger = try await session.submit(alice, [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: 1)], signers: [bob])
            #expect(JSON(stranger.body).transactionCode == "tx_bad_auth")
        }
    }

    @Test func unusedSignaturesAreTxBadAuthExtra() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let response = try await session.submit(
                alice, [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: 1)], signers: [alice, bob]
            )
            #expect(JSON(response.body).transactionCode == "tx_bad_auth_extra")
        }
    }

    @Test func feeAndSourceChecks() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let pay = TransactionOperation.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: 1)
            let cheap = try await session.submit(alice, [pay, pay], fee: 199)
            #expect(JSON(cheap.body).transactionCode == "tx_insufficient_fee")
            let ghost = KeyPair.random()
            let noSource = try await session.submit(ghost, [pay], sequence: 1)
            #expect(JSON(noSource.body).transactionCode == "tx_no_source_account")
            let empty = try await session.submit(alice, [])
            #expect(JSON(empty.body).transactionCode == "tx_missing_operation")
            // A higher fee bid is accepted and only the minimum is charged.
            let generous = try await session.submit(alice, [pay], fee: 10_000)
            #expect(JSON(generous.body)["fee_charged"].string == "100")
            #expect(JSON(generous.body)["max_fee"].string == "10000")
        }
    }

    @Test func timeBoundsAreCheckedAgainstTheCloseTime() async throws {
        let clock = TestClock()
        try await DevnetHarness(clock: clock).run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let pay = TransactionOperation.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: 1)
            let late = try await session.submit(alice, [pay], preconditions: .time(TimeBounds(minTime: 0, maxTime: clock.now - 1)))
            #expect(JSON(late.body).transactionCode == "tx_too_late")
            let early = try await session.submit(alice, [pay], preconditions: .time(TimeBounds(minTime: clock.now + 60, maxTime: 0)))
            #expect(JSON(early.body).transactionCode == "tx_too_early")
            let inside = try await session.submit(alice, [pay], preconditions: .time(TimeBounds(minTime: clock.now - 1, maxTime: clock.now + 30)))
            #expect(inside.status == .ok)
            #expect(JSON(inside.body)["valid_before"].string == HorizonTime.format(clock.now + 30))
        }
    }

    @Test func undecodableEnvelopesAndMissingFieldsAreBadRequests() async throws {
        try await DevnetHarness().run { session in
            let garbage = try await session.post(envelope: "AAAA")
            #expect(garbage.status == .badRequest)
            #expect(JSON(garbage.body)["type"].string == "https://stellar.org/horizon-errors/transaction_malformed")
            #expect(JSON(garbage.body)["extras"]["envelope_xdr"].string == "AAAA")
            let missing = try await session.client.execute(uri: "/transactions", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(missing.status == .badRequest)
            #expect(JSON(missing.body)["extras"]["invalid_field"].string == "tx")
            #expect(try await session.get("/transactions/\(String(repeating: "ab", count: 32))").status == .notFound)
            #expect(try await session.get("/transactions/xyz").status == .badRequest)
        }
    }

    @Test func resubmittingAnAppliedTransactionReturnsItsRecord() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let transaction = Transaction(
                sourceAccount: MuxedAccount(ed25519: alice.publicKey), fee: 100, sequenceNumber: await session.sequence(of: alice) + 1,
                memo: .text("order 1"), operations: [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(1))]
            )
            let envelope = try TransactionEnvelope(transaction).signed(with: alice, network: .standalone).xdrBase64
            let first = JSON(try await session.post(envelope: envelope).body)
            let second = JSON(try await session.post(envelope: envelope).body)
            #expect(first["hash"].string == second["hash"].string)
            #expect(second["successful"].bool == true)
            #expect(try await session.balance(bob) == "10001.0000000")

            let stored = try await session.json("/transactions/\(try #require(first["hash"].string))")
            #expect(stored["memo_type"].string == "text")
            #expect(stored["memo"].string == "order 1")
            #expect(stored["source_account"].string == alice.accountId)
            #expect(stored["ledger"].int == first["ledger"].int)
            #expect(stored["created_at"].string?.hasSuffix("Z") == true)
        }
    }

    @Test func feeBumpIsPaidByItsFeeSource() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded(), sponsor = try await session.funded()
            let inner = Transaction(
                sourceAccount: MuxedAccount(ed25519: alice.publicKey), fee: 100, sequenceNumber: await session.sequence(of: alice) + 1,
                operations: [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(1))]
            )
            let innerEnvelope = TransactionV1Envelope(tx: inner, signatures: [alice.signDecorated(try inner.hash(network: .standalone))])
            let bump = FeeBumpTransaction(feeSource: MuxedAccount(ed25519: sponsor.publicKey), fee: 200, innerTransaction: innerEnvelope)
            let envelope = TransactionEnvelope.feeBump(FeeBumpTransactionEnvelope(tx: bump, signatures: [sponsor.signDecorated(try bump.hash(network: .standalone))]))
            let response = try await session.post(envelope: try envelope.xdrBase64)
            #expect(response.status == .ok)
            let json = JSON(response.body)
            #expect(json["fee_account"].string == sponsor.accountId)
            #expect(json["inner_transaction"]["hash"].string == Hex.encode(try inner.hash(network: .standalone)))
            #expect(try await session.balance(sponsor) == "9999.9999800")
            #expect(try await session.balance(alice) == "9999.0000000")

            // An inner failure is reported inside the fee bump's result codes.
            let badInner = TransactionV1Envelope(tx: inner, signatures: [alice.signDecorated(try inner.hash(network: .standalone))])
            let again = FeeBumpTransaction(feeSource: MuxedAccount(ed25519: sponsor.publicKey), fee: 300, innerTransaction: badInner)
            let replay = TransactionEnvelope.feeBump(FeeBumpTransactionEnvelope(tx: again, signatures: [sponsor.signDecorated(try again.hash(network: .standalone))]))
            let refused = JSON(try await session.post(envelope: try replay.xdrBase64).body)
            #expect(refused.transactionCode == "tx_fee_bump_inner_failed")
            #expect(refused["extras"]["result_codes"]["inner_transaction"].string == "tx_bad_seq")
        }
    }
}
