import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct MergeAndPathPaymentTests {
    @Test func accountMergeMovesEverythingAndDeletesTheSource() async throws {
        try await DevnetHarness().run { session in
            let leaving = try await session.funded(), staying = try await session.funded()
            let merge = try await session.submit(leaving, [.accountMerge(destination: MuxedAccount(ed25519: staying.publicKey))])
            #expect(merge.status == .ok)
            #expect(try await session.get("/accounts/\(leaving.accountId)").status == .notFound)
            #expect(try await session.balance(staying) == "19999.9999900")
            let record = try await session.json("/accounts/\(staying.accountId)/payments?order=desc&limit=1").records[0]
            #expect(record["type"].string == "account_merge")
            #expect(record["account"].string == leaving.accountId)
            #expect(record["into"].string == staying.accountId)
        }
    }

    @Test func accountMergeRefusals() async throws {
        try await DevnetHarness().run { session in
            let issuer = try await session.funded(), holder = try await session.funded(), other = try await session.funded()
            #expect(try await session.submit(holder, [.changeTrust(ChangeTrustAsset(try credit("USD", issuer)))]).status == .ok)
            let withLine = try await session.submit(holder, [.accountMerge(destination: MuxedAccount(ed25519: other.publicKey))])
            #expect(JSON(withLine.body).operationCodes == ["op_has_sub_entries"])
            let nowhere = try await session.submit(other, [.accountMerge(destination: MuxedAccount(ed25519: KeyPair.random().publicKey))])
            #expect(JSON(nowhere.body).operationCodes == ["op_no_account"])
            let itself = try await session.submit(other, [.accountMerge(destination: MuxedAccount(ed25519: other.publicKey))])
            #expect(JSON(itself.body).operationCodes == ["op_malformed"])
            // An account's sequence number from this very ledger would repeat if it were re-created: refused.
            let fresh = KeyPair.random()
            let recreate = try await session.submit(other, [
                .createAccount(destination: fresh.publicKey, startingBalance: xlm(5)),
                .accountMerge(destination: MuxedAccount(ed25519: other.publicKey), source: MuxedAccount(ed25519: fresh.publicKey)),
            ], signers: [other, fresh])
            #expect(JSON(recreate.body).operationCodes == ["op_success", "op_seq_num_too_far"])
        }
    }

    @Test func pathPaymentsConvertAtTheConfiguredRate() async throws {
        let issuer = KeyPair.random()
        var parameters = DevnetParameters()
        let usd = try credit("USD", issuer)
        // 1 XLM buys 0.5 USD.
        parameters.conversions.set(.init(numerator: 1, denominator: 2), from: .native, to: usd)
        try await DevnetHarness(parameters: parameters).run { session in
            try await session.funded(issuer)
            let sender = try await session.funded(), receiver = try await session.funded()
            #expect(try await session.submit(receiver, [.changeTrust(ChangeTrustAsset(usd))]).status == .ok)

            let strictSend = TransactionOperation(body: .pathPaymentStrictSend(PathPaymentStrictSendOp(
                sendAsset: .native, sendAmount: xlm(10), destination: MuxedAccount(ed25519: receiver.publicKey), destAsset: usd, destMin: xlm(5)
            )))
            #expect(try await session.submit(sender, [strictSend]).status == .ok)
            #expect(try await session.balance(receiver, "USD") == "5.0000000")
            #expect(try await session.balance(sender) == "9989.9999900")
            let sent = try await session.json("/accounts/\(receiver.accountId)/payments?order=desc&limit=1").records[0]
            #expect(sent["type"].string == "path_payment_strict_send")
            #expect(sent["amount"].string == "5.0000000")
            #expect(sent["source_amount"].string == "10.0000000")
            #expect(sent["destination_min"].string == "5.0000000")
            #expect(sent["source_asset_type"].string == "native")

            let strictReceive = TransactionOperation(body: .pathPaymentStrictReceive(PathPaymentStrictReceiveOp(
                sendAsset: .native, sendMax: xlm(4), destination: MuxedAccount(ed25519: receiver.publicKey), destAsset: usd, destAmount: xlm(2)
            )))
            #expect(try await session.submit(sender, [strictReceive]).status == .ok)
            #expect(try await session.balance(receiver, "USD") == "7.0000000")
            let received = try await session.json("/accounts/\(receiver.accountId)/payments?order=desc&limit=1").records[0]
            #expect(received["type"].string == "path_payment_strict_receive")
            #expect(received["source_amount"].string == "4.0000000")
            #expect(received["source_max"].string == "4.0000000")

            let overMax = TransactionOperation(body: .pathPaymentStrictReceive(PathPaymentStrictReceiveOp(
                sendAsset: .native, sendMax: xlm(3), destination: MuxedAccount(ed25519: receiver.publicKey), destAsset: usd, destAmount: xlm(2)
            )))
            #expect(JSON(try await session.submit(sender, [overMax]).body).operationCodes == ["op_over_source_max"])
            let underMin = TransactionOperation(body: .pathPaymentStrictSend(PathPaymentStrictSendOp(
                sendAsset: .native, sendAmount: xlm(2), destination: MuxedAccount(ed25519: receiver.publicKey), destAsset: usd, destMin: xlm(2)
            )))
            #expect(JSON(try await session.submit(sender, [underMin]).body).operationCodes == ["op_under_dest_min"])
        }
    }
}
