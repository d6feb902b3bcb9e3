import CapstanCore
import Foundation
import Logging
import SQLKit

/// `TransactionStore` over SQL: one row per transaction in `transactions`, its status history in
/// `transaction_status_history`, wallet callbacks in `callback_outbox`, plugin notifications in
/// `plugin_notification_outbox`.
///
/// The status column is written in exactly two places: the INSERT of a new row (status checked by
/// `TransactionStateMachine.checkInitial`) and `applyChange` (every change checked by `TransactionStateMachine.check`).
struct SQLTransactionStore: TransactionStore {
    let executor: any SQLExecutor
    let presenters: PresenterRegistry
    let logger: Logger

    func insert(_ transaction: Transaction) async throws {
        _ = try await self.insert(transaction, withdrawMemoFor: nil)
    }

    func insertWithdrawal(_ transaction: Transaction, memoAccount account: String) async throws -> Transaction {
        guard transaction.kind.isWithdrawal else { throw TransactionUpdateError.notAWithdrawal(transactionID: transaction.id) }
        return try await self.insert(transaction, withdrawMemoFor: account)
    }

    /// A unique key collided on insert; carries the memo pair, which may have been chosen inside the write.
    private struct InsertCollision: Error {
        let memo: String?
        let account: String?
    }

    private func insert(_ transaction: Transaction, withdrawMemoFor account: String?) async throws -> Transaction {
        try TransactionStateMachine.checkInitial(transaction.status, kind: transaction.kind, protocol: transaction.protocol)
        let executor = self.executor
        do {
            return try await executor.write { sql in
                var stored = transaction
                if let account {
                    stored.withdrawAnchorAccount = account
                    stored.withdrawMemo = try await Self.nextFreeMemo(for: account, transactionID: transaction.id, on: sql)
                    stored.withdrawMemoType = .id
                }
                let row = try TransactionRow.values(of: stored)
                do {
                    try await sql.insert(into: "transactions").columns(row.map(\.0)).values(row.map(\.1)).run()
                } catch let error where executor.isUniqueViolation(error) {
                    throw InsertCollision(memo: stored.withdrawMemo, account: stored.withdrawAnchorAccount)
                }
                try await Self.recordHistory(
                    on: sql, id: stored.id, from: nil, to: stored.status, at: stored.startedAt, cause: "created")
                return stored
            }
        } catch let collision as InsertCollision {
            // Two unique keys can collide; say which. (PostgreSQL aborts the failed transaction, so ask afresh.)
            if try await self.transaction(id: transaction.id) != nil {
                throw StoreError.duplicate("transaction \(transaction.id)")
            }
            throw StoreError.duplicate("withdraw memo \(collision.memo ?? "") for account \(collision.account ?? "")")
        }
    }

    func transaction(id: String) async throws -> Transaction? {
        try await self.executor.read { sql in
            try await sql.select().column("*").from("transactions").where("id", .equal, id).first().map(TransactionRow.transaction(from:))
        }
    }

    func transactions(owner sub: String, limit: Int) async throws -> [Transaction] {
        try await self.transactions(owner: sub, query: TransactionQuery(limit: limit))
    }

    // MARK: wallet-scoped lookups

    func transaction(id: String, owner: String) async throws -> Transaction? {
        try await self.newest(where: "id", equals: id, owner: owner)
    }

    func transaction(stellarTransactionID: String, owner: String) async throws -> Transaction? {
        try await self.newest(where: "stellar_transaction_id", equals: stellarTransactionID, owner: owner)
    }

    func transaction(externalTransactionID: String, owner: String) async throws -> Transaction? {
        try await self.newest(where: "external_transaction_id", equals: externalTransactionID, owner: owner)
    }

    /// Scoped by the exact `sub`: `G…`, `G…:memo` and `M…` are different owners (SEP-24 "Shared, Omnibus, or
    /// Pooled Accounts": the anchor "should use this `sub` attribute in their data model to identify unique users").
    private func newest(where column: String, equals value: String, owner: String) async throws -> Transaction? {
        try await self.executor.read { sql in
            try await sql.select().column("*").from("transactions")
                .where(SQLIdentifier(column), .equal, SQLBind(value))
                .where("sub", .equal, owner)
                .orderBy("started_at", .descending)
                .orderBy("id", .descending)
                .first()
                .map(TransactionRow.transaction(from:))
        }
    }

    func transactions(owner: String, query: TransactionQuery) async throws -> [Transaction] {
        try await self.executor.read { sql in
            guard let select = try await Self.listing(owner: owner, query: query, on: sql, columns: "*") else { return [] }
            return try await sql.raw(select).all().map(TransactionRow.transaction(from:))
        }
    }

    func transactionVersions(owner: String, query: TransactionQuery) async throws -> [TransactionVersion] {
        try await self.executor.read { sql in
            guard let select = try await Self.listing(owner: owner, query: query, on: sql, columns: "id, version") else { return [] }
            return try await sql.raw(select).all().map { row in
                TransactionVersion(id: try row.decode(column: "id", as: String.self), version: try row.decode(column: "version", as: Int64.self))
            }
        }
    }

    func transactions(ids: [String], owner: String) async throws -> [Transaction] {
        guard !ids.isEmpty else { return [] }
        return try await self.executor.read { sql in
            try await sql.select().column("*").from("transactions").where("id", .in, ids).where("sub", .equal, owner)
                .all().map(TransactionRow.transaction(from:))
        }
    }

    /// The SELECT behind a wallet's list, or nil when the query matches nothing (an empty filter, or a `paging_id`
    /// the owner does not have). Written as SQL text rather than with the query builder: wallets poll this list,
    /// and the builder's serialisation cost a tenth of the request.
    private static func listing(
        owner: String, query: TransactionQuery, on sql: any SQLDatabase, columns: String
    ) async throws -> SQLQueryString? {
        guard query.limit > 0 else { return nil }
        if let kinds = query.kinds, kinds.isEmpty { return nil }
        if let protocols = query.protocols, protocols.isEmpty { return nil }
        var select: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM transactions WHERE sub = \(bind: owner)"
        if let pagingID = query.pagingID {
            // SEP-24 `paging_id`: "transactions starting prior to this ID (exclusive)", in the list's own order.
            guard let anchor = try await sql.select().column("started_at").from("transactions")
                .where("id", .equal, pagingID).where("sub", .equal, owner)
                .first(decodingColumn: "started_at", as: Int64.self)
            else { return nil }
            select += " AND (started_at < \(bind: anchor) OR (started_at = \(bind: anchor) AND id < \(bind: pagingID)))"
        }
        if let assetCode = query.assetCode { select += " AND asset_code = \(bind: assetCode)" }
        if let kinds = query.kinds { select += " AND kind IN (\(binds: kinds.map(\.rawValue)))" }
        if let protocols = query.protocols { select += " AND protocol IN (\(binds: protocols.map(\.rawValue)))" }
        if let noOlderThan = query.noOlderThan { select += " AND started_at >= \(bind: noOlderThan.storedMilliseconds)" }
        // `id` breaks ties between equal start times, so paging is stable (index 0011 serves this order).
        select += " ORDER BY started_at DESC, id DESC LIMIT \(bind: query.limit)"
        return select
    }

    // MARK: history

    func history(id: String) async throws -> [TransactionStatusChange] {
        try await self.executor.read { sql in
            try await sql.select().columns("from_status", "to_status", "at", "cause").from("transaction_status_history")
                .where("transaction_id", .equal, id)
                .orderBy("at").orderBy("id")
                .all()
                .map { sqlRow in
                    let row = StoredRow(row: sqlRow, table: "transaction_status_history")
                    return TransactionStatusChange(
                        from: try row.optionalString("from_status").map { raw in
                            guard let status = TransactionStatus(rawValue: raw) else {
                                throw CorruptRowError(table: "transaction_status_history", column: "from_status")
                            }
                            return status
                        },
                        to: try row.enumeration("to_status", as: TransactionStatus.self),
                        at: try row.date("at"),
                        cause: try row.optionalString("cause")
                    )
                }
        }
    }

    static func recordHistory(
        on sql: any SQLDatabase, id: String, from: TransactionStatus?, to: TransactionStatus, at: Date, cause: String
    ) async throws {
        try await sql.insert(into: "transaction_status_history")
            .columns("transaction_id", "from_status", "to_status", "at", "cause")
            .values(id, from?.rawValue, to.rawValue, at.storedMilliseconds, cause)
            .run()
    }
}
