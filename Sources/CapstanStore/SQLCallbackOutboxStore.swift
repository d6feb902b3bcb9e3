import CapstanCore
import Foundation
import SQLKit

/// `CallbackOutboxStore` over SQL: the `callback_outbox` table, one row per callback to deliver.
struct SQLCallbackOutboxStore: CallbackOutboxStore {
    let executor: any SQLExecutor

    func due(limit: Int, now: Date, leaseUntil: Date?) async throws -> [CallbackDelivery] {
        guard limit > 0 else { return [] }
        let nowMilliseconds = now.storedMilliseconds
        let query: SQLQueryString = """
            SELECT * FROM callback_outbox AS o
            WHERE o.delivered_at IS NULL AND o.gave_up = \(bind: false) AND o.next_attempt_at <= \(bind: nowMilliseconds)
              AND NOT EXISTS (
                SELECT 1 FROM callback_outbox AS e
                WHERE e.transaction_id = o.transaction_id AND e.url = o.url
                  AND e.delivered_at IS NULL AND e.gave_up = \(bind: false) AND e.id < o.id)
            ORDER BY o.next_attempt_at, o.id
            LIMIT \(bind: Int64(limit))
            """
        // Only the oldest open row of each (transaction, URL) qualifies, so a later status waits for an earlier one.
        guard let leaseUntil else {
            return try await self.executor.read { sql in try await sql.raw(query).all().map(Self.delivery(from:)) }
        }
        return try await self.executor.write { sql in
            let rows = try await sql.raw(query).all().map(Self.delivery(from:))
            guard !rows.isEmpty else { return [] }
            try await sql.update("callback_outbox")
                .set("next_attempt_at", to: leaseUntil.storedMilliseconds)
                .where("id", .in, rows.map(\.id))
                .run()
            return rows
        }
    }

    func markDelivered(id: Int64, at: Date) async throws {
        try await self.executor.write { sql in
            try await sql.update("callback_outbox")
                .set("delivered_at", to: at.storedMilliseconds)
                .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
                .set(SQLIdentifier("last_error"), to: SQLLiteral.null)
                .where("id", .equal, id)
                .run()
        }
    }

    func markFailed(id: Int64, error: String, nextAttemptAt: Date, giveUp: Bool) async throws {
        try await self.executor.write { sql in
            try await sql.update("callback_outbox")
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
            try await sql.select().column("*").from("callback_outbox")
                .where("transaction_id", .equal, transactionID)
                .where("delivered_at", .is, SQLLiteral.null)
                .where("gave_up", .equal, false)
                .orderBy("id")
                .all()
                .map(Self.delivery(from:))
        }
    }

    func all(transactionID: String) async throws -> [CallbackDelivery] {
        try await self.executor.read { sql in
            try await sql.select().column("*").from("callback_outbox")
                .where("transaction_id", .equal, transactionID)
                .orderBy("id")
                .all()
                .map(Self.delivery(from:))
        }
    }

    private static func delivery(from sqlRow: any SQLRow) throws -> CallbackDelivery {
        let row = StoredRow(row: sqlRow, table: "callback_outbox")
        return CallbackDelivery(
            id: try row.int64("id"),
            transactionID: try row.string("transaction_id"),
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
