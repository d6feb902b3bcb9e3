import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct MultisigTests {
    @Test func thresholdsAfterSetOptionsGovernWhoMaySign() async throws {
        try await DevnetHarness().run { session in
            let vault = try await session.funded(), cosigner = KeyPair.random(), bob = try await session.funded()
            let setup = try await session.submit(vault, [
                TransactionOperation(body: .setOptions(SetOptionsOp(
                    lowThreshold: 1, mediumThreshold: 2, highThreshold: 3, signer: Signer(key: .ed25519(cosigner.publicKey), weight: 1)
                ))),
            ])
            #expect(setup.status == .ok)
            let account = try await session.json("/accounts/\(vault.accountId)")
            #expect(account["thresholds"]["med_threshold"].int == 2)
            #expect(account["subentry_count"].int == 1)
            #expect(account["signers"].array.map { $0["key"].string } == [cosigner.accountId, vault.accountId])

            let pay = TransactionOperation.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(1))
            // The master key alone reaches the low threshold (the transaction) but not the medium one (the payment).
            let alone = try await session.submit(vault, [pay])
            #expect(JSON(alone.body).transactionCode == "tx_failed")
            #expect(JSON(alone.body).operationCodes == ["op_bad_auth"])
            let together = try await session.submit(vault, [pay], signers: [vault, cosigner])
            #expect(together.status == .ok)

            // Changing signers is a high-threshold operation: weight 2 of 3 is not enough.
            let removal = TransactionOperation(body: .setOptions(SetOptionsOp(signer: Signer(key: .ed25519(cosigner.publicKey), weight: 0))))
            let tooWeak = try await session.submit(vault, [removal], signers: [vault, cosigner])
            #expect(JSON(tooWeak.body).operationCodes == ["op_bad_auth"])
            let raise = TransactionOperation(body: .setOptions(SetOptionsOp(masterWeight: 2)))
            #expect(JSON(try await session.submit(vault, [raise], signers: [vault, cosigner]).body).operationCodes == ["op_bad_auth"])
        }
    }

    @Test func masterWeightZeroLeavesOnlyTheOtherSigners() async throws {
        try await DevnetHarness().run { session in
            let account = try await session.funded(), signer = KeyPair.random(), bob = try await session.funded()
            let handOver = try await session.submit(account, [
                TransactionOperation(body: .setOptions(SetOptionsOp(masterWeight: 0, signer: Signer(key: .ed25519(signer.publicKey), weight: 1)))),
            ])
            #expect(handOver.status == .ok)
            let byMaster = try await session.pay(account, to: bob, xlm(1))
            #expect(JSON(byMaster.body).transactionCode == "tx_bad_auth")
            let bySigner = try await session.submit(account, [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(1))], signers: [signer])
            #expect(bySigner.status == .ok)
        }
    }

    @Test func operationSourcesMustSignForThemselves() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let fromBob = TransactionOperation.payment(
                destination: MuxedAccount(ed25519: alice.publicKey), asset: .native, amount: xlm(1), source: MuxedAccount(ed25519: bob.publicKey)
            )
            let unsigned = try await session.submit(alice, [fromBob])
            #expect(JSON(unsigned.body).operationCodes == ["op_bad_auth"])
            let signed = try await session.submit(alice, [fromBob], signers: [alice, bob])
            #expect(signed.status == .ok)
            #expect(try await session.balance(bob) == "9999.0000000")
        }
    }

    @Test func setOptionsRefusesBadValues() async throws {
        try await DevnetHarness().run { session in
            let account = try await session.funded()
            let cases: [(SetOptionsOp, String)] = [
                (SetOptionsOp(setFlags: 0x10), "op_unknown_flag"),
                (SetOptionsOp(clearFlags: 0x1, setFlags: 0x1), "op_bad_flags"),
                (SetOptionsOp(masterWeight: 256), "op_threshold_out_of_range"),
                (SetOptionsOp(signer: Signer(key: .ed25519(account.publicKey), weight: 1)), "op_bad_signer"),
                (SetOptionsOp(setFlags: 0x8), "op_auth_revocable_required"),
            ]
            for (op, code) in cases {
                let response = try await session.submit(account, [TransactionOperation(body: .setOptions(op))])
                #expect(JSON(response.body).operationCodes == [code], "\(code)")
            }
            let homeDomain = try await session.submit(account, [TransactionOperation(body: .setOptions(SetOptionsOp(homeDomain: "anchor.example")))])
            #expect(homeDomain.status == .ok)
            #expect(try await session.json("/accounts/\(account.accountId)")["home_domain"].string == "anchor.example")
        }
    }
}
