/// What a transaction does, spelled as the SEP `kind` field spells it.
public enum TransactionKind: String, Sendable, Codable, CaseIterable {
    /// SEP-6/24: off-chain value in, Stellar asset out.
    case deposit
    /// SEP-6/24: Stellar asset in, off-chain value out.
    case withdrawal
    /// SEP-6 with a SEP-38 conversion on the way in.
    case depositExchange = "deposit-exchange"
    /// SEP-6 with a SEP-38 conversion on the way out.
    case withdrawalExchange = "withdrawal-exchange"
    /// SEP-31: a cross-border payment this anchor receives and pays out.
    case receive

    /// Off-chain value in, Stellar asset out: the kinds the anchor pays on Stellar.
    public var isDeposit: Bool { self == .deposit || self == .depositExchange }

    /// Stellar asset in, off-chain value out: the kinds that are paid to an anchor account with a memo it assigns.
    public var isWithdrawal: Bool { self == .withdrawal || self == .withdrawalExchange }
}

/// The SEP a transaction was created through; it decides which fields and statuses apply.
public enum TransactionProtocol: String, Sendable, Codable, CaseIterable {
    case sep6
    case sep24
    case sep31
}
