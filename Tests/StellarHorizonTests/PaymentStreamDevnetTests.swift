import StellarKit
import Testing
@testable import CapstanDevnet
@testable import StellarHorizon

/// Payment streams against the devnet's server-sent events, across server restarts and silent connections.
@Suite struct PaymentStreamDevnetTests {
    /// Fast reconnects, so the tests do not wait on production back-off.
    static func configuration(silence: Duration = .seconds(10), connections: Recorder<HorizonStreamConnectionEvent>) -> HorizonClientConfiguration {
        HorizonClientConfiguration(
            stream: HorizonStreamConfiguration(
                connectTimeout: .seconds(2), silenceTimeout: silence, initialBackoff: .milliseconds(20), maximumBackoff: .milliseconds(200),
                onConnectionEvent: { connections.append($0) }
            )
        )
    }

    @Test func deliversPaymentsMadeAfterTheStreamStarted() async throws {
        let connections = Recorder<HorizonStreamConnectionEvent>()
        try await DevnetWallet.with(configuration: Self.configuration(connections: connections)) { wallet in
            let alice = try await wallet.funded(), bob = try await wallet.funded()
            try await wallet.pay(alice, to: bob, xlm(1), memo: .text("before"))

            let received = Recorder<HorizonPaymentStreamElement>(), ended = Recorder<String>()
            let consumer = consume(wallet.client.streamPayments(forAccount: bob.accountId), into: received, errors: ended)
            defer { consumer.cancel() }
            try await connections.wait("connected") { $0.contains { if case .connected = $0 { true } else { false } } }

            try await wallet.pay(alice, to: bob, xlm(2), memo: .text("first"))
            try await wallet.pay(alice, to: bob, xlm(3), memo: .text("second"))
            let elements = try await received.wait("two payments") { $0.count >= 2 }
            let payments = elements.compactMap { if case .payment(let payment) = $0 { payment } else { nil } }
            #expect(payments.map(\.memo) == [.text("first"), .text("second")])
            #expect(payments.map { $0.amount?.description } == ["2.0000000", "3.0000000"])
            #expect(payments.allSatisfy { $0.to == bob.accountId && $0.transactionSuccessful && $0.transaction != nil })
            // The connection started after the "before" payment, resolved from `now`.
            let firstConnect = connections.all.first { if case .connected = $0 { true } else { false } }
            #expect(firstConnect != .connected(cursor: nil))
            #expect(ended.all.isEmpty)
        }
    }

    @Test func resumesFromTheLastCursorAfterTheServerRestarts() async throws {
        let connections = Recorder<HorizonStreamConnectionEvent>()
        try await DevnetWallet.with(configuration: Self.configuration(connections: connections)) { wallet in
            let alice = try await wallet.funded(), bob = try await wallet.funded()
            let received = Recorder<HorizonPaymentStreamElement>(), ended = Recorder<String>()
            let consumer = consume(wallet.client.streamPayments(forAccount: bob.accountId), into: received, errors: ended)
            defer { consumer.cancel() }
            try await connections.wait("connected") { $0.contains { if case .connected = $0 { true } else { false } } }

            let first = try await wallet.pay(alice, to: bob, xlm(1), memo: .id(1))
            try await received.wait("payment 1") { $0.count == 1 }

            // The server goes away; payments land in the ledger meanwhile.
            await wallet.server.stop()
            try await connections.wait("a failed reconnect") {
                $0.contains { if case .disconnected(.failed, _, _) = $0 { true } else { false } }
            }
            var sequence = await wallet.ledger.account(alice.accountId)?.sequence ?? 0
            for memo in 2...3 {
                sequence += 1
                let envelope = try await wallet.envelope(alice, [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(Int64(memo)))], memo: .id(UInt64(memo)), sequence: sequence)
                guard case .applied(let record) = await wallet.ledger.submit(envelopeXDR: try envelope.xdrBase64), record.successful else {
                    Issue.record("direct submission failed")
                    return
                }
            }

            try await wallet.server.start()
            try await wallet.pay(alice, to: bob, xlm(4), memo: .id(4))
            let elements = try await received.wait("payments 1 to 4") { $0.count >= 4 }
            try await Task.sleep(for: .milliseconds(300))
            let payments = received.all.compactMap { if case .payment(let payment) = $0 { payment } else { nil } }
            #expect(elements.count == 4 && received.all.count == 4)
            #expect(payments.map(\.memo) == (1...4).map { HorizonMemo.id(UInt64($0)) })
            #expect(Set(payments.map(\.pagingToken)).count == 4)
            // The reconnect asked for what came after payment 1.
            let token = try #require(payments.first?.pagingToken)
            #expect(payments.first?.transactionHash == first.hash)
            #expect(connections.all.contains(.connected(cursor: token)))
            #expect(ended.all.isEmpty)
        }
    }

    @Test func silenceTriggersAReconnectThatLosesNothing() async throws {
        let connections = Recorder<HorizonStreamConnectionEvent>()
        try await DevnetWallet.with(configuration: Self.configuration(silence: .milliseconds(300), connections: connections)) { wallet in
            let alice = try await wallet.funded(), bob = try await wallet.funded()
            let received = Recorder<HorizonPaymentStreamElement>(), ended = Recorder<String>()
            let consumer = consume(wallet.client.streamPayments(forAccount: bob.accountId, from: nil), into: received, errors: ended)
            defer { consumer.cancel() }
            // From the start of history: bob's create_account comes first.
            try await received.wait("create_account") { $0.count == 1 }
            // Two silent periods after that, each followed by a new connection from create_account's cursor. (On a
            // busy machine a silence can also come before create_account arrives: that reconnect has no cursor yet.)
            func silentAfterCursor(_ events: [HorizonStreamConnectionEvent]) -> Int {
                events.filter { if case .disconnected(.silence, _?, _) = $0 { true } else { false } }.count
            }
            let events = try await connections.wait("two silent periods and reconnects from the cursor") { events in
                silentAfterCursor(events) >= 2
                    && events.filter { if case .connected(_?) = $0 { true } else { false } }.count >= 2
            }
            let cursors = Set(events.compactMap { if case .connected(let cursor?) = $0 { cursor } else { nil } })
            #expect(cursors.count == 1)

            try await wallet.pay(alice, to: bob, xlm(5), memo: .text("after silence"))
            try await received.wait("the payment") { $0.count >= 2 }
            try await Task.sleep(for: .milliseconds(700))
            let payments = received.all.compactMap { if case .payment(let payment) = $0 { payment } else { nil } }
            #expect(payments.map(\.kind) == [.createAccount, .payment])
            #expect(payments.last?.memo == .text("after silence"))
            #expect(ended.all.isEmpty)
        }
    }
}
