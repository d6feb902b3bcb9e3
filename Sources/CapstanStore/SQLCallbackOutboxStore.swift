import CapstanCore
import Foundation
import SQLKit

/// `CallbackOutboxStore` over SQL, one row per callback to deliver: `callback_outbox` (per transaction),
/// `customer_callback_outbox` (SEP-12, per customer) or `plugin_notification_outbox` (per transaction, to a hook),
/// which share every column but the subject's.
struct SQLCallbackOutboxStore: CallbackOutboxStore {
    /// Where one kind of callback is queued.
    struct Table: Sendable {
        let name: String
        /// The column naming what the callback is about; ordering is per (subject, URL).
        let subject: String

        static let transactions = Table(name: "callback_outbox", subject: "transaction_id")
        static let customers = Table(name: "customer_callback_outbox", subject: "customer_id")
        /// Plugin notifications: `url` holds the hook's name, so they are ordered per (transaction, hook).
        static let pluginNotifications = Table(name: "plugin_notification_outbox", subject: "transaction_id")

        /// Adds one row, due at once, inside the caller's write transaction.
        func insert(subject: String, url: String, body: String, now: Date, on sql: any SQLDatabase) async throws {
            try await sql.insert(into: self.name)
                .columns(self.subject, "url", "body", "created_at", "attempts", "next_attempt_at", "gave_up")
                .values(subject, url, body, now.storedMilliseconds, Int64(0), now.storedMilliseconds, false)
                .run()
        }
    }

    let executor: any SQLExecutor
    var table: Table = .transactions

    func due(limit: Int, now: Date, leaseUntil: Date?) async throws -> [CallbackDelivery] {
        guard limit > 0 else { return [] }
        let nowMilliseconds = now.storedMilliseconds
        let query: SQLQueryString = """
            SELECT * FROM \(ident: self.table.name) AS o
            WHERE o.delivered_at IS NULL AND o.gave_up = \(bind: false) AND o.next_attempt_at <= \(bind: nowMilliseconds)
              AND NOT EXISTS (
                SELECT 1 FROM \(ident: self.table.name) AS e
                WHERE e.\(ident: self.table.subject) = o.\(ident: self.table.subject) AND e.url = o.url
                  AND e.delivered_at IS NULL AND e.gave_up = \(bind: false) AND e.id < o.id)
            ORDER BY o.next_attempt_at, o.id
            LIMIT \(bind: Int64(limit))
            """
        // Only the oldest open row of each (subject, URL) qualifies, so a later status waits for an earlier one.
        let table = self.table
        guard let leaseUntil else {
            return try await self.executor.read { sql in try await sql.raw(query).all().map { try Self.delivery(from: $0, table) } }
        }
        return try await self.executor.write { sql in
            let rows = try await sql.raw(query).all().map { try Self.delivery(from: $0, table) }
            guard !rows.isEmpty else { return [] }
            try await sql.update(self.table.name)
                .set("next_attempt_at", to: leaseUntil.storedMilliseconds)
                .where("id", .in, rows.map(\.id))
                .run()
            return rows
        }
    }

    func markDelivered(id: Int64, at: Date) async throws {
        try await self.executor.write { sql in
            try await sql.update(self.table.name)
                .set("delivered_at", to: at.storedMilliseconds)
                .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
                .set(SQLIdentifier("last_error"), to: SQLLiteral.null)
                .where("id", .equal, id)
                .run()
        }
    }

    func markFailed(id: Int64, error: String, nextAttemptAt: Date, giveUp: Bool) async throws {
        try await self.executor.write { sql in
            try await sql.update(self.table.name)
                .set("last_error", to: String(error.prefix(500)))
                .set("next_attempt_at", to: nextAttemptAt.storedMilliseconds)
                .set("gave_up", to: giveUp)
                .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
                .where("id", .equal, id)
                .run()
        }
    }

    func pending(transactionID: String) async throws -> [CallbackDelivery] {
        try await self.executor.read { sql in
            try await sql.select().column("*").from(self.table.name)
                .where(SQLIdentifier(self.table.subject), .equal, transactionID)
                .where("delivered_at", .is, SQLLiteral.null)
                .where("gave_up", .equal, false)
                .orderBy("id")
                .all()
                .map { [table] in try Self.delivery(from: $0, table) }
        }
    }

    func all(transactionID: String) async throws -> [CallbackDelivery] {
        try await self.executor.read { sql in
            try await sql.select().column("*").from(self.table.name)
                .where(SQLIdentifier(self.table.subject), .equal, transactionID)
                .orderBy("id")
                .all()
                .map { [table] in try Self.delivery(from: $0, table) }
        }
    }

    /// Queues one callback about `subject`, due now (used for SEP-12; transaction callbacks are queued by `update`).
    func enqueue(subject: String, url: String, body: String, now: Date) async throws {
        try await self.executor.write { sql in try await self.table.insert(subject: subject, url: url, body: body, now: now, on: sql) }
    }

    private static func delivery(from sqlRow: any SQLRow, _ table: Table) throws -> CallbackDelivery {
        let row = StoredRow(row: sqlRow, table: table.name)
        return CallbackDelivery(
            id: try row.int64("id"),
            transactionID: try row.string(table.subject),
            url: try row.string("url"),
            body: try row.string("body"),
            createdAt: try row.date("created_at"),
            attempts: Int(try row.int64("attempts")),
            nextAttemptAt: try row.date("next_attempt_at"),
            deliveredAt: try row.optionalDate("delivered_at"),
            lastError: try row.optionalString("last_error"),
            gaveUp: try row.bool("gave_up")
        )
    }
}

extension SQLCallbackOutboxStore: CustomerCallbackQueue {
    func enqueue(customerID: String, url: String, body: String, now: Date) async throws {
        try await self.enqueue(subject: customerID, url: url, body: body, now: now)
    }
}
