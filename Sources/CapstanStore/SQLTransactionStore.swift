import CapstanCore
import SQLKit

/// `TransactionStore` over SQL: one row per transaction in `transactions`.
struct SQLTransactionStore: TransactionStore {
    let executor: any SQLExecutor

    func insert(_ transaction: Transaction) async throws {
        let row = try TransactionRow.values(of: transaction)
        do {
            try await self.executor.write { sql in
                try await sql.insert(into: "transactions").columns(row.map(\.0)).values(row.map(\.1)).run()
            }
        } catch let error where self.executor.isUniqueViolation(error) {
            // Two unique keys can collide; say which. (PostgreSQL aborts the failed transaction, so ask afresh.)
            if try await self.transaction(id: transaction.id) != nil {
                throw StoreError.duplicate("transaction \(transaction.id)")
            }
            throw StoreError.duplicate(
                "withdraw memo \(transaction.withdrawMemo ?? "") for account \(transaction.withdrawAnchorAccount ?? "")"
            )
        }
    }

    func transaction(id: String) async throws -> Transaction? {
        try await self.executor.read { sql in
            try await sql.select().column("*").from("transactions").where("id", .equal, id).first().map(TransactionRow.transaction(from:))
        }
    }

    func transactions(owner sub: String, limit: Int) async throws -> [Transaction] {
        guard limit > 0 else { return [] }
        return try await self.executor.read { sql in
            try await sql.select().column("*").from("transactions")
                .where("sub", .equal, sub)
                .orderBy("started_at", .descending)
                .orderBy("id", .descending)                          // a stable order for equal start times
                .limit(limit)
                .all()
                .map(TransactionRow.transaction(from:))
        }
    }
}
