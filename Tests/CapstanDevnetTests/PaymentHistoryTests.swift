import Foundation
import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct PaymentHistoryTests {
    @Test func paymentsPageWithCursorAscending() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            for amount in 1...5 { #expect(try await session.pay(alice, to: bob, xlm(Int64(amount))).status == .ok) }

            // Bob's history: his create_account, then five payments.
            let first = try await session.json("/accounts/\(bob.accountId)/payments?limit=3")
            #expect(first.records.map { $0["type"].string } == ["create_account", "payment", "payment"])
            #expect(first.records[0]["funder"].string == session.ledger.parameters.rootKeyPair.accountId)
            #expect(first.records[0]["starting_balance"].string == "10000.0000000")
            let tokens = first.records.compactMap { $0["paging_token"].string.flatMap { Int64($0) } }
            #expect(tokens == tokens.sorted() && Set(tokens).count == 3)
            let cursor = try #require(first.records.last?["paging_token"].string)
            #expect(first["_links"]["next"]["href"].string?.contains("cursor=\(cursor)") == true)

            let second = try await session.json("/accounts/\(bob.accountId)/payments?limit=3&cursor=\(cursor)")
            #expect(first.records[1]["amount"].string == "1.0000000")
            #expect(second.records.map { $0["amount"].string } == ["3.0000000", "4.0000000", "5.0000000"])
            let payment = second.records[0]
            #expect(payment["from"].string == alice.accountId)
            #expect(payment["to"].string == bob.accountId)
            #expect(payment["asset_type"].string == "native")
            #expect(payment["transaction_successful"].bool == true)
            #expect(payment["source_account"].string == alice.accountId)
            #expect(payment["type_i"].int == 1)
            #expect(payment["transaction_hash"].string?.count == 64)
            #expect(payment["created_at"].string?.hasSuffix("Z") == true)
            #expect(payment["id"].string == payment["paging_token"].string)

            let last = try await session.json("/accounts/\(bob.accountId)/payments?limit=3&cursor=\(try #require(second.records.last?["paging_token"].string))")
            #expect(last.records.isEmpty)

            let descending = try await session.json("/accounts/\(bob.accountId)/payments?order=desc&limit=2")
            #expect(descending.records.map { $0["amount"].string } == ["5.0000000", "4.0000000"])
            #expect(try await session.json("/payments?limit=200").records.count == 7)
            #expect(try await session.get("/payments?limit=201").status == .badRequest)
            #expect(try await session.get("/payments?cursor=abc").status == .badRequest)
            #expect(try await session.get("/payments?order=sideways").status == .badRequest)
        }
    }

    @Test func operationsAndTransactionPaymentsByID() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            let response = try await session.submit(alice, [
                .payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(1)),
                .manageData(name: "note", value: [1]),
                .payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(2)),
            ], memo: .text("two payments"))
            let hash = try #require(JSON(response.body)["hash"].string)
            let payments = try await session.json("/transactions/\(hash)/payments?join=transactions").records
            #expect(payments.map { $0["amount"].string } == ["1.0000000", "2.0000000"])
            #expect(payments.allSatisfy { $0["transaction"]["memo"].string == "two payments" })
            // Operation ids count every operation, so the second payment is the third operation.
            let ids = payments.compactMap { $0["id"].string.flatMap { Int64($0) } }
            #expect(ids.count == 2 && ids[1] - ids[0] == 2)
            let single = try await session.json("/operations/\(ids[1])")
            #expect(single["amount"].string == "2.0000000")
            #expect(try await session.get("/operations/\(ids[0] + 1)").status == .notFound)
            #expect(try await session.get("/operations/-1").status == .badRequest)
            #expect(try await session.get("/transactions/\(String(repeating: "0", count: 64))/payments").status == .notFound)
        }
    }

    @Test func failedPaymentsOnlyWithIncludeFailed() async throws {
        try await DevnetHarness().run { session in
            let alice = try await session.funded(), bob = try await session.funded()
            _ = try await session.pay(alice, to: bob, xlm(20_000))
            #expect(try await session.json("/accounts/\(alice.accountId)/payments").records.count == 1)
            let all = try await session.json("/accounts/\(alice.accountId)/payments?include_failed=true").records
            #expect(all.count == 2)
            #expect(all.last?["transaction_successful"].bool == false)
        }
    }

    @Test func joinTransactionsEmbedsTheMemo() async throws {
        try await DevnetHarness().run { session in
            let anchor = try await session.funded(), wallet = try await session.funded()
            #expect(try await session.pay(wallet, to: anchor, xlm(7), memo: .id(123_456)).status == .ok)
            #expect(try await session.pay(wallet, to: anchor, xlm(8), memo: .hash([UInt8](repeating: 7, count: 32))).status == .ok)
            let records = try await session.json("/accounts/\(anchor.accountId)/payments?join=transactions&order=desc&limit=2").records
            #expect(records[1]["transaction"]["memo_type"].string == "id")
            #expect(records[1]["transaction"]["memo"].string == "123456")
            #expect(records[0]["transaction"]["memo_type"].string == "hash")
            #expect(records[0]["transaction"]["memo"].string == Data(repeating: 7, count: 32).base64EncodedString())
            #expect(try await session.json("/accounts/\(anchor.accountId)/payments").records[0]["transaction"].exists == false)
            #expect(try await session.get("/payments?join=ledgers").status == .badRequest)

            let transactions = try await session.json("/accounts/\(anchor.accountId)/transactions?order=desc&limit=2").records
            #expect(transactions.map { $0["memo_type"].string } == ["hash", "id"])
            // The anchor's own friendbot funding is in its history too, so three in all.
            #expect(try await session.json("/accounts/\(anchor.accountId)/transactions").records.count == 3)
        }
    }

    @Test func streamSendsNewPaymentsWithTheirPagingTokens() async throws {
        try await DevnetHarness().run { session in
            let anchor = try await session.funded(), wallet = try await session.funded()
            #expect(try await session.pay(wallet, to: anchor, xlm(1)).status == .ok)
            let body = try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask {
                    let response = try await session.get(
                        "/accounts/\(anchor.accountId)/payments?cursor=now&join=transactions", headers: [.accept: "text/event-stream"]
                    )
                    #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                    return String(buffer: response.body)
                }
                while await session.ledger.streamCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
                #expect(try await session.pay(wallet, to: anchor, xlm(2), memo: .text("withdrawal 9")).status == .ok)
                await session.ledger.finishStreams()
                return try await group.next() ?? ""
            }
            let latest = try await session.json("/accounts/\(anchor.accountId)/payments?order=desc&limit=1").records[0]
            let token = try #require(latest["paging_token"].string)
            #expect(body.hasPrefix("retry: 1000\nevent: open\ndata: \"hello\"\n\n"))
            let events = body.components(separatedBy: "\n\n").filter { $0.hasPrefix("id: ") }
            // cursor=now: only the payment made after the stream opened.
            #expect(events.count == 1)
            #expect(events.first?.hasPrefix("id: \(token)\ndata: ") == true)
            let data = JSON(data: Data((events.first ?? "").components(separatedBy: "data: ").last?.utf8 ?? "".utf8))
            #expect(data["amount"].string == "2.0000000")
            #expect(data["transaction"]["memo"].string == "withdrawal 9")
            #expect(body.hasSuffix("event: close\ndata: \"byebye\"\n\n"))
        }
    }

    @Test func streamResumesAfterLastEventID() async throws {
        try await DevnetHarness().run { session in
            let anchor = try await session.funded(), wallet = try await session.funded()
            for amount in 1...3 { #expect(try await session.pay(wallet, to: anchor, xlm(Int64(amount))).status == .ok) }
            let records = try await session.json("/accounts/\(anchor.accountId)/payments?limit=10").records
            let resumeAfter = try #require(records[1]["paging_token"].string)
            let body = try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask {
                    let response = try await session.get(
                        "/accounts/\(anchor.accountId)/payments?cursor=0", headers: [.accept: "text/event-stream", .init("Last-Event-ID")!: resumeAfter]
                    )
                    return String(buffer: response.body)
                }
                while await session.ledger.streamCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
                await session.ledger.finishStreams()
                return try await group.next() ?? ""
            }
            let ids = body.components(separatedBy: "\n\n").filter { $0.hasPrefix("id: ") }.map { $0.prefix(while: { $0 != "\n" }).dropFirst(4) }
            #expect(ids.map(String.init) == records[2...].compactMap { $0["paging_token"].string })
        }
    }
}
