import CapstanCore
import CapstanStore
import CapstanWorkers
import Foundation
import Logging
import StellarKit
import Synchronization
@testable import CapstanDevnet

/// Unix seconds that tests move by hand, shared by the devnet (ledger close times) and the workers (time bounds).
final class LedgerClock: Sendable {
    private let seconds = Mutex<UInt64>(UInt64(Date.now.timeIntervalSince1970))
    var now: UInt64 { self.seconds.withLock { $0 } }
    var date: Date { Date(timeIntervalSince1970: TimeInterval(self.now)) }
    func advance(seconds: UInt64) { self.seconds.withLock { $0 += seconds } }
}

/// A migrated store, a devnet ledger with an issuer of SRT and a funded distribution account, and scripted rails.
struct WorkerFixture: Sendable {
    static let logger = Logger(label: "capstan.workers.money-tests")
    static let code = "SRT"

    let store: SQLStore
    let devnet: DevnetLedger
    let clock: LedgerClock
    let issuer: KeyPair
    let distribution: KeyPair
    let rails: TestRails
    var network: Network { self.devnet.parameters.network }
    var ledger: DevnetStellarLedger { DevnetStellarLedger(ledger: self.devnet) }

    static func with(_ body: (WorkerFixture) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-money-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await SQLStore.openSQLite(path: directory.appendingPathComponent("capstan.sqlite").path, logger: Self.logger)
        do {
            try await store.migrate()
            store.setPluginNotifier(AfterDepositNotifier())
            let clock = LedgerClock()
            let devnet = try DevnetLedger(closesOnSubmit: true, clock: { clock.now }, logger: Self.logger)
            let fixture = WorkerFixture(
                store: store, devnet: devnet, clock: clock, issuer: .random(), distribution: .random(), rails: TestRails())
            try await fixture.setUp()
            try await body(fixture)
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }

    private func setUp() async throws {
        try await self.fund(self.issuer)
        try await self.fund(self.distribution)
        try await self.trust(self.distribution)
        try await self.pay(from: self.issuer, to: self.distribution.accountId, units: 1_000_000)
        try await self.store.assets.insert(CapstanCore.Asset(
            code: Self.code, issuer: self.issuer.accountId, distributionAccount: self.distribution.accountId, significantDecimals: 2,
            seps: [.sep24],
            deposit: .init(enabled: true, feeFixed: Amount("1"), feePercent: Amount("1")),
            withdraw: .init(enabled: true, feeFixed: Amount("0.5"))))
    }

    /// The workers' shared context over this fixture; `ledger` replaces the devnet adapter (e.g. a flaky wrapper).
    func context(ledger: (any StellarLedger)? = nil, workerID: String = WorkerContext.newWorkerID(), leaseSeconds: Int = 120) -> WorkerContext {
        WorkerContext(
            transactions: self.store.transactions, workerTransactions: self.store.workerTransactions,
            submissions: self.store.submissions, cursors: self.store.ledgerCursors, assets: self.store.assets,
            ledger: ledger ?? self.ledger, rails: self.rails,
            signer: DepositEnvelopeSigner(network: self.network, keys: [self.distribution], validity: .seconds(60)),
            workerID: workerID, batchSize: 10, leaseSeconds: leaseSeconds, logger: Self.logger, now: { self.clock.date })
    }

    var srt: StellarKit.Asset { get throws { try StellarKit.Asset(code: Self.code, issuer: self.issuer.publicKey) } }

    // MARK: ledger actions, through the devnet's validation

    func fund(_ account: KeyPair) async throws {
        guard case .submitted(.applied(let record)) = await self.devnet.fund(account.accountId), record.successful else {
            throw FixtureError("friendbot failed for \(account.accountId)")
        }
    }

    /// Builds, signs and submits a transaction from `source`; throws unless it succeeds.
    @discardableResult
    func submit(_ source: KeyPair, _ operations: [TransactionOperation], memo: Memo = .none) async throws -> String {
        let sequence = await self.devnet.account(source.accountId)?.sequence ?? 0
        let envelope = try TransactionBuilder(sourceAccount: MuxedAccount(ed25519: source.publicKey), sequenceNumber: sequence + 1)
            .adding(operations[0]).withMemo(memo).buildEnvelope().signed(with: source, network: self.network)
        guard case .applied(let hash, _) = try await self.ledger.submit(envelopeXDR: try envelope.xdrBase64) else {
            throw FixtureError("transaction from \(source.accountId) failed")
        }
        return hash
    }

    func trust(_ account: KeyPair) async throws {
        try await self.submit(account, [.changeTrust(ChangeTrustAsset(try self.srt))])
    }

    @discardableResult
    func pay(from source: KeyPair, to destination: String, units: Int64, memo: Memo = .none) async throws -> String {
        try await self.submit(source, [.payment(destination: try MuxedAccount(strKey: destination), asset: try self.srt, amount: units * 10_000_000)], memo: memo)
    }

    /// Successful SRT payments that reached `account`.
    func receipts(_ account: String) async -> [PaymentRecord] {
        let srt = "\(Self.code):\(self.issuer.accountId)"
        return await self.devnet.payments(account: account, PageRequest(cursor: nil, order: .ascending, limit: 200), includeFailed: false)
            .filter { $0.kind == .payment && $0.to == account && $0.asset == srt }
    }

    func srtBalance(_ account: String) async -> Int64? {
        await self.devnet.account(account)?.trustlines.first { $0.asset == "\(Self.code):\(self.issuer.accountId)" }?.balance
    }

    // MARK: transactions

    /// A SEP-24 deposit of 100 SRT (fee 2, out 98) to `account`, waiting for the user's transfer.
    func deposit(to account: String, claimableBalanceSupported: Bool = false, memo: String? = nil) async throws -> CapstanCore.Transaction {
        let transaction = CapstanCore.Transaction(
            kind: .deposit, protocol: .sep24, sub: account, assetCode: Self.code, status: .pendingUserTransferStart, startedAt: Date.now,
            amountIn: Amount("100"), amountOut: Amount("98"), amountFee: Amount("2"), to: account,
            depositMemo: memo, depositMemoType: memo == nil ? nil : .id, claimableBalanceSupported: claimableBalanceSupported)
        try await self.store.transactions.insert(transaction)
        return transaction
    }

    /// Tells the rails the deposit's money arrived (by default exactly what was asked).
    func arrive(_ transaction: CapstanCore.Transaction, amount: String = "100", fee: String? = nil) {
        self.rails.arrive(ArrivedDeposit(
            id: transaction.id, amountIn: Amount(amount)!, amountFee: fee.flatMap { Amount($0) }, externalTransactionID: "bank-\(transaction.id.prefix(8))"))
    }

    func reload(_ transaction: CapstanCore.Transaction) async throws -> CapstanCore.Transaction {
        guard let current = try await self.store.transactions.transaction(id: transaction.id) else { throw FixtureError("\(transaction.id) vanished") }
        return current
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
