import CapstanCore
import Logging
import ServiceLifecycle

/// One pass of a money-moving worker: claims what is due, acts on it, and says how many rows it handled.
public protocol MoneyWorker: Sendable {
    /// The worker's CLI name (`pending-deposits`, `watch-payments`, …).
    var name: String { get }
    /// Runs one pass. Errors about single rows are logged inside; a thrown error means the pass could not run.
    @discardableResult
    func runOnce() async throws -> Int
    /// Gives back what the worker holds beyond its rows (the watcher's stream leases) when it stops gracefully.
    func stop() async
}

extension MoneyWorker {
    public func stop() async {}
}

/// Runs a `MoneyWorker` pass after pass, as a service of `capstan serve` or alone under `capstan worker`.
public struct PeriodicWorkerService: Service {
    let worker: any MoneyWorker
    let interval: Duration
    let logger: Logger

    public init(_ worker: any MoneyWorker, interval: Duration, logger: Logger) {
        self.worker = worker
        self.interval = interval
        self.logger = logger
    }

    /// Passes until graceful shutdown or cancellation; a pass in hand finishes, only the wait is cut short.
    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await self.worker.runOnce()
            } catch {
                // Returning would stop the whole service group: log and try again next pass.
                self.logger.error("worker pass failed", metadata: ["worker": "\(self.worker.name)", "error": "\(String(reflecting: error))"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            } catch {
                break
            }
        }
        await self.worker.stop()
    }
}

extension WorkerContext {
    /// Runs `body` for one claimed transaction, logging its failure so the others still get their turn, and always
    /// releasing the claim afterwards unless `body` extended it on purpose.
    ///
    /// Meanwhile the claims of the rows not yet handled are renewed every third of the lease: a pass may outlast
    /// one lease (slow submissions), while the lease stays short enough that a killed instance's rows (its claims
    /// are never released) come back to the others within `leaseSeconds`.
    func each(_ transactions: [Transaction], worker: String, _ body: @Sendable (Transaction) async throws -> ReleaseChoice) async {
        let waiting = ClaimsInHand(transactions.map(\.id))
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.renewClaims(waiting) }
            for transaction in transactions {
                var choice = ReleaseChoice.release
                do {
                    choice = try await body(transaction)
                } catch {
                    self.logger.error("transaction not processed; will retry", metadata: [
                        "worker": "\(worker)", "transaction_id": "\(transaction.id)", "error": "\(String(reflecting: error))",
                    ])
                }
                // Out of the renewal before the claim is released or kept: a renewal racing a `.keep` extension can at
                // worst cut it to one lease, which only brings the row back sooner.
                await waiting.remove(transaction.id)
                if choice == .release { await self.release(transaction.id) }
            }
            group.cancelAll()
        }
    }

    private func renewClaims(_ waiting: ClaimsInHand) async {
        let period = Duration.milliseconds(Int64(self.leaseSeconds) * 1000 / 3)
        while !Task.isCancelled {
            do { try await Task.sleep(for: period) } catch { return }
            for id in await waiting.ids {
                guard await waiting.contains(id) else { continue }
                do {
                    try await self.workerTransactions.extendClaim(id: id, worker: self.workerID, seconds: self.leaseSeconds)
                } catch {
                    self.logger.warning("claim not renewed; another instance may take the row", metadata: [
                        "transaction_id": "\(id)", "error": "\(error)",
                    ])
                }
            }
        }
    }
}

/// The claimed rows of a pass not yet handled, shared by the pass and its lease renewal.
private actor ClaimsInHand {
    private(set) var ids: [String]

    init(_ ids: [String]) { self.ids = ids }

    func remove(_ id: String) { self.ids.removeAll { $0 == id } }

    func contains(_ id: String) -> Bool { self.ids.contains(id) }
}

/// What happens to a claim after its row was handled.
enum ReleaseChoice: Sendable {
    /// Free for the next pass of any instance.
    case release
    /// Left to run out (the body extended it, e.g. as a retry back-off).
    case keep
}
