import SQLKit

/// Schema of migration `0009_stellar_submissions`.
///
/// A table of its own rather than columns on `transactions`: a deposit may need several envelopes in its life (a
/// CreateAccount, then the payment once the trustline exists; a fresh envelope after one is known dead), and every
/// envelope the anchor ever signed must stay on record, because any of them could land until proven otherwise.
/// It also keeps the wallet-facing `Transaction` model and its version free of worker bookkeeping.
enum StellarSubmissionTables {
    static func create(_ sql: any SQLDatabase) async throws {
        try await sql.create(table: "stellar_submissions")
            .column("hash", type: .text, .primaryKey(autoIncrement: false))
            .column("transaction_id", type: .text, .notNull, .references("transactions", "id", onDelete: .cascade))
            .column("purpose", type: .text, .notNull)
            .column("source_account", type: .text, .notNull)
            .column("sequence", type: .bigint, .notNull)
            .column("envelope_xdr", type: .text, .notNull)
            .column("state", type: .text, .notNull)               // pending | applied | failed | void
            .column("created_at", type: .bigint, .notNull)
            .column("submitted_at", type: .bigint)
            .column("resolved_at", type: .bigint)
            .column("result", type: .text)
            .run()
        try await sql.create(index: "stellar_submissions_transaction_idx").on("stellar_submissions")
            .column("transaction_id").column("created_at").run()
        // The sequence reservation's backstop: two envelopes that may both still land never share a sequence number
        // of one source account (a partial index; the same text works on SQLite and PostgreSQL).
        try await sql.raw("""
            CREATE UNIQUE INDEX stellar_submissions_pending_sequence_key
            ON stellar_submissions (source_account, sequence) WHERE state = 'pending'
            """).run()
        // One row per source account, locked by the reservation's upsert so concurrent reservations on PostgreSQL
        // queue behind each other (SQLite's single writer already does).
        try await sql.create(table: "stellar_source_accounts")
            .column("account", type: .text, .primaryKey(autoIncrement: false))
            .column("last_sequence", type: .bigint, .notNull)
            .run()
    }
}

/// Schema of migration `0010_ledger_cursors`: where each followed payment stream stands, and who follows it.
enum LedgerCursorTable {
    static func create(_ sql: any SQLDatabase) async throws {
        try await sql.create(table: "ledger_cursors")
            .column("stream", type: .text, .primaryKey(autoIncrement: false))
            .column("cursor", type: .text)
            .column("leased_by", type: .text)
            .column("leased_until", type: .bigint)
            .column("updated_at", type: .bigint, .notNull)
            .run()
    }
}
