import CapstanCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// What every money-moving worker shares: the stores, the ledger, the rails, and how it identifies itself.
public struct WorkerContext: Sendable {
    public var transactions: any TransactionStore
    public var workerTransactions: any WorkerTransactionStore
    public var submissions: any StellarSubmissionStore
    public var cursors: any LedgerCursorStore
    public var assets: any AssetStore
    public var ledger: any StellarLedger
    public var rails: any Rails
    /// Asked for fees when an arrived amount differs from the requested one; nil uses the asset table.
    public var feeProvider: (any FeeProvider)?
    public var signer: DepositEnvelopeSigner
    /// Unique per worker instance: the name its claims and leases carry.
    public var workerID: String
    /// Rows claimed per pass.
    public var batchSize: Int
    /// How long a claim hides a row from other instances. A pass renews the claims it still holds, so this bounds
    /// how long the rows of an instance that died (SIGKILL, power loss) stay out of reach, not how long a pass takes.
    public var leaseSeconds: Int
    /// Whether a deposit to a missing account first creates it (with `signer.startingBalance`, or the amount itself
    /// for lumens). Off: such deposits go to `error` with a message.
    public var createAccounts: Bool
    public var logger: Logger
    public var now: @Sendable () -> Date

    public init(
        transactions: any TransactionStore, workerTransactions: any WorkerTransactionStore,
        submissions: any StellarSubmissionStore, cursors: any LedgerCursorStore, assets: any AssetStore,
        ledger: any StellarLedger, rails: any Rails, feeProvider: (any FeeProvider)? = nil, signer: DepositEnvelopeSigner,
        workerID: String = WorkerContext.newWorkerID(), batchSize: Int = 50, leaseSeconds: Int = 30,
        createAccounts: Bool = true, logger: Logger, now: @escaping @Sendable () -> Date = { Date.now }
    ) {
        self.transactions = transactions
        self.workerTransactions = workerTransactions
        self.submissions = submissions
        self.cursors = cursors
        self.assets = assets
        self.ledger = ledger
        self.rails = rails
        self.feeProvider = feeProvider
        self.signer = signer
        self.workerID = workerID
        self.batchSize = max(1, batchSize)
        self.leaseSeconds = max(1, leaseSeconds)
        self.createAccounts = createAccounts
        self.logger = logger
        self.now = now
    }

    /// A fresh instance name: distinct across processes and restarts.
    public static func newWorkerID() -> String { "worker-" + UUID().uuidString.lowercased() }

    /// The configured asset, or `WorkerError.unknownAsset`.
    func asset(_ code: String) async throws -> Asset {
        guard let asset = try await self.assets.asset(code: code) else { throw WorkerError.unknownAsset(code) }
        return asset
    }

    /// Releases a claim, logging (not throwing) a failure: the lease runs out on its own anyway.
    func release(_ id: String) async {
        do { try await self.transactions.release(id: id, worker: self.workerID) } catch {
            self.logger.warning("claim not released; it will expire", metadata: ["transaction_id": "\(id)", "error": "\(error)"])
        }
    }
}
