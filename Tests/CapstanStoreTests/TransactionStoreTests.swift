import CapstanCore
import Foundation
import Testing
@testable import CapstanStore

@Suite struct TransactionStoreTests {
    static let account = "GCKFBEIYV2U22IO2BJ4KVJOIP7XPWQGQFKKWXR6DOSJBV7STMAQSMTGG"
    static let start = Date(timeIntervalSince1970: 1_700_000_000.123)

    /// Every field set, none to its default, so a column that is not written or not read shows up.
    static func everything(id: String = "5a4b3c2d-0000-4000-8000-000000000001") -> Transaction {
        Transaction(
            id: id, kind: .withdrawalExchange, protocol: .sep6, sub: "\(account):42", assetCode: "USDC",
            status: .pendingUserTransferStart, startedAt: start, updatedAt: start.addingTimeInterval(1.5), version: 7,
            statusEta: 3600, statusMessage: "waiting", kycVerified: true, moreInfoURL: "https://anchor.example/tx/1",
            message: "send funds", amountIn: Amount("100.0000001"), amountInAsset: "stellar:USDC:\(account)",
            amountOut: Amount("98.5"), amountOutAsset: "iso4217:BRL", amountFee: Amount("1.5000001"),
            amountFeeAsset: "stellar:USDC:\(account)", amountExpected: Amount("922337203685.4775807"),
            feeDetails: .init(total: Amount("1.5000001")!, asset: "stellar:USDC:\(account)", details: [
                .init(name: "service", description: "Service fee", amount: Amount("1")!),
                .init(name: "network", amount: Amount("0.5000001")!),
            ]),
            quoteID: "quote-1", completedAt: start.addingTimeInterval(86_400.25), userActionRequiredBy: start.addingTimeInterval(900),
            stellarTransactionID: String(repeating: "ab", count: 32), externalTransactionID: "bank-ref-9", refunded: true,
            refunds: .init(amountRefunded: Amount("10")!, amountFee: Amount("0.1")!, payments: [
                .init(id: String(repeating: "cd", count: 32), idType: .stellar, amount: Amount("5")!, fee: Amount("0.05")!),
                .init(id: "wire-1", idType: .external, amount: Amount("5")!, fee: Amount("0.05")!),
            ]),
            from: account, to: "BR-12345", externalExtra: "routing-1", externalExtraText: "Banco Exemplo",
            depositMemo: "deposit-memo", depositMemoType: .text, withdrawAnchorAccount: account, withdrawMemo: "123456",
            withdrawMemoType: .id, claimableBalanceID: "00000000" + String(repeating: "ef", count: 32),
            claimableBalanceSupported: true, refundMemo: "refund", refundMemoType: .hash,
            senderID: "sender-1", receiverID: "receiver-1", stellarAccountID: account, stellarMemo: "stellar-memo",
            stellarMemoType: .text, requiredInfoMessage: "need dest",
            requiredInfoUpdates: ["dest": .init(description: "bank account", choices: ["a", "b"], optional: false)],
            instructions: ["organization.bank_number": .init(value: "121122676", description: "routing number")],
            fundingMethod: "SWIFT", type: "bank_account", customerID: "customer-1",
            onChangeCallback: "https://wallet.example/cb", callback: "postMessage", lang: "pt-BR",
            clientDomain: "wallet.example", accountMemo: "42"
        )
    }

    static func minimal(id: String, sub: String, startedAt: Date) -> Transaction {
        Transaction(id: id, kind: .deposit, protocol: .sep24, sub: sub, assetCode: "USDC", status: .incomplete, startedAt: startedAt)
    }

    @Test func roundTripsEveryField() async throws {
        try await TemporaryStore.with { store, _ in
            let tx = Self.everything()
            try await store.transactions.insert(tx)
            #expect(try await store.transactions.transaction(id: tx.id) == tx)
        }
    }

    @Test func roundTripsAnEmptyTransaction() async throws {
        try await TemporaryStore.with { store, _ in
            let tx = Self.minimal(id: "t-empty", sub: Self.account, startedAt: Self.start)
            try await store.transactions.insert(tx)
            #expect(try await store.transactions.transaction(id: "t-empty") == tx)
            #expect(try await store.transactions.transaction(id: "t-missing") == nil)
        }
    }

    @Test func aTakenIDIsADuplicate() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.everything(id: "t1"))
            await #expect(throws: StoreError.duplicate("transaction t1")) {
                try await store.transactions.insert(Self.minimal(id: "t1", sub: Self.account, startedAt: Self.start))
            }
        }
    }

    @Test func aWithdrawMemoIsNeverHandedOutTwiceForOneAccount() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.everything(id: "t1"))
            await #expect(throws: StoreError.duplicate("withdraw memo 123456 for account \(Self.account)")) {
                try await store.transactions.insert(Self.everything(id: "t2"))
            }
            var otherAccount = Self.everything(id: "t3")
            otherAccount.withdrawAnchorAccount = "GOTHER" + String(repeating: "A", count: 50)
            try await store.transactions.insert(otherAccount)
            for id in ["t4", "t5"] {                              // no memo yet: any number may wait
                var pending = Self.everything(id: id)
                pending.withdrawMemo = nil
                try await store.transactions.insert(pending)
            }
        }
    }

    @Test func listsOnlyTheExactSubjectNewestFirst() async throws {
        try await TemporaryStore.with { store, _ in
            let subjects = [Self.account, "\(Self.account):1", "\(Self.account):2", "MAAAAAAAAAAAAAB7BQ2L7E5NBWMXDUCMZSIPOBKRDSBYVLMXGSSKF6YNPIB7Y77ITLVL6"]
            for (index, sub) in subjects.enumerated() {
                for step in 0..<3 {
                    let start = Self.start.addingTimeInterval(Double(step * 10 + index))
                    try await store.transactions.insert(Self.minimal(id: "\(index)-\(step)", sub: sub, startedAt: start))
                }
            }
            let memo1 = try await store.transactions.transactions(owner: "\(Self.account):1", limit: 10)
            #expect(memo1.map(\.id) == ["1-2", "1-1", "1-0"])
            #expect(try await store.transactions.transactions(owner: Self.account, limit: 2).map(\.id) == ["0-2", "0-1"])
            #expect(try await store.transactions.transactions(owner: subjects[3], limit: 10).count == 3)
            #expect(try await store.transactions.transactions(owner: "\(Self.account):3", limit: 10) == [])
            #expect(try await store.transactions.transactions(owner: Self.account, limit: 0) == [])
        }
    }

    @Test func amountsAndDatesAreStoredExactly() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.everything())
            for column in ["amount_in", "amount_out", "amount_fee", "amount_expected"] {
                #expect(try await store.rawText("SELECT typeof(\(unsafeRaw: column)) AS t FROM transactions", column: "t") == "text")
            }
            #expect(try await store.rawText("SELECT amount_in AS v FROM transactions", column: "v") == "100.0000001")
            #expect(try await store.rawText("SELECT amount_expected AS v FROM transactions", column: "v") == "922337203685.4775807")
            #expect(try await store.rawText("SELECT typeof(started_at) AS t FROM transactions", column: "t") == "integer")
            #expect(try await store.rawText("SELECT started_at AS v FROM transactions", column: "v") == "1700000000123")
            let feeDetails = try await store.rawText("SELECT fee_details AS v FROM transactions", column: "v")
            #expect(feeDetails?.contains(#""total":"1.5000001""#) == true)
        }
    }
}
