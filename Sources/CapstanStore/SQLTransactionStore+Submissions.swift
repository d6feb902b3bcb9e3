import CapstanCore
import Foundation
import SQLKit

/// Envelope bookkeeping rides on `SQLTransactionStore` so that storing an envelope and moving its transaction share
/// one write transaction and the one update path (`applyChange`, with its state machine check and history).
extension SQLTransactionStore: StellarSubmissionStore {
    func recordSubmission(
        transactionID: String, expectedVersion: Int64?, purpose: StellarSubmission.Purpose, sourceAccount: String,
        ledgerSequence: Int64, voiding: String?,
        sign: @Sendable (_ sequence: Int64, _ transaction: Transaction) throws -> SignedEnvelope,
        steps: [TransactionChange]
    ) async throws -> (Transaction, StellarSubmission) {
        let now = Date(storedMilliseconds: Date.now.storedMilliseconds)
        return try await self.executor.write { sql in
            if let voiding {
                let voided = try await sql.update("stellar_submissions")
                    .set("state", to: StellarSubmission.State.void.rawValue)
                    .set("resolved_at", to: now.storedMilliseconds)
                    .set("result", to: "replaced: known never to land")
                    .where("hash", .equal, voiding).where("transaction_id", .equal, transactionID)
                    .where("state", .equal, StellarSubmission.State.pending.rawValue)
                    .returning("hash").all()
                guard voided.count == 1 else { throw StoreError.conflict("submission \(voiding) is no longer pending") }
            }
            let transaction = try await self.applySteps(on: sql, id: transactionID, expectedVersion: expectedVersion, steps: steps, now: now)
            // The invariant the crash-safety rests on: an envelope exists only beside a pending_stellar status.
            // Throwing here rolls back everything this write did.
            guard transaction.status == .pendingStellar else {
                throw TransitionError(from: transaction.status, to: .pendingStellar, kind: transaction.kind, protocol: transaction.protocol)
            }
            let sequence = try await Self.reserveSequence(for: sourceAccount, above: ledgerSequence, on: sql)
            let envelope = try sign(sequence, transaction)
            let submission = StellarSubmission(
                hash: envelope.hash, transactionID: transactionID, purpose: purpose, sourceAccount: sourceAccount,
                sequence: sequence, envelopeXDR: envelope.envelopeXDR, createdAt: now)
            try await sql.insert(into: "stellar_submissions")
                .columns("hash", "transaction_id", "purpose", "source_account", "sequence", "envelope_xdr", "state", "created_at")
                .values(submission.hash, transactionID, purpose.rawValue, sourceAccount, sequence, submission.envelopeXDR,
                        StellarSubmission.State.pending.rawValue, now.storedMilliseconds)
                .run()
            return (transaction, submission)
        }
    }

    /// One above the ledger's sequence and every pending envelope's; the account row's upsert serialises callers.
    private static func reserveSequence(for account: String, above ledgerSequence: Int64, on sql: any SQLDatabase) async throws -> Int64 {
        try await sql.insert(into: "stellar_source_accounts")
            .columns("account", "last_sequence").values(account, ledgerSequence)
            .onConflict(with: ["account"]) { $0.set(SQLIdentifier("last_sequence"), to: SQLRaw("stellar_source_accounts.last_sequence")) }
            .run()
        let highestPending = try await sql.select().column("sequence").from("stellar_submissions")
            .where("source_account", .equal, account).where("state", .equal, StellarSubmission.State.pending.rawValue)
            .orderBy("sequence", .descending).limit(1)
            .first(decodingColumn: "sequence", as: Int64.self)
        let sequence = max(ledgerSequence, highestPending ?? ledgerSequence) + 1
        try await sql.update("stellar_source_accounts").set("last_sequence", to: sequence).where("account", .equal, account).run()
        return sequence
    }

    func submissions(transactionID: String) async throws -> [StellarSubmission] {
        try await self.executor.read { sql in
            try await sql.select().column("*").from("stellar_submissions").where("transaction_id", .equal, transactionID)
                .orderBy("created_at").orderBy("sequence").all().map(Self.submission(from:))
        }
    }

    func pendingSubmission(transactionID: String) async throws -> StellarSubmission? {
        try await self.executor.read { sql in
            try await sql.select().column("*").from("stellar_submissions").where("transaction_id", .equal, transactionID)
                .where("state", .equal, StellarSubmission.State.pending.rawValue)
                .orderBy("created_at", .descending).first().map(Self.submission(from:))
        }
    }

    func markSubmitted(hash: String) async throws {
        let now = Date.now.storedMilliseconds
        try await self.executor.write { sql in
            try await sql.update("stellar_submissions").set("submitted_at", to: now).where("hash", .equal, hash).run()
        }
    }

    func resolveSubmission(
        hash: String, state: StellarSubmission.State, result: String?, cause: String,
        _ change: @Sendable (inout Transaction) throws -> Void
    ) async throws -> Transaction {
        let now = Date(storedMilliseconds: Date.now.storedMilliseconds)
        return try await self.executor.write { sql in
            let resolved = try await sql.update("stellar_submissions")
                .set("state", to: state.rawValue)
                .set("resolved_at", to: now.storedMilliseconds)
                .set("result", to: result.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .where("hash", .equal, hash).where("state", .equal, StellarSubmission.State.pending.rawValue)
                .returning("transaction_id").all(decodingColumn: "transaction_id", as: String.self)
            guard let transactionID = resolved.first else { throw StoreError.conflict("submission \(hash) is no longer pending") }
            return try await self.applyChange(on: sql, id: transactionID, expectedVersion: nil, cause: cause, now: now, change)
        }
    }

    static func submission(from sqlRow: any SQLRow) throws -> StellarSubmission {
        let row = StoredRow(row: sqlRow, table: "stellar_submissions")
        return StellarSubmission(
            hash: try row.string("hash"), transactionID: try row.string("transaction_id"),
            purpose: try row.enumeration("purpose", as: StellarSubmission.Purpose.self),
            sourceAccount: try row.string("source_account"), sequence: try row.int64("sequence"),
            envelopeXDR: try row.string("envelope_xdr"), state: try row.enumeration("state", as: StellarSubmission.State.self),
            createdAt: try row.date("created_at"), submittedAt: try row.optionalDate("submitted_at"),
            resolvedAt: try row.optionalDate("resolved_at"), result: try row.optionalString("result"))
    }
}

extension SQLTransactionStore: WorkerTransactionStore {
    func update(id: String, expectedVersion: Int64?, steps: [TransactionChange]) async throws -> Transaction {
        let now = Date(storedMilliseconds: Date.now.storedMilliseconds)
        return try await self.executor.write { sql in
            try await self.applySteps(on: sql, id: id, expectedVersion: expectedVersion, steps: steps, now: now)
        }
    }

    /// Each step through `applyChange`; only the first checks the caller's version (later ones follow the first).
    func applySteps(
        on sql: any SQLDatabase, id: String, expectedVersion: Int64?, steps: [TransactionChange], now: Date
    ) async throws -> Transaction {
        guard !steps.isEmpty else {
            guard let current = try await Self.load(id: id, on: sql) else { throw StoreError.notFound("transaction \(id)") }
            return current
        }
        var result: Transaction?
        for (index, step) in steps.enumerated() {
            result = try await self.applyChange(
                on: sql, id: id, expectedVersion: index == 0 ? expectedVersion : nil, cause: step.cause, now: now, step.apply)
        }
        guard let result else { throw StoreError.notFound("transaction \(id)") }
        return result
    }

    func withdrawal(anchorAccount: String, memo: String) async throws -> Transaction? {
        try await self.executor.read { sql in
            try await sql.select().column("*").from("transactions")
                .where("withdraw_anchor_account", .equal, anchorAccount).where("withdraw_memo", .equal, memo)
                .where("kind", .in, [TransactionKind.withdrawal.rawValue, TransactionKind.withdrawalExchange.rawValue])
                .first().map(TransactionRow.transaction(from:))
        }
    }

    func extendClaim(id: String, worker: String, seconds: Int) async throws -> Bool {
        let until = Date.now.storedMilliseconds + Int64(max(0, seconds)) * 1000
        return try await self.executor.write { sql in
            try await sql.update("transactions").set("claimed_until", to: until)
                .where("id", .equal, id).where("claimed_by", .equal, worker)
                .returning("id").all().count == 1
        }
    }
}
