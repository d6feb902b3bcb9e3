/// Horizon's `extras.result_codes`: the transaction's code, a fee bump's inner code, and each operation's.
struct ResultCodes: Codable, Sendable, Hashable {
    var transaction: String
    var innerTransaction: String?
    var operations: [String]?

    enum CodingKeys: String, CodingKey {
        case transaction, innerTransaction = "inner_transaction", operations
    }
}
