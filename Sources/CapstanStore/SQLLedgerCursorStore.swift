import CapstanCore
import Foundation
import SQLKit

/// `LedgerCursorStore` over the `ledger_cursors` table.
struct SQLLedgerCursorStore: LedgerCursorStore {
    let executor: any SQLExecutor

    func acquire(stream: String, worker: String, leaseSeconds: Int) async throws -> LedgerCursorLease? {
        let now = Date.now.storedMilliseconds
        let until = now + Int64(max(0, leaseSeconds)) * 1000
        return try await self.executor.write { sql in
            try await sql.insert(into: "ledger_cursors").columns("stream", "updated_at").values(stream, now)
                .onConflict(with: ["stream"]) { $0.set(SQLIdentifier("updated_at"), to: SQLRaw("ledger_cursors.updated_at")) }
                .run()
            let taken = try await sql.update("ledger_cursors")
                .set("leased_by", to: worker).set("leased_until", to: until)
                .where("stream", .equal, stream)
                .where(group: {
                    $0.where("leased_until", .is, SQLLiteral.null).orWhere("leased_until", .lessThanOrEqual, now)
                        .orWhere("leased_by", .equal, worker)
                })
                .returning("cursor").all()
            guard let row = taken.first else { return nil }
            return LedgerCursorLease(cursor: try row.decode(column: "cursor", as: String?.self))
        }
    }

    func advance(stream: String, to cursor: String, worker: String) async throws -> Bool {
        let now = Date.now.storedMilliseconds
        return try await self.executor.write { sql in
            try await sql.update("ledger_cursors").set("cursor", to: cursor).set("updated_at", to: now)
                .where("stream", .equal, stream).where("leased_by", .equal, worker)
                .returning("stream").all().count == 1
        }
    }

    func release(stream: String, worker: String) async throws {
        try await self.executor.write { sql in
            try await sql.update("ledger_cursors").set("leased_until", to: SQLLiteral.null)
                .where("stream", .equal, stream).where("leased_by", .equal, worker)
                .run()
        }
    }

    func cursor(stream: String) async throws -> String? {
        try await self.executor.read { sql in
            try await sql.select().column("cursor").from("ledger_cursors").where("stream", .equal, stream)
                .first(decodingColumn: "cursor", as: String?.self) ?? nil
        }
    }
}

extension SQLStore {
    /// Signed Stellar envelopes, stored in the same database transaction as the status they go with.
    public var submissions: any StellarSubmissionStore { self.workerTransactionStore }

    /// The workers' own transaction queries (withdrawal matching, claim extension).
    public var workerTransactions: any WorkerTransactionStore { self.workerTransactionStore }

    /// Durable payment-stream cursors for the payment watcher.
    public var ledgerCursors: any LedgerCursorStore { SQLLedgerCursorStore(executor: self.executor) }

    /// `transactions` is always an `SQLTransactionStore` (built with the store's presenters, which only
    /// `SQLStore.swift` can see); a failed cast would be a programming error in this module.
    private var workerTransactionStore: SQLTransactionStore {
        guard let store = self.transactions as? SQLTransactionStore else {
            preconditionFailure("SQLStore.transactions is not an SQLTransactionStore")
        }
        return store
    }
}
