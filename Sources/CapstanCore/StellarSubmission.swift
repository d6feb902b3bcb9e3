#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One signed Stellar envelope the anchor made for a transaction, kept from before its first submission until its
/// fate is known. Its hash is what a restarted worker looks up before it would ever sign anything new.
public struct StellarSubmission: Sendable, Equatable {
    /// What the envelope does for its transaction.
    public enum Purpose: String, Sendable, Codable {
        /// Pays the deposit (a Payment, or a CreateAccount carrying native funds).
        case payment
        /// Creates the user's account so it can add a trustline; the deposit is paid later.
        case createAccount = "create_account"
        /// Pays the deposit as a claimable balance.
        case claimableBalance = "claimable_balance"
    }

    /// Where the envelope is. Only `pending` ones may still land; the others never will again.
    public enum State: String, Sendable, Codable {
        /// Stored, perhaps submitted; the outcome is not known yet.
        case pending
        /// In a ledger and successful.
        case applied
        /// In a ledger and failed (its sequence number is spent), or refused in a way it will always be.
        case failed
        /// Known never to land (its time bounds passed, or its sequence number was spent by another envelope).
        case void
    }

    /// Hex SHA-256 of the transaction on its network: Horizon's `hash`.
    public var hash: String
    public var transactionID: String
    public var purpose: Purpose
    public var sourceAccount: String
    public var sequence: Int64
    /// Base64 XDR of the signed `TransactionEnvelope`, exactly what is (re)submitted.
    public var envelopeXDR: String
    public var state: State
    public var createdAt: Date
    /// The latest submission attempt.
    public var submittedAt: Date?
    public var resolvedAt: Date?
    /// Why it failed or was voided (result codes, or a note), for operators.
    public var result: String?

    public init(
        hash: String, transactionID: String, purpose: Purpose, sourceAccount: String, sequence: Int64, envelopeXDR: String,
        state: State = .pending, createdAt: Date, submittedAt: Date? = nil, resolvedAt: Date? = nil, result: String? = nil
    ) {
        self.hash = hash
        self.transactionID = transactionID
        self.purpose = purpose
        self.sourceAccount = sourceAccount
        self.sequence = sequence
        self.envelopeXDR = envelopeXDR
        self.state = state
        self.createdAt = createdAt
        self.submittedAt = submittedAt
        self.resolvedAt = resolvedAt
        self.result = result
    }
}

/// A signed envelope as the store keeps it: its base64 XDR and hex hash.
public struct SignedEnvelope: Sendable, Equatable {
    public var hash: String
    public var envelopeXDR: String

    public init(hash: String, envelopeXDR: String) {
        self.hash = hash
        self.envelopeXDR = envelopeXDR
    }
}
