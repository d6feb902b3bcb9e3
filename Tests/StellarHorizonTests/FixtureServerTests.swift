import Foundation
import Hummingbird
import StellarKit
import Synchronization
import Testing
@testable import StellarHorizon

/// What the devnet never does: 504s, slow or huge answers, 429s, odd stream records, fatal stream errors.
@Suite struct FixtureServerTests {
    static let account = "GAIH3ULLFQ4DGSECF2AR555KZ4KNDGEKN4AFI4SU2M7B43MGK3QJZNSR"

    @discardableResult
    static func withServer<Value: Sendable>(
        _ configure: @escaping @Sendable (Router<BasicRequestContext>) -> Void, configuration: HorizonClientConfiguration = HorizonClientConfiguration(),
        _ body: (HorizonClient) async throws -> Value
    ) async throws -> Value {
        let server = LiveServer.router(configure)
        let url = try await server.start()
        do {
            let value = try await body(HorizonClient(baseURL: url + "/", configuration: configuration))
            await server.stop()
            return value
        } catch {
            await server.stop()
            throw error
        }
    }

    static func signedEnvelope() throws -> TransactionEnvelope {
        let source = KeyPair.random()
        let transaction = StellarKit.Transaction(
            sourceAccount: MuxedAccount(ed25519: source.publicKey), fee: 100, sequenceNumber: 2,
            operations: [.payment(destination: MuxedAccount(ed25519: KeyPair.random().publicKey), asset: .native, amount: 1)]
        )
        return try TransactionEnvelope(transaction).signed(with: source, network: .testnet)
    }

    @Test func gatewayTimeoutMeansOutcomeUnknownWithTheHash() async throws {
        let canned = Canned([.init(status: 504, body: try Fixture.text("timeout"))])
        try await Self.withServer({ router in router.post("/transactions") { _, _ in try await canned.respond() } }) { client in
            let envelope = try Self.signedEnvelope()
            let hash = try envelope.hashHex(network: .testnet)
            await #expect(throws: HorizonSubmitError.timeout(transactionHash: hash)) { try await client.submit(envelope, network: .testnet) }
            await #expect(throws: HorizonSubmitError.timeout(transactionHash: nil)) { try await client.submit(envelopeXDR: try envelope.xdrBase64) }
            #expect(HorizonSubmitError.timeout(transactionHash: hash).isOutcomeUnknown)
        }
    }

    @Test func slowSubmissionTimesOutClientSide() async throws {
        let canned = Canned([.init(status: 200, body: try Fixture.text("transaction"), delay: .milliseconds(1500))])
        let configuration = HorizonClientConfiguration(submitTimeout: .milliseconds(300))
        try await Self.withServer({ router in router.post("/transactions") { _, _ in try await canned.respond() } }, configuration: configuration) { client in
            let envelope = try Self.signedEnvelope()
            let started = ContinuousClock.now
            await #expect(throws: HorizonSubmitError.timeout(transactionHash: try envelope.hashHex(network: .testnet))) {
                try await client.submit(envelope, network: .testnet)
            }
            #expect(ContinuousClock.now - started < .seconds(2))
        }
    }

    @Test func submitStatusesMapToTheirCases() async throws {
        let canned = Canned([
            .init(status: 200, body: try Fixture.text("transaction")),
            .init(status: 400, body: try Fixture.text("submit_failed")),
            .init(status: 429, body: #"{"type": "https://stellar.org/horizon-errors/rate_limit_exceeded", "title": "Rate Limit Exceeded", "status": 429, "detail": "slow down"}"#),
            .init(status: 503, body: #"{"type": "https://stellar.org/horizon-errors/stale_history", "title": "Historical DB Is Too Stale", "status": 503, "detail": "stale"}"#),
            .init(status: 200, body: "{not json"),
        ])
        try await Self.withServer({ router in router.post("/transactions") { _, _ in try await canned.respond() } }) { client in
            let xdr = try Self.signedEnvelope().xdrBase64
            let success = try await client.submit(envelopeXDR: xdr)
            #expect(success.hash == "5ebd5c0af4385500b53dd63b0ef5f6e8feef1a7e1c86989be3cdcce825f3c0cc" && success.ledger == 2133)
            let codes = HorizonResultCodes(transaction: "tx_failed", operations: ["op_success", "op_underfunded"])
            await #expect(throws: HorizonSubmitError.underfunded(HorizonSubmitFailure(
                resultCodes: codes, resultXDR: "AAAAAAAAAMj/////AAAAAgAAAAAAAAABAAAAAAAAAAAAAAAB/////gAAAAA=",
                envelopeXDR: "AAAAAgAAAAAQfdFrLDgzSIIugR73qs8U0ZiKbwBUclTTPh5thlbgnAAAAMgAV+oXAAAAAwAAAAAAAAAAAAAAAgAAAAAAAAABAAAAAA=="
            ))) { try await client.submit(envelopeXDR: xdr) }
            await #expect(throws: HorizonSubmitError.rateLimited) { try await client.submit(envelopeXDR: xdr) }
            do throws(HorizonSubmitError) {
                _ = try await client.submit(envelopeXDR: xdr)
                Issue.record("503 accepted")
            } catch {
                guard case .unavailable = error else { Issue.record("503 gave \(error)"); return }
                #expect(error.isOutcomeUnknown)
            }
            do throws(HorizonSubmitError) {
                _ = try await client.submit(envelopeXDR: xdr)
                Issue.record("garbage accepted")
            } catch {
                #expect(error.isOutcomeUnknown)
            }
        }
    }

    @Test func readsAreBoundedInTimeAndSize() async throws {
        let slow = Canned([.init(status: 200, body: try Fixture.text("account"), delay: .milliseconds(2500))])
        let fast = Canned([.init(status: 200, body: try Fixture.text("account"))])
        // A second is far below the slow answer and far above a loopback answer, even with every suite running.
        let configuration = HorizonClientConfiguration(requestTimeout: .seconds(1), maxResponseBytes: 1024)
        try await Self.withServer({ router in
            router.get("/accounts/\(Self.account)") { _, _ in try await slow.respond() }
            router.get("/accounts/GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5") { _, _ in try await fast.respond() }
        }, configuration: configuration) { client in
            await #expect(throws: HorizonError.timeout) { try await client.account(Self.account) }
            await #expect(throws: HorizonError.responseTooLarge(limit: 1024)) {
                try await client.account("GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5")
            }
        }
    }

    @Test func accountAnsweredForAnotherIDIsRefused() async throws {
        let canned = Canned([.init(status: 200, body: try Fixture.text("account"))])
        try await Self.withServer({ router in
            router.get("/accounts/GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5") { _, _ in try await canned.respond() }
        }) { client in
            await #expect(throws: HorizonError.malformedResponse("answered for another account")) {
                try await client.account("GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5")
            }
        }
    }

    @Test func oddStreamRecordsAreReportedAndSkipped() async throws {
        let cursors = Recorder<String>()
        let good = { (id: Int) in
            #"{"id": "\#(id)", "paging_token": "\#(id)", "transaction_successful": true, "source_account": "\#(Self.account)", "type": "payment", "type_i": 1, "created_at": "2024-01-01T00:00:00Z", "transaction_hash": "\#(String(repeating: "a", count: 64))", "asset_type": "native", "from": "\#(Self.account)", "to": "\#(Self.account)", "amount": "\#(id).0000000"}"#
        }
        let records: [(Int, String)] = [
            (10, good(10)),
            (11, #"{"id": "11", "paging_token": "11", "type": "payment", "amount": "lots"}"#),
            (12, String(repeating: "x", count: 5000)),
            (13, good(13)),
        ]
        try await Self.withServer({ router in
            router.get("/accounts/\(Self.account)/payments") { request, _ in
                let cursor = Int(request.uri.queryParameters["cursor"].map(String.init) ?? "0") ?? 0
                cursors.append(String(cursor))
                return Response(
                    status: .ok, headers: [.contentType: "text/event-stream"],
                    body: ResponseBody { writer in
                        try await writer.write(ByteBuffer(string: "retry: 10\nevent: open\ndata: \"hello\"\n\n"))
                        for (id, json) in records where id > cursor {
                            try await writer.write(ByteBuffer(string: "id: \(id)\ndata: \(json)\n\n"))
                        }
                        try await writer.write(ByteBuffer(string: "event: close\ndata: \"byebye\"\n\n"))
                        try await writer.finish(nil)
                    }
                )
            }
        }, configuration: HorizonClientConfiguration(stream: HorizonStreamConfiguration(initialBackoff: .milliseconds(20), maximumBackoff: .milliseconds(50), maxEventBytes: 1024))) { client in
            let received = Recorder<HorizonPaymentStreamElement>(), ended = Recorder<String>()
            let consumer = consume(client.streamPayments(forAccount: Self.account, from: "9"), into: received, errors: ended)
            defer { consumer.cancel() }
            try await cursors.wait("a reconnect after the last record") { $0.contains("13") }
            let elements = received.all
            #expect(elements.count == 4)
            guard elements.count == 4 else { return }
            guard case .payment(let ten) = elements[0], case .undecodable(let eleven) = elements[1], case .undecodable(let twelve) = elements[2],
                case .payment(let thirteen) = elements[3]
            else {
                Issue.record("unexpected elements \(elements)")
                return
            }
            #expect(ten.pagingToken == "10" && thirteen.amount == HorizonAmount("13"))
            #expect(eleven.pagingToken == "11")
            #expect(twelve.pagingToken == "12" && twelve.reason.contains("larger"))
            #expect(cursors.all.first == "9")
            #expect(ended.all.isEmpty)
        }
    }

    @Test func anAbruptDropReconnectsFromTheLastRecord() async throws {
        let cursors = Recorder<String>()
        let connections = Recorder<HorizonStreamConnectionEvent>()
        let payment: @Sendable (Int) -> String = { id in
            #"{"id": "\#(id)", "paging_token": "\#(id)", "transaction_successful": true, "source_account": "\#(Self.account)", "type": "create_account", "type_i": 0, "created_at": "2024-01-01T00:00:00Z", "transaction_hash": "\#(String(repeating: "b", count: 64))", "funder": "\#(Self.account)", "account": "\#(Self.account)", "starting_balance": "\#(id).0000000"}"#
        }
        struct Dropped: Error {}
        try await Self.withServer({ router in
            router.get("/accounts/\(Self.account)/payments") { request, _ in
                let cursor = Int(request.uri.queryParameters["cursor"].map(String.init) ?? "0") ?? 0
                cursors.append(String(cursor))
                return Response(
                    status: .ok, headers: [.contentType: "text/event-stream"],
                    body: ResponseBody { writer in
                        try await writer.write(ByteBuffer(string: "event: open\ndata: \"hello\"\n\n"))
                        // Two records per connection, then the connection breaks mid-event (no byebye, no clean end).
                        for id in (cursor + 1)...(cursor + 2) where id <= 6 {
                            try await writer.write(ByteBuffer(string: "id: \(id)\ndata: \(payment(id))\n\n"))
                        }
                        try await writer.write(ByteBuffer(string: "id: 99\ndata: {\"id\": \"99\", \"paging_tok"))
                        throw Dropped()
                    }
                )
            }
        }, configuration: HorizonClientConfiguration(stream: HorizonStreamConfiguration(
            initialBackoff: .milliseconds(20), maximumBackoff: .milliseconds(50), onConnectionEvent: { connections.append($0) }
        ))) { client in
            let received = Recorder<HorizonPaymentStreamElement>(), ended = Recorder<String>()
            let consumer = consume(client.streamPayments(forAccount: Self.account, from: "0"), into: received, errors: ended)
            defer { consumer.cancel() }
            try await received.wait("all six records") { $0.count >= 6 }
            try await Task.sleep(for: .milliseconds(200))
            let tokens = received.all.map { element -> String in
                if case .payment(let payment) = element { payment.pagingToken } else { "undecodable" }
            }
            // Every record once, in order, although each connection broke (and the server may lose its last writes).
            #expect(tokens == ["1", "2", "3", "4", "5", "6"])
            // Each reconnect asked for what followed the last record received.
            let asked = cursors.all.compactMap { Int($0) }
            #expect(asked.first == 0)
            #expect(asked == asked.sorted(), "\(asked)")
            // Several reconnects, since no connection carries more than two records.
            #expect(Set(asked).count >= 3, "\(asked)")
            #expect(asked.allSatisfy { $0 == 0 || tokens.contains(String($0)) })
            #expect(connections.all.contains { if case .disconnected(.failed, _, _) = $0 { true } else { false } })
            #expect(ended.all.isEmpty)
        }
    }

    @Test func aRefusedStreamEndsWithTheError() async throws {
        let canned = Canned([.init(status: 400, body: #"{"type": "https://stellar.org/horizon-errors/bad_request", "title": "Bad Request", "status": 400, "detail": "bad cursor", "extras": {"invalid_field": "cursor", "reason": "unknown"}}"#)])
        try await Self.withServer({ router in router.get("/accounts/\(Self.account)/payments") { _, _ in try await canned.respond() } }) { client in
            let received = Recorder<HorizonPaymentStreamElement>(), ended = Recorder<String>()
            let consumer = consume(client.streamPayments(forAccount: Self.account, from: "5"), into: received, errors: ended)
            defer { consumer.cancel() }
            let errors = try await ended.wait("the stream to end") { !$0.isEmpty }
            #expect(errors.first?.contains("HTTP 400") == true && errors.first?.contains("bad cursor") == true)
            #expect(canned.requestCount == 1 && received.all.isEmpty)

            let invalid = Recorder<String>()
            _ = consume(client.streamPayments(forAccount: "GNOPE"), into: received, errors: invalid)
            #expect(try await invalid.wait("refused") { !$0.isEmpty }.first?.contains("account id") == true)
        }
    }
}
