import StellarKit
import Testing
@testable import StellarHorizon

/// The client against the in-repo devnet on a loopback port: real HTTP, real Horizon-shaped JSON.
@Suite struct ClientDevnetTests {
    @Test func rootNamesTheNetwork() async throws {
        try await DevnetWallet.with { wallet in
            let root = try await wallet.client.root()
            #expect(root.networkPassphrase == Network.standalone.passphrase)
            #expect(root.historyLatestLedger >= 1 && root.currentProtocolVersion > 0)
        }
    }

    @Test func friendbotAccountHasBalanceSignersAndThresholds() async throws {
        try await DevnetWallet.with { wallet in
            let alice = try await wallet.funded()
            let account = try #require(try await wallet.client.account(alice.accountId))
            #expect(account.id == alice.accountId)
            #expect(account.sequence > 0)
            #expect(account.balances.count == 1)
            #expect(account.balance(of: .native)?.balance == HorizonAmount("10000"))
            #expect(account.signers == [LedgerAccount.Signer(key: alice.accountId, weight: 1, type: .ed25519PublicKey)])
            #expect(account.thresholds == LedgerAccount.Thresholds(low: 0, medium: 0, high: 0))
            #expect(account.flags == HorizonAccount.Flags())

            #expect(try await wallet.client.account(KeyPair.random().accountId) == nil)
            await #expect(throws: HorizonError.invalidArgument("'nope' is not a G… account id")) { try await wallet.client.account("nope") }
        }
    }

    @Test func changeTrustShowsTheTrustlineWithItsAuthorization() async throws {
        try await DevnetWallet.with { wallet in
            let issuer = try await wallet.funded(), holder = try await wallet.funded(), strictIssuer = try await wallet.funded()
            let usd = try StellarKit.Asset(code: "USD", issuer: issuer.publicKey)
            try await wallet.submit(holder, [.changeTrust(ChangeTrustAsset(usd), limit: xlm(1000))])
            let account = try #require(try await wallet.client.account(holder.accountId))
            let line = try #require(account.balance(of: .credit(code: "USD", issuer: issuer.accountId)))
            #expect(line.balance == HorizonAmount("0") && line.limit == HorizonAmount("1000"))
            #expect(line.isAuthorized == true && line.isAuthorizedToMaintainLiabilities == true && line.canReceive)
            #expect(account.subentryCount == 1)
            // Horizon lists trustlines before the native balance.
            #expect(account.balances.last?.asset == .native)

            // auth_required: a new trustline waits for the issuer.
            try await wallet.submit(strictIssuer, [TransactionOperation(body: .setOptions(SetOptionsOp(setFlags: 0x1 | 0x2)))])
            let issuerAccount = try #require(try await wallet.client.account(strictIssuer.accountId))
            #expect(issuerAccount.flags == HorizonAccount.Flags(authRequired: true, authRevocable: true))
            let eur = try StellarKit.Asset(code: "EUR", issuer: strictIssuer.publicKey)
            try await wallet.submit(holder, [.changeTrust(ChangeTrustAsset(eur))])
            let eurLine = try #require(try await wallet.client.account(holder.accountId)?.balance(of: .credit(code: "EUR", issuer: strictIssuer.accountId)))
            #expect(eurLine.isAuthorized == false && eurLine.isAuthorizedToMaintainLiabilities == false && !eurLine.canReceive)
            let refused = await Self.submitError { try await wallet.pay(strictIssuer, to: holder, xlm(1), asset: eur) }
            guard case .notAuthorized = refused else { Issue.record("expected notAuthorized, got \(String(describing: refused))"); return }
        }
    }

    @Test func submitPaymentSucceedsAndIsFoundByHash() async throws {
        try await DevnetWallet.with { wallet in
            let alice = try await wallet.funded(), bob = try await wallet.funded()
            let transaction = try await wallet.pay(alice, to: bob, xlm(25), memo: .text("deposit 7"))
            #expect(transaction.successful && transaction.ledger > 1)
            #expect(transaction.hash.count == 64 && !transaction.resultXDR.isEmpty && !transaction.envelopeXDR.isEmpty)
            #expect(transaction.memo == .text("deposit 7"))

            let found = try #require(try await wallet.client.transaction(hash: transaction.hash.uppercased()))
            #expect(found.hash == transaction.hash && found.ledger == transaction.ledger && found.successful)
            #expect(found.memo == .text("deposit 7") && found.sourceAccount == alice.accountId)
            #expect(found.resultXDR == transaction.resultXDR && found.pagingToken == transaction.pagingToken)
            #expect(try await wallet.client.account(bob.accountId)?.balance(of: .native)?.balance == HorizonAmount("10025"))

            #expect(try await wallet.client.transaction(hash: String(repeating: "ab", count: 32)) == nil)
            await #expect(throws: HorizonError.self) { try await wallet.client.transaction(hash: "xyz") }
        }
    }

    @Test func submitFailuresAreTyped() async throws {
        try await DevnetWallet.with { wallet in
            let alice = try await wallet.funded(), bob = try await wallet.funded()
            let sequence = try #require(try await wallet.client.account(alice.accountId)?.sequence)
            let pay = TransactionOperation.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(1))

            let badSeq = await Self.submitError { try await wallet.submit(alice, [pay], sequence: sequence + 5) }
            guard case .badSequence(let failure) = badSeq else { Issue.record("expected badSequence, got \(String(describing: badSeq))"); return }
            #expect(failure.resultCodes.transaction == "tx_bad_seq" && failure.resultXDR?.isEmpty == false)
            #expect(badSeq?.isOutcomeUnknown == false)

            let missing = KeyPair.random()
            let noDestination = await Self.submitError { try await wallet.pay(alice, to: missing, xlm(1)) }
            guard case .noDestination(let failure) = noDestination else { Issue.record("expected noDestination, got \(String(describing: noDestination))"); return }
            #expect(failure.resultCodes.operations == ["op_no_destination"])

            let issuer = try await wallet.funded()
            let usd = try StellarKit.Asset(code: "USD", issuer: issuer.publicKey)
            let noTrust = await Self.submitError { try await wallet.pay(issuer, to: bob, xlm(1), asset: usd) }
            guard case .noTrust = noTrust else { Issue.record("expected noTrust, got \(String(describing: noTrust))"); return }

            let tooMuch = try await wallet.envelope(alice, [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: xlm(50_000))])
            let underfunded = await Self.submitError { _ = try await wallet.client.submit(tooMuch, network: wallet.network) }
            guard case .underfunded(let failure) = underfunded else { Issue.record("expected underfunded, got \(String(describing: underfunded))"); return }
            #expect(failure.resultCodes.failedOperation?.code == "op_underfunded")
            // It is in a ledger (failed, fee charged): found by hash, with the same typed failure read from its result XDR.
            let failed = try #require(try await wallet.client.transaction(hash: try tooMuch.hashHex(network: wallet.network)))
            #expect(!failed.successful && failed.resultCodes?.operations == ["op_underfunded"])
            #expect(failed.failure == underfunded)

            let badAuth = await Self.submitError {
                let envelope = try await wallet.envelope(alice, [pay])
                var unsigned = envelope
                unsigned.signatures = []
                _ = try await wallet.client.submit(unsigned, network: wallet.network)
            }
            guard case .badAuth = badAuth else { Issue.record("expected badAuth, got \(String(describing: badAuth))"); return }

            let malformed = await Self.submitError { _ = try await wallet.client.submit(envelopeXDR: "not an envelope") }
            guard case .malformed = malformed else { Issue.record("expected malformed, got \(String(describing: malformed))"); return }
        }
    }

    @Test func paymentPagesHaveNoGapsOrDuplicates() async throws {
        try await DevnetWallet.with { wallet in
            let alice = try await wallet.funded(), bob = try await wallet.funded()
            for amount in 1...7 { try await wallet.pay(alice, to: bob, xlm(Int64(amount)), memo: .id(UInt64(amount))) }

            var cursor: String?
            var seen: [HorizonPayment] = []
            var pages = 0
            while true {
                let page = try await wallet.client.payments(forAccount: bob.accountId, cursor: cursor, limit: 3)
                #expect(page.undecodable.isEmpty)
                if page.records.isEmpty { break }
                seen += page.records
                cursor = page.nextCursor
                pages += 1
            }
            #expect(pages == 3)
            // Bob's create_account, then the seven payments, each with its transaction's memo.
            #expect(seen.map(\.kind) == [.createAccount] + Array(repeating: .payment, count: 7))
            #expect(seen.dropFirst().map(\.memo) == (1...7).map { HorizonMemo.id(UInt64($0)) })
            #expect(seen.dropFirst().map { $0.amount?.description } == (1...7).map { "\($0).0000000" })
            #expect(seen.dropFirst().allSatisfy { $0.from == alice.accountId && $0.to == bob.accountId && $0.asset == .native })
            let tokens = seen.compactMap { Int64($0.pagingToken) }
            #expect(tokens.count == 8 && tokens == tokens.sorted() && Set(tokens).count == 8)
            #expect(seen[0].kind == .createAccount && seen[0].recipient == bob.accountId && seen[0].receivedAmount == HorizonAmount("10000"))

            let latest = try await wallet.client.payments(forAccount: bob.accountId, limit: 2, order: .descending)
            #expect(latest.records.map { $0.amount?.description } == ["7.0000000", "6.0000000"])
            await #expect(throws: HorizonError.invalidArgument("limit must be between 1 and 200")) {
                try await wallet.client.payments(forAccount: bob.accountId, limit: 201)
            }
            await #expect(throws: HorizonError.self) { try await wallet.client.payments(forAccount: bob.accountId, cursor: "1&order=desc") }
        }
    }

    private static func submitError(_ body: () async throws -> Void) async -> HorizonSubmitError? {
        do {
            try await body()
            return nil
        } catch let error as HorizonSubmitError {
            return error
        } catch {
            Issue.record("not a HorizonSubmitError: \(error)")
            return nil
        }
    }
}
