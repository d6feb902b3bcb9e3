/// Horizon's "total order id" (TOID): `ledger << 32 | transaction order << 12 | operation index`, so ids and
/// paging tokens grow with history and stay valid across restarts.
enum OperationID {
    /// A transaction's id: its ledger and 1-based order in it.
    static func transaction(ledger: UInt32, order: UInt32) -> Int64 {
        Int64(ledger) << 32 | Int64(order) << 12
    }

    /// An operation's id: 1-based `index` within its transaction.
    static func operation(ledger: UInt32, order: UInt32, index: Int) -> Int64 {
        self.transaction(ledger: ledger, order: order) | Int64(index)
    }

    /// The first id of a ledger, for `cursor=now` on a stream.
    static func ledgerStart(_ ledger: UInt32) -> Int64 {
        Int64(ledger) << 32
    }
}
