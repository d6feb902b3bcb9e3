import CapstanCore
import Synchronization

/// A `Rails` whose answers each test scripts: the bank behind the reference plugin cannot run here.
final class TestRails: Rails {
    struct State {
        var arrived: [String: ArrivedDeposit] = [:]
        var failedDeposits: [String: String] = [:]
        var pollDepositCalls = 0
        /// Answers to `sendPayout`, in order; the last repeats.
        var payoutAnswers: [Result<PayoutResult, RailsError>] = [.success(PayoutResult(status: .pendingExternal, externalTransactionID: "bank-1"))]
        var payoutKeys: [String] = []
        var payoutRequests: [PayoutRequest] = []
        var settled: [String: String?] = [:]
        var failedPayouts: [String: String] = [:]
    }

    let state = Mutex(State())

    func arrive(_ deposit: ArrivedDeposit) { self.state.withLock { $0.arrived[deposit.id] = deposit } }

    func pollDeposits(_ transactions: [Transaction]) async throws(RailsError) -> DepositPoll {
        self.state.withLock { state in
            state.pollDepositCalls += 1
            let ids = Set(transactions.map(\.id))
            return DepositPoll(
                arrived: state.arrived.values.filter { ids.contains($0.id) },
                failed: state.failedDeposits.filter { ids.contains($0.key) }.map { RailsFailure(id: $0.key, message: $0.value) })
        }
    }

    func sendPayout(_ request: PayoutRequest, idempotencyKey: String) async throws(RailsError) -> PayoutResult {
        let answer = self.state.withLock { state in
            state.payoutKeys.append(idempotencyKey)
            state.payoutRequests.append(request)
            return state.payoutAnswers.count > 1 ? state.payoutAnswers.removeFirst() : state.payoutAnswers[0]
        }
        return try answer.get()
    }

    func pollPayouts(_ transactions: [Transaction]) async throws(RailsError) -> PayoutPoll {
        self.state.withLock { state in
            let ids = Set(transactions.map(\.id))
            return PayoutPoll(
                completed: state.settled.filter { ids.contains($0.key) }.map { PayoutPoll.Settled(id: $0.key, externalTransactionID: $0.value) },
                failed: state.failedPayouts.filter { ids.contains($0.key) }.map { RailsFailure(id: $0.key, message: $0.value) })
        }
    }
}

/// Asks for an `after_deposit` notification for every completed deposit, as `PluginNotifications` does when a plugin
/// implements the hook, so worker tests see what the store queues with each completion.
struct AfterDepositNotifier: PluginNotifier {
    func notifications(for transaction: Transaction, previousStatus: TransactionStatus, assetIssuer: String?) throws -> [PluginNotification] {
        guard transaction.status == .completed, transaction.kind.isDeposit else { return [] }
        return [PluginNotification(hook: "after_deposit", body: Array(#"{"id":"\#(transaction.id)"}"#.utf8))]
    }
}
