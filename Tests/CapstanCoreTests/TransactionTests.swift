import CapstanCore
import Foundation
import Testing

@Suite struct TransactionTests {
    @Test func newTransactionsStartEmptyAtVersionOne() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let tx = Transaction(kind: .deposit, protocol: .sep24, sub: "GABC:42", assetCode: "USDC", status: .incomplete, startedAt: start)
        #expect(tx.version == 1)
        #expect(tx.updatedAt == start)
        #expect(tx.amountIn == nil)
        #expect(tx.refunded == false)
        #expect(tx.id.count == 36 && tx.id == tx.id.lowercased())
    }

    @Test func statusesAreSpelledAsInTheSEPs() {
        let spelled = Set(TransactionStatus.allCases.map(\.rawValue))
        #expect(spelled == [
            "incomplete", "pending_user_transfer_start", "pending_user_transfer_complete", "pending_external",
            "pending_anchor", "pending_stellar", "pending_trust", "pending_user", "pending_customer_info_update",
            "pending_transaction_info_update", "pending_sender", "pending_receiver", "on_hold", "completed",
            "refunded", "expired", "no_market", "too_small", "too_large", "error",
        ])
        #expect(TransactionKind.allCases.map(\.rawValue) == ["deposit", "withdrawal", "deposit-exchange", "withdrawal-exchange", "receive"])
    }

    @Test func encodesWithSEPKeysAndAmountsAsStrings() throws {
        let tx = Transaction(
            id: "t1", kind: .withdrawalExchange, protocol: .sep6, sub: "M123", assetCode: "USDC", status: .pendingAnchor,
            startedAt: Date(timeIntervalSince1970: 0), amountIn: Amount("10.5"),
            feeDetails: .init(total: Amount("0.1")!, asset: "iso4217:USD", details: [.init(name: "service", amount: Amount("0.1")!)]),
            refunds: .init(amountRefunded: Amount("1")!, amountFee: .zero, payments: [.init(id: "h", idType: .stellar, amount: Amount("1")!, fee: .zero)]),
            withdrawMemoType: .hash
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(tx), as: UTF8.self)
        #expect(json.contains(#""kind":"withdrawal-exchange""#))
        #expect(json.contains(#""amount_in":"10.5""#))
        #expect(json.contains(#""fee_details":{"asset":"iso4217:USD","details":[{"amount":"0.1","name":"service"}],"total":"0.1"}"#))
        #expect(json.contains(#""refunds":{"amount_fee":"0","amount_refunded":"1","payments":[{"amount":"1","fee":"0","id":"h","id_type":"stellar"}]}"#))
        #expect(json.contains(#""withdraw_memo_type":"hash""#))
        #expect(json.contains(#""started_at":"1970-01-01T00:00:00Z""#))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Transaction.self, from: Data(json.utf8)) == tx)
    }
}
