import CapstanCore
import Foundation
import SQLKit

extension SQLTransactionStore {
    /// Leases rows to one worker. On SQLite the select and the update share the one writer's transaction, so no
    /// other claim can run between them; on PostgreSQL `FOR UPDATE` locks the selected rows (SQLite's dialect drops
    /// the clause), and the UPDATE re-checks the lease either way, so a row is never handed to two workers at once.
    func claim(status: TransactionStatus, kinds: [TransactionKind], limit: Int, leaseSeconds: Int, worker: String) async throws
        -> [Transaction]
    {
        guard limit > 0, !kinds.isEmpty else { return [] }
        let now = Date.now.storedMilliseconds
        let until = now + Int64(max(0, leaseSeconds)) * 1000
        return try await self.executor.write { sql in
            let ids = try await sql.select().column("id").from("transactions")
                .where("status", .equal, status.rawValue)
                .where("kind", .in, kinds.map(\.rawValue))
                .where(group: { Self.isFree($0, now: now) })
                .orderBy("updated_at").orderBy("id")
                .limit(limit)
                .for(.update)
                .all(decodingColumn: "id", as: String.self)
            guard !ids.isEmpty else { return [] }
            let claimed = try await sql.update("transactions")
                .set("claimed_by", to: worker)
                .set("claimed_until", to: until)
                .where("id", .in, ids)
                .where(group: { Self.isFree($0, now: now) })
                .returning("*")
                .all()
                .map(TransactionRow.transaction(from:))
            let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            return claimed.sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
        }
    }

    func release(id: String, worker: String) async throws -> Bool {
        try await self.executor.write { sql in
            try await sql.update("transactions")
                .set(SQLIdentifier("claimed_by"), to: SQLLiteral.null)
                .set(SQLIdentifier("claimed_until"), to: SQLLiteral.null)
                .where("id", .equal, id)
                .where("claimed_by", .equal, worker)
                .returning("id")
                .all()
                .count == 1
        }
    }

    private static func isFree(_ group: SQLPredicateGroupBuilder, now: Int64) -> SQLPredicateGroupBuilder {
        group.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThanOrEqual, now)
    }
}
