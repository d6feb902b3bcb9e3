import Foundation
import Testing
@testable import StellarHorizon

@Suite struct DecodingTests {
    @Test func accountWithTrustlinesPoolSharesSignersAndFlags() throws {
        let account = try JSONDecoder().decode(HorizonAccount.self, from: try Fixture.data("account"))
        #expect(account.id == "GAIH3ULLFQ4DGSECF2AR555KZ4KNDGEKN4AFI4SU2M7B43MGK3QJZNSR")
        #expect(account.sequence == 24_739_097_524_846_594)
        #expect(account.thresholds == LedgerAccount.Thresholds(low: 1, medium: 2, high: 3))
        #expect(account.flags == HorizonAccount.Flags(authRequired: true, authRevocable: true))
        #expect(account.homeDomain == "anchor.example.com")
        #expect(account.subentryCount == 3)
        #expect(account.numSponsored == 1)
        #expect(account.data == ["config.memo_required": "MQ=="])
        #expect(account.signers.map(\.weight) == [1, 2])
        #expect(account.signers.allSatisfy { $0.type == .ed25519PublicKey })

        let usdc = try #require(account.balance(of: .credit(code: "USDC", issuer: "GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5")))
        #expect(usdc.balance.stroops == 15_002_500_000)
        #expect(usdc.balance.description == "1500.2500000")
        #expect(usdc.limit?.stroops == Int64.max)
        #expect(usdc.isAuthorized == true && usdc.isAuthorizedToMaintainLiabilities == true && usdc.canReceive)

        let euro = try #require(account.balance(of: .credit(code: "EUROCOIN", issuer: "GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5")))
        #expect(euro.asset.type == "credit_alphanum12")
        #expect(euro.isAuthorized == false && euro.isAuthorizedToMaintainLiabilities == true && !euro.canReceive)
        #expect(euro.isClawbackEnabled == true)
        #expect(euro.sponsor == "GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5")

        let pool = try #require(account.balances.first { $0.asset.type == "liquidity_pool_shares" })
        #expect(pool.liquidityPoolID == "dd7b1ab831c273310ddbec6f97870aa83c2fbd78ce22aded37ecbf4f3380fac7")

        let native = try #require(account.balance(of: .native))
        #expect(native.balance.description == "9999.9999900")
        #expect(native.sellingLiabilities?.stroops == 15_000_000)
        #expect(native.isAuthorized == nil && native.limit == nil && native.canReceive)

        // The SEP-10 view keeps what the old reader read.
        let ledger = account.ledgerAccount
        #expect(ledger.sequence == account.sequence && ledger.signers == account.signers && ledger.balances.count == 4)
        #expect(try JSONDecoder().decode(LedgerAccount.self, from: try Fixture.data("account")) == ledger)
    }

    @Test func transactionWithIDMemo() throws {
        let transaction = try JSONDecoder().decode(HorizonTransaction.self, from: try Fixture.data("transaction"))
        #expect(transaction.hash == "5ebd5c0af4385500b53dd63b0ef5f6e8feef1a7e1c86989be3cdcce825f3c0cc")
        #expect(transaction.successful && transaction.ledger == 2133)
        #expect(transaction.memo == .id(12345) && transaction.memo.value == "12345" && transaction.memo.type == "id")
        #expect(transaction.sourceAccountSequence == 24_739_097_524_846_594)
        #expect(transaction.feeCharged == 100 && transaction.maxFee == 100 && transaction.operationCount == 1)
        #expect(transaction.resultXDR == "AAAAAAAAAGQAAAAAAAAAAQAAAAAAAAABAAAAAAAAAAA=")
        #expect(transaction.resultMetaXDR != nil && transaction.signatures.count == 1)
        #expect(transaction.pagingToken == "9161354402373632")
    }

    @Test func memoKinds() throws {
        func memo(_ fields: String) throws -> HorizonMemo {
            var json = try JSONSerialization.jsonObject(with: try Fixture.data("transaction")) as? [String: Any] ?? [:]
            json["memo"] = nil
            json["memo_type"] = nil
            let extra = try JSONSerialization.jsonObject(with: Data(fields.utf8)) as? [String: Any] ?? [:]
            json.merge(extra) { $1 }
            return try JSONDecoder().decode(HorizonTransaction.self, from: JSONSerialization.data(withJSONObject: json)).memo
        }
        let hash = Data(repeating: 7, count: 32).base64EncodedString()
        #expect(try memo(#"{"memo_type": "none"}"#) == HorizonMemo.none)
        #expect(try memo(#"{"memo_type": "text", "memo": "pay 1", "memo_bytes": "cGF5IDE="}"#) == .text("pay 1"))
        #expect(try memo(#"{"memo_type": "hash", "memo": "\#(hash)"}"#) == .hash([UInt8](repeating: 7, count: 32)))
        #expect(try memo(#"{"memo_type": "return", "memo": "\#(hash)"}"#).value == hash)
        #expect(throws: DecodingError.self) { try memo(#"{"memo_type": "id", "memo": "-1"}"#) }
        #expect(throws: DecodingError.self) { try memo(#"{"memo_type": "hash", "memo": "AAAA"}"#) }
    }

    @Test func paymentsPageKeepsOddRecordsApart() throws {
        let lossy = try JSONDecoder().decode(LossyPage<HorizonPayment>.self, from: try Fixture.data("payments_page"))
        let page = lossy.page(requestCursor: nil, token: \.pagingToken)
        #expect(page.records.map(\.kind) == [.createAccount, .payment, .pathPaymentStrictSend])
        #expect(page.undecodable.map(\.pagingToken) == ["9161354402381825"])
        #expect(page.undecodable.first?.reason.contains("amount") == true)
        #expect(page.nextCursor == "9161354402385921")

        let created = page.records[0]
        #expect(created.recipient == "GAIH3ULLFQ4DGSECF2AR555KZ4KNDGEKN4AFI4SU2M7B43MGK3QJZNSR")
        #expect(created.receivedAmount?.description == "10000.0000000" && created.receivedAsset == .native)
        #expect(created.funder == "GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5" && created.memo == nil)

        let payment = page.records[1]
        #expect(payment.asset == .credit(code: "USDC", issuer: "GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5"))
        #expect(payment.amount == HorizonAmount("25.5"))
        #expect(payment.from == "GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5")
        #expect(payment.transactionSuccessful && payment.transactionHash == payment.transaction?.hash)
        #expect(payment.memo == .text("deposit-42"))

        let path = page.records[2]
        #expect(path.sourceAsset == .native && path.sourceAmount?.description == "10.0000000")
        #expect(path.destinationMin?.description == "9.5000000" && path.toMuxedID == "12")
        #expect(path.receivedAmount?.description == "9.9000000")
    }

    @Test func submitProblemsMapToTypedErrors() throws {
        let failed = try JSONDecoder().decode(HorizonProblem.self, from: try Fixture.data("submit_failed"))
        #expect(failed.type == "transaction_failed" && failed.status == 400)
        let codes = try #require(failed.resultCodes)
        #expect(codes.failedOperation?.index == 1 && codes.failedOperation?.code == "op_underfunded")
        let error = HorizonSubmitError.from(HorizonSubmitFailure(resultCodes: codes, resultXDR: failed.resultXDR))
        #expect(error == .underfunded(HorizonSubmitFailure(resultCodes: codes, resultXDR: failed.resultXDR)))
        #expect(!error.isOutcomeUnknown && error.failure?.resultXDR == failed.resultXDR)

        let badSeq = try JSONDecoder().decode(HorizonProblem.self, from: try Fixture.data("submit_bad_seq"))
        guard case .badSequence(let failure) = HorizonSubmitError.from(HorizonSubmitFailure(resultCodes: try #require(badSeq.resultCodes))) else {
            Issue.record("tx_bad_seq is not .badSequence")
            return
        }
        #expect(failure.resultCodes.operations.isEmpty)

        let bump = try JSONDecoder().decode(HorizonProblem.self, from: try Fixture.data("submit_fee_bump_inner_failed"))
        let bumpError = HorizonSubmitError.from(HorizonSubmitFailure(resultCodes: try #require(bump.resultCodes)))
        #expect(bumpError == .noTrust(HorizonSubmitFailure(resultCodes: try #require(bump.resultCodes))))

        let timeout = try JSONDecoder().decode(HorizonProblem.self, from: try Fixture.data("timeout"))
        #expect(timeout.type == "timeout" && timeout.status == 504 && timeout.resultCodes == nil)
    }

    @Test func everyNamedCodeHasItsCase() {
        func error(_ transaction: String, _ operations: [String] = []) -> HorizonSubmitError {
            .from(HorizonSubmitFailure(resultCodes: HorizonResultCodes(transaction: transaction, operations: operations)))
        }
        let cases: [(HorizonSubmitError, String)] = [
            (error("tx_insufficient_fee"), "insufficientFee"), (error("tx_bad_auth"), "badAuth"), (error("tx_bad_auth_extra"), "badAuth"),
            (error("tx_too_late"), "tooLate"), (error("tx_too_early"), "tooEarly"), (error("tx_insufficient_balance"), "insufficientBalance"),
            (error("tx_no_source_account"), "noSourceAccount"), (error("tx_internal_error"), "transactionFailed"),
            (error("tx_failed", ["op_no_destination"]), "noDestination"), (error("tx_failed", ["op_success", "op_not_authorized"]), "notAuthorized"),
            (error("tx_failed", ["op_low_reserve"]), "lowReserve"), (error("tx_failed", ["op_line_full"]), "lineFull"),
            (error("tx_failed", ["op_too_few_offers"]), "operationFailed"),
        ]
        for (error, name) in cases {
            #expect(Mirror(reflecting: error).children.first?.label == name, "\(error)")
        }
    }

    @Test func resultXDRGivesTheResultCodes() throws {
        let transaction = try JSONDecoder().decode(HorizonTransaction.self, from: try Fixture.data("transaction"))
        #expect(transaction.resultCodes == HorizonResultCodes(transaction: "tx_success", operations: ["op_success"]))
        #expect(transaction.failure == nil)
        for (name, codes) in [
            ("submit_failed", HorizonResultCodes(transaction: "tx_failed", operations: ["op_success", "op_underfunded"])),
            ("submit_bad_seq", HorizonResultCodes(transaction: "tx_bad_seq")),
        ] {
            let problem = try JSONDecoder().decode(HorizonProblem.self, from: try Fixture.data(name))
            #expect(HorizonResultCodes(resultXDR: try #require(problem.resultXDR)) == codes, "\(name)")
            #expect(problem.resultCodes == codes, "\(name)")
        }
        #expect(HorizonResultCodes(resultXDR: "not base64!") == nil)
        #expect(HorizonResultCodes(resultXDR: "AAAA") == nil)
    }

    @Test func amountsAreValidatedFixedPoint() {
        #expect(HorizonAmount("922337203685.4775807")?.stroops == .max)
        #expect(HorizonAmount("922337203685.4775808") == nil)
        #expect(HorizonAmount("0.0000001")?.stroops == 1)
        #expect(HorizonAmount("12")?.description == "12.0000000")
        for bad in ["", "-1", "+1", "1.", ".5", "1.00000001", "1e5", "0x10", " 1", "1,5", "NaN"] {
            #expect(HorizonAmount(bad) == nil, "\(bad)")
        }
        #expect(HorizonAmount("3.5")! < HorizonAmount("10")!)
    }
}
