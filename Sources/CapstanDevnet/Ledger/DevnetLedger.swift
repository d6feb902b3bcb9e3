import Foundation
import Logging
import StellarKit

/// The devnet's ledger: validates submissions, closes ledgers, keeps history and tells streams about new ledgers.
///
/// Submissions wait for the ledger they are in to close, as Horizon's synchronous submit does. With
/// `closesOnSubmit` every accepted submission closes a ledger at once (fast tests); otherwise `LedgerCloser`
/// calls `closeLedger()` on its interval and submissions wait up to one interval.
public actor DevnetLedger {
    /// The network's constants.
    public nonisolated let parameters: DevnetParameters
    /// Whether each accepted submission closes a ledger immediately.
    public nonisolated let closesOnSubmit: Bool

    private var state: LedgerState
    private var transactionIndex: [String: Int] = [:]
    private var pending: [Pending] = []
    private var subscribers: [Int: AsyncStream<UInt32>.Continuation] = [:]
    private var nextSubscriberID = 0
    private let stateFile: StateFile?
    private let clock: @Sendable () -> UInt64
    private let logger: Logger

    private struct Pending {
        var frame: TransactionFrame
        var waiters: [CheckedContinuation<SubmissionResult, Never>]
    }

    /// A ledger loaded from `stateFile` when it exists, else a fresh genesis ledger.
    /// - Parameters:
    ///   - clock: Unix seconds (default: the system clock); ledgers close at `max(clock(), previous close time)`.
    public init(
        parameters: DevnetParameters = DevnetParameters(), closesOnSubmit: Bool, stateFile: StateFile? = nil,
        clock: (@Sendable () -> UInt64)? = nil, logger: Logger = Logger(label: "capstan.devnet")
    ) throws(DevnetError) {
        self.parameters = parameters
        self.closesOnSubmit = closesOnSubmit
        self.stateFile = stateFile
        let clock = clock ?? { HorizonTime.now() }
        self.clock = clock
        self.logger = logger
        if let stateFile, let saved = try stateFile.load() {
            guard saved.networkPassphrase == parameters.network.passphrase else {
                throw .otherNetwork(stateFile.path, saved.networkPassphrase)
            }
            self.state = saved
        } else {
            self.state = .genesis(parameters: parameters, closeTime: clock())
        }
        for (index, record) in self.state.transactions.enumerated() { self.transactionIndex[record.hash] = index }
    }

    // MARK: submitting

    /// Validates and queues a base64 `TransactionEnvelope`, returning once its ledger has closed (or it was refused).
    func submit(envelopeXDR: String) async -> SubmissionResult {
        guard let envelope = try? TransactionEnvelope(xdrBase64: envelopeXDR),
            let frame = try? TransactionFrame(envelope: envelope, envelopeXDR: envelopeXDR, network: self.parameters.network)
        else { return .malformed(envelopeXDR: envelopeXDR) }
        return await self.submit(frame)
    }

    /// Friendbot: creates and funds `address` from the root account with an ordinary CreateAccount transaction.
    func fund(_ address: String) async -> FriendbotResult {
        guard let destination = try? PublicKey(strKey: address) else { return .invalidAddress }
        guard self.state.entries.accounts[address] == nil else { return .alreadyFunded(accountID: address) }
        let root = self.parameters.rootKeyPair
        let sequence = self.pendingSequence(of: root.accountId) ?? self.state.entries.accounts[root.accountId]?.sequence ?? 0
        let transaction = Transaction(
            sourceAccount: MuxedAccount(ed25519: root.publicKey), fee: UInt32(self.parameters.baseFee), sequenceNumber: sequence + 1,
            operations: [.createAccount(destination: destination, startingBalance: self.parameters.friendbotStartingBalance)]
        )
        do {
            let envelope = try TransactionEnvelope(transaction).signed(with: root, network: self.parameters.network)
            let frame = try TransactionFrame(envelope: envelope, envelopeXDR: try envelope.xdrBase64, network: self.parameters.network)
            return .submitted(await self.submit(frame))
        } catch {
            // A one-operation transaction always encodes; reaching this is a bug, reported as malformed.
            return .submitted(.malformed(envelopeXDR: ""))
        }
    }

    private func submit(_ frame: TransactionFrame) async -> SubmissionResult {
        let hash = frame.hashHex
        // Horizon answers a resubmission with the result it already has.
        if let index = self.transactionIndex[hash] { return .applied(self.state.transactions[index]) }
        if let position = self.pending.firstIndex(where: { $0.frame.hashHex == hash }) {
            return await withCheckedContinuation { self.pending[position].waiters.append($0) }
        }
        let moment = TransactionValidator.Moment(
            ledgerSequence: self.state.header.sequence + 1, closeTime: max(self.clock(), self.state.header.closedAt)
        )
        let validator = TransactionValidator(parameters: self.parameters)
        if let refusal = validator.refusal(of: frame, entries: self.state.entries, at: moment, pendingSequence: { self.pendingSequence(of: $0) }) {
            return .rejected(envelopeXDR: frame.envelopeXDR, outcome: refusal)
        }
        return await withCheckedContinuation { continuation in
            self.pending.append(Pending(frame: frame, waiters: [continuation]))
            if self.closesOnSubmit { self.closeLedger() }
        }
    }

    /// The sequence number `account` will have once the queued transactions apply, if any of them is its.
    private func pendingSequence(of account: String) -> Int64? {
        self.pending.last { $0.frame.transaction.sourceAccount.accountId == account }?.frame.transaction.sequenceNumber
    }

    // MARK: closing ledgers

    /// Closes the next ledger with every queued transaction, persists it when it holds any, answers their
    /// submitters and wakes streams. Transactions that became invalid while queued are refused, uncharged.
    public func closeLedger() {
        let sequence = self.state.header.sequence + 1
        let closeTime = max(self.clock(), self.state.header.closedAt)
        let batch = self.pending
        self.pending = []
        let validator = TransactionValidator(parameters: self.parameters)
        let applier = TransactionApplier(parameters: self.parameters)
        var entries = self.state.entries
        var answers: [(Pending, SubmissionResult)] = []
        var header = LedgerHeader(
            sequence: sequence, hash: "", previousHash: self.state.header.hash, closedAt: closeTime, successfulTransactionCount: 0,
            failedTransactionCount: 0, operationCount: 0, totalCoins: self.state.header.totalCoins, feePool: self.state.header.feePool
        )
        var hashInput = Array(header.previousHash.utf8) + Array("\(sequence):\(closeTime)".utf8)
        for item in batch {
            let moment = TransactionValidator.Moment(ledgerSequence: sequence, closeTime: closeTime)
            if let refusal = validator.refusal(of: item.frame, entries: entries, at: moment) {
                answers.append((item, .rejected(envelopeXDR: item.frame.envelopeXDR, outcome: refusal)))
                continue
            }
            let order = UInt32(header.successfulTransactionCount + header.failedTransactionCount + 1)
            let applied = applier.apply(item.frame, entries: &entries, ledger: sequence, closeTime: closeTime, order: order)
            if applied.record.successful { header.successfulTransactionCount += 1 } else { header.failedTransactionCount += 1 }
            header.operationCount += applied.record.operationCount
            header.feePool += applied.outcome.feeCharged
            hashInput += item.frame.hash
            self.transactionIndex[applied.record.hash] = self.state.transactions.count
            self.state.transactions.append(applied.record)
            self.state.payments.append(contentsOf: applied.payments)
            answers.append((item, .applied(applied.record)))
        }
        header.hash = Hex.encode(StellarHash.sha256(hashInput))
        self.state.entries = entries
        self.state.header = header
        self.state.recentLedgers.append(header)
        if self.state.recentLedgers.count > LedgerState.recentLedgerLimit {
            self.state.recentLedgers.removeFirst(self.state.recentLedgers.count - LedgerState.recentLedgerLimit)
        }
        if header.successfulTransactionCount + header.failedTransactionCount > 0 { self.persist() }
        for (item, result) in answers {
            for waiter in item.waiters { waiter.resume(returning: result) }
        }
        for subscriber in self.subscribers.values { subscriber.yield(sequence) }
    }

    /// Writes the state file now (also done on shutdown, so empty ledgers closed since the last write are kept).
    public func persist() {
        guard let stateFile else { return }
        do {
            try stateFile.save(self.state)
        } catch {
            self.logger.error("devnet state not saved", metadata: ["error": "\(error)"])
        }
    }

    // MARK: streams

    /// Yields each newly closed ledger's sequence number until `finishStreams()` or the consumer stops.
    func ledgerUpdates() -> AsyncStream<UInt32> {
        let id = self.nextSubscriberID
        self.nextSubscriberID += 1
        let (stream, continuation) = AsyncStream<UInt32>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        self.subscribers[id] = continuation
        return stream
    }

    private func unsubscribe(_ id: Int) {
        self.subscribers[id] = nil
    }

    /// How many submissions wait for the next ledger.
    var pendingCount: Int { self.pending.count }

    /// How many streams are listening.
    var streamCount: Int { self.subscribers.count }

    /// Ends every stream, so that server-sent-event responses can finish (on shutdown).
    public func finishStreams() {
        for subscriber in self.subscribers.values { subscriber.finish() }
        self.subscribers = [:]
    }

    // MARK: reading

    var latestLedger: LedgerHeader { self.state.header }

    func ledgers(_ request: PageRequest) -> [LedgerHeader] {
        self.state.recentLedgers.page(request, id: { Int64($0.sequence) }, where: { _ in true })
    }

    func ledger(_ sequence: UInt32) -> LedgerHeader? {
        self.state.recentLedgers.last { $0.sequence == sequence }
    }

    func account(_ id: String) -> AccountEntry? {
        self.state.entries.accounts[id]
    }

    func transaction(_ hash: String) -> TransactionRecord? {
        self.transactionIndex[hash].map { self.state.transactions[$0] }
    }

    /// Transactions, all or those `account` took part in.
    func transactions(account: String?, _ request: PageRequest, includeFailed: Bool) -> [TransactionRecord] {
        self.state.transactions.page(request, id: \.pagingToken) { record in
            (includeFailed || record.successful) && (account == nil || record.participants.contains(account ?? ""))
        }
    }

    /// Payment-family operations: all, those `account` took part in, or those of one transaction.
    func payments(account: String?, transaction: String? = nil, _ request: PageRequest, includeFailed: Bool) -> [PaymentRecord] {
        self.state.payments.page(request, id: \.id) { record in
            // A transaction's own operations are listed even when it failed, as Horizon does.
            (includeFailed || transaction != nil || record.transactionSuccessful)
                && (account == nil || record.participants.contains(account ?? ""))
                && (transaction == nil || record.transactionHash == transaction)
        }
    }

    /// The payment-family operation with this id.
    func payment(_ id: Int64) -> PaymentRecord? {
        self.state.payments.page(PageRequest(cursor: id - 1, order: .ascending, limit: 1), id: \.id) { _ in true }.first.flatMap {
            $0.id == id ? $0 : nil
        }
    }

    /// The transactions of `records`, by hash, for `join=transactions`.
    func transactions(of records: [PaymentRecord]) -> [String: TransactionRecord] {
        var found: [String: TransactionRecord] = [:]
        for record in records where found[record.transactionHash] == nil {
            found[record.transactionHash] = self.transaction(record.transactionHash)
        }
        return found
    }

    /// Claimable balances `claimant` may claim (or all), in id order after `cursor`.
    func claimableBalances(claimant: String?, sponsor: String?, after cursor: String?, limit: Int) -> [ClaimableBalanceEntry] {
        self.state.entries.claimableBalances.values
            .filter { balance in
                (claimant == nil || balance.claimants.contains { $0.destination == claimant })
                    && (sponsor == nil || balance.sponsor == sponsor) && (cursor == nil || balance.id > cursor ?? "")
            }
            .sorted { $0.id < $1.id }
            .prefix(limit)
            .map(\.self)
    }

    func claimableBalance(_ id: String) -> ClaimableBalanceEntry? {
        self.state.entries.claimableBalances[id]
    }

    /// The first id a stream with `cursor=now` may send: anything in a ledger after the last closed one.
    var nowCursor: Int64 { OperationID.ledgerStart(self.state.header.sequence + 1) - 1 }
}
