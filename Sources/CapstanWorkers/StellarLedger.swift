/// The ledger as the money-moving workers need it: accounts, submission with typed outcomes, and lookup by hash.
/// `StellarHorizon`'s client conforms in the app; tests use the devnet ledger directly.
///
/// Errors: anything that is not a definite answer (network failure, 5xx, timeout) is thrown as
/// `StellarLedgerError.unavailable`; a worker then leaves the transaction as it is and tries again later.
public protocol StellarLedger: Sendable {
    /// The account, or nil when the ledger says it does not exist.
    func account(_ accountID: String) async throws(StellarLedgerError) -> LedgerAccountState?
    /// Submits a base64 `TransactionEnvelope` and waits for its ledger (Horizon's synchronous submit).
    /// A timeout or lost connection is `.failed(.outcomeUnknown)`: the envelope may still land.
    func submit(envelopeXDR: String) async throws(StellarLedgerError) -> SubmitOutcome
    /// What became of the transaction with this hex hash.
    func transaction(hash: String) async throws(StellarLedgerError) -> LedgerTransactionLookup
}

/// The ledger could not give a definite answer.
public enum StellarLedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case unavailable(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): "ledger unavailable: \(reason)"
        }
    }
}

/// What the workers read of an account.
public struct LedgerAccountState: Sendable, Equatable {
    /// One non-native balance line.
    public struct Trustline: Sendable, Equatable {
        public var assetCode: String
        public var assetIssuer: String
        /// Balance in stroops.
        public var balance: Int64
        public var limit: Int64
        /// Whether the issuer authorised the holder to receive the asset.
        public var authorized: Bool

        public init(assetCode: String, assetIssuer: String, balance: Int64, limit: Int64, authorized: Bool) {
            self.assetCode = assetCode
            self.assetIssuer = assetIssuer
            self.balance = balance
            self.limit = limit
            self.authorized = authorized
        }
    }

    public var accountID: String
    public var sequence: Int64
    /// Lumens in stroops.
    public var nativeBalance: Int64
    public var trustlines: [Trustline]

    public init(accountID: String, sequence: Int64, nativeBalance: Int64, trustlines: [Trustline]) {
        self.accountID = accountID
        self.sequence = sequence
        self.nativeBalance = nativeBalance
        self.trustlines = trustlines
    }

    /// The trustline to `code` issued by `issuer`, if any.
    public func trustline(code: String, issuer: String) -> Trustline? {
        self.trustlines.first { $0.assetCode == code && $0.assetIssuer == issuer }
    }
}

/// The answer to a submission.
public enum SubmitOutcome: Sendable, Equatable {
    /// In a ledger and successful.
    case applied(hash: String, ledger: UInt32)
    case failed(SubmitFailure)
}

/// Why a submission did not succeed, in the terms the workers act on (Horizon's `result_codes`).
public enum SubmitFailure: Sendable, Equatable, CustomStringConvertible {
    /// `tx_bad_seq`: the sequence number is not the account's next one.
    case badSequence
    /// `tx_too_late`: the time bounds have passed; this envelope can never land.
    case tooLate
    /// `op_no_trust`: the destination lacks the trustline (in a ledger: the sequence is spent).
    case noTrust
    /// `op_not_authorized`: the trustline exists but the issuer has not authorised it.
    case notAuthorized
    /// `op_no_destination`: the destination account does not exist.
    case noDestination
    /// `op_underfunded` or `tx_insufficient_balance`: the source cannot pay.
    case underfunded
    /// The submission timed out or the connection dropped: the envelope may or may not land.
    case outcomeUnknown(String)
    /// Anything else: the transaction code and each operation's, as Horizon prints them.
    case other(transaction: String, operations: [String])

    public var description: String {
        switch self {
        case .badSequence: "tx_bad_seq"
        case .tooLate: "tx_too_late"
        case .noTrust: "op_no_trust"
        case .notAuthorized: "op_not_authorized"
        case .noDestination: "op_no_destination"
        case .underfunded: "op_underfunded"
        case .outcomeUnknown(let reason): "outcome unknown: \(reason)"
        case .other(let transaction, let operations): ([transaction] + operations).joined(separator: ",")
        }
    }

    /// Classifies Horizon's `extras.result_codes`.
    public init(transactionCode: String, operationCodes: [String]) {
        switch transactionCode {
        case "tx_bad_seq": self = .badSequence
        case "tx_too_late": self = .tooLate
        case "tx_insufficient_balance": self = .underfunded
        default:
            if operationCodes.contains("op_no_trust") { self = .noTrust }
            else if operationCodes.contains("op_not_authorized") { self = .notAuthorized }
            else if operationCodes.contains("op_no_destination") { self = .noDestination }
            else if operationCodes.contains("op_underfunded") { self = .underfunded }
            else { self = .other(transaction: transactionCode, operations: operationCodes) }
        }
    }
}

/// What the ledger knows of a transaction hash.
public enum LedgerTransactionLookup: Sendable, Equatable {
    /// Not in any ledger (yet).
    case notFound
    /// In a ledger: successful, or failed with its codes (its sequence number is spent either way).
    case found(ledger: UInt32, failure: SubmitFailure?)
}
