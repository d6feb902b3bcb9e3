import CapstanCore
import Foundation
import Logging
import SQLKit

extension SQLTransactionStore {
    func update(
        id: String, expectedVersion: Int64?, cause: String, _ change: @Sendable (inout Transaction) throws -> Void
    ) async throws -> Transaction {
        let now = Date(storedMilliseconds: Date.now.storedMilliseconds)   // what a re-read returns
        return try await self.executor.write { sql in
            try await self.applyChange(on: sql, id: id, expectedVersion: expectedVersion, cause: cause, now: now, change)
        }
    }

    func assignWithdrawMemo(id: String, account: String) async throws -> Transaction {
        let now = Date(storedMilliseconds: Date.now.storedMilliseconds)
        return try await self.executor.write { sql in
            guard let current = try await Self.load(id: id, on: sql) else { throw StoreError.notFound("transaction \(id)") }
            guard current.kind.isWithdrawal else {
                throw TransactionUpdateError.notAWithdrawal(transactionID: id)
            }
            if current.withdrawMemo != nil {
                guard current.withdrawAnchorAccount == account else {
                    throw TransactionUpdateError.memoForAnotherAccount(current.withdrawAnchorAccount ?? "", transactionID: id)
                }
                return current                                      // asked twice: the memo already given stands
            }
            let memo = try await Self.nextFreeMemo(for: account, transactionID: id, on: sql)
            return try await self.applyChange(on: sql, id: id, expectedVersion: current.version, cause: "withdraw memo assigned", now: now) {
                $0.withdrawAnchorAccount = account
                $0.withdrawMemo = memo
                $0.withdrawMemoType = .id
            }
        }
    }

    /// The next counter value for `account` whose memo no transaction holds yet.
    ///
    /// The counter row is bumped inside the caller's write transaction, so two assignments can never read the same
    /// value (SQLite has one writer; PostgreSQL's row lock on the upsert does the same). Memos set by hand may sit on
    /// the counter's path, so a taken value is skipped rather than trusted to the unique index, whose violation
    /// would abort a PostgreSQL transaction.
    static func nextFreeMemo(for account: String, transactionID: String, on sql: any SQLDatabase) async throws -> String {
        for _ in 0..<1_000 {
            let value = try await sql.insert(into: "withdraw_memo_counters")
                .columns("account", "last_memo")
                .values(account, Int64(1))
                .onConflict(with: ["account"]) { $0.set(SQLIdentifier("last_memo"), to: SQLRaw("withdraw_memo_counters.last_memo + 1")) }
                .returning("last_memo")
                .first(decodingColumn: "last_memo", as: Int64.self)
            guard let value else { throw StoreError.notFound("withdraw memo counter \(account)") }
            let memo = String(value)
            let taken = try await sql.select().column("id").from("transactions")
                .where("withdraw_anchor_account", .equal, account).where("withdraw_memo", .equal, memo)
                .first() != nil
            if !taken { return memo }
        }
        throw TransactionUpdateError.memoSpaceExhausted(transactionID: transactionID)
    }

    /// The one code path that changes a stored transaction, run inside the caller's write transaction.
    func applyChange(
        on sql: any SQLDatabase, id: String, expectedVersion: Int64?, cause: String, now: Date,
        _ change: @Sendable (inout Transaction) throws -> Void
    ) async throws -> Transaction {
        guard let old = try await Self.load(id: id, on: sql) else { throw StoreError.notFound("transaction \(id)") }
        if let expectedVersion, expectedVersion != old.version {
            throw StoreError.conflict("transaction \(id): expected version \(expectedVersion), found \(old.version)")
        }
        var new = old
        try change(&new)
        try Self.refuseImmutableChanges(old: old, new: new)
        if new.status != old.status {
            try TransactionStateMachine.check(from: old.status, to: new.status, kind: old.kind, protocol: old.protocol)
        }
        new.version = old.version + 1
        new.updatedAt = now
        new.completedAt = Self.completionStatuses.contains(new.status) && new.status != old.status ? now : old.completedAt

        let update = sql.update("transactions")
        for (column, value) in try TransactionRow.values(of: new) where column != "id" { update.set(column, to: value) }
        // The version guard makes two writers that read the same version unable to both win, whatever the engine's
        // isolation: the loser matches no row.
        let written = try await update.where("id", .equal, id).where("version", .equal, old.version).returning("id").all()
        guard written.count == 1 else { throw StoreError.conflict("transaction \(id): changed concurrently") }

        if new.status != old.status {
            try await Self.recordHistory(on: sql, id: id, from: old.status, to: new.status, at: now, cause: cause)
        }
        // SEP-24 `on_change_callback`: "on every status change or `kyc_verified` change".
        if new.status != old.status || new.kycVerified != old.kycVerified {
            try await self.enqueueCallbacks(for: new, previousStatus: old.status, on: sql, now: now)
        }
        if new.status != old.status {
            try await self.enqueuePluginNotifications(for: new, previousStatus: old.status, on: sql, now: now)
        }
        return new
    }

    /// SEP-24 `completed_at`: "The date and time of transaction reaching `completed` or `refunded` status."
    static let completionStatuses: Set<TransactionStatus> = [.completed, .refunded]

    static func load(id: String, on sql: any SQLDatabase) async throws -> Transaction? {
        try await sql.select().column("*").from("transactions").where("id", .equal, id).first().map(TransactionRow.transaction(from:))
    }

    private static func refuseImmutableChanges(old: Transaction, new: Transaction) throws(TransactionUpdateError) {
        let fixed: [(String, Bool)] = [
            ("id", old.id == new.id), ("sub", old.sub == new.sub), ("kind", old.kind == new.kind),
            ("protocol", old.protocol == new.protocol), ("version", old.version == new.version),
        ]
        if let (name, _) = fixed.first(where: { !$0.1 }) {
            throw .immutableField(name, transactionID: old.id)
        }
    }

    /// Adds one outbox row per distinct callback URL of the transaction, rendered by its protocol's presenter.
    ///
    /// A presenter that throws is logged and skipped rather than failing the update: money must keep moving even
    /// if a wallet notification cannot be rendered. Without a presenter nothing is enqueued (logged once).
    private func enqueueCallbacks(for transaction: Transaction, previousStatus: TransactionStatus, on sql: any SQLDatabase, now: Date) async throws {
        let urls = CallbackURLs.of(transaction, previousStatus: previousStatus)
        guard !urls.isEmpty, let presenter = self.presenters.presenter(for: transaction.protocol, logger: self.logger) else { return }
        let body: [UInt8]
        do {
            body = try presenter.callbackBody(for: transaction)
        } catch {
            self.logger.error("callback body could not be rendered; no callback enqueued", metadata: [
                "transaction_id": "\(transaction.id)", "error": "\(String(reflecting: error))",
            ])
            return
        }
        let text = String(decoding: body, as: UTF8.self)
        for url in urls {
            try await SQLCallbackOutboxStore.Table.transactions.insert(subject: transaction.id, url: url, body: text, now: now, on: sql)
        }
    }

    /// Adds the plugin notifications the registered notifier asks for, in the caller's write transaction. Like a
    /// callback that cannot be rendered, a notifier that throws is logged and skipped: money keeps moving.
    private func enqueuePluginNotifications(
        for transaction: Transaction, previousStatus: TransactionStatus, on sql: any SQLDatabase, now: Date
    ) async throws {
        guard let notifier = self.presenters.notifier else { return }
        let issuer = try await sql.select().column("issuer").from("assets").where("code", .equal, transaction.assetCode)
            .first(decodingColumn: "issuer", as: String?.self) ?? nil
        let notifications: [PluginNotification]
        do {
            notifications = try notifier.notifications(for: transaction, previousStatus: previousStatus, assetIssuer: issuer)
        } catch {
            self.logger.error("plugin notification could not be rendered; none queued", metadata: [
                "transaction_id": "\(transaction.id)", "error": "\(String(reflecting: error))",
            ])
            return
        }
        for notification in notifications {
            try await SQLCallbackOutboxStore.Table.pluginNotifications.insert(
                subject: transaction.id, url: notification.hook, body: String(decoding: notification.body, as: UTF8.self), now: now, on: sql)
        }
    }
}
