/// The off-chain side of money as the workers see it: the plugins' `rails_*` hooks
/// (`capstan_plugin.h`). Lives in the core so the workers need not know how plugins are called.
public protocol Rails: Sendable {
    /// Which of `transactions` (deposits waiting for the user's off-chain transfer) have arrived, or failed.
    /// Deposits named in neither list are still pending.
    func pollDeposits(_ transactions: [Transaction]) async throws(RailsError) -> DepositPoll
    /// Pays a withdrawal out off-chain. The same `idempotencyKey` is sent again when the same step is retried,
    /// so the rail does the work at most once per key.
    func sendPayout(_ request: PayoutRequest, idempotencyKey: String) async throws(RailsError) -> PayoutResult
    /// Which of `transactions` (payouts answered `pending_external`) have settled, or failed.
    func pollPayouts(_ transactions: [Transaction]) async throws(RailsError) -> PayoutPoll
}

/// Why a rails call gave no answer: `transient` is retried later, `fatal` sends the transaction to `error`.
public enum RailsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Try again later (the hook answered TRANSIENT, timed out, or the rail is down).
    case transient(String)
    /// Permanent failure of this request.
    case fatal(String)
    /// No rail implements the hook.
    case unimplemented

    public var description: String {
        switch self {
        case .transient(let message): "transient rails failure: \(message)"
        case .fatal(let message): "fatal rails failure: \(message)"
        case .unimplemented: "no rails plugin implements this hook"
        }
    }
}

/// `rails_poll_deposits`' answer.
public struct DepositPoll: Sendable, Equatable, Codable {
    public var arrived: [ArrivedDeposit]
    public var failed: [RailsFailure]

    public init(arrived: [ArrivedDeposit] = [], failed: [RailsFailure] = []) {
        self.arrived = arrived
        self.failed = failed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.arrived = try container.decodeIfPresent([ArrivedDeposit].self, forKey: .arrived) ?? []
        self.failed = try container.decodeIfPresent([RailsFailure].self, forKey: .failed) ?? []
    }
}

/// A deposit whose off-chain funds arrived: what the user actually sent, which may differ from what was asked.
public struct ArrivedDeposit: Sendable, Equatable, Codable {
    public var id: String
    public var amountIn: Amount
    /// The rail's own fee for this amount; nil lets the host recompute it.
    public var amountFee: Amount?
    public var externalTransactionID: String?
    public var from: String?

    public init(id: String, amountIn: Amount, amountFee: Amount? = nil, externalTransactionID: String? = nil, from: String? = nil) {
        self.id = id
        self.amountIn = amountIn
        self.amountFee = amountFee
        self.externalTransactionID = externalTransactionID
        self.from = from
    }

    enum CodingKeys: String, CodingKey {
        case id, from
        case amountIn = "amount_in"
        case amountFee = "amount_fee"
        case externalTransactionID = "external_transaction_id"
    }
}

/// A transaction the rail says failed, with a message for the user.
public struct RailsFailure: Sendable, Equatable, Codable {
    public var id: String
    public var message: String

    public init(id: String, message: String) {
        self.id = id
        self.message = message
    }
}

/// What `rails_send_payout` is asked to pay.
public struct PayoutRequest: Sendable, Equatable, Encodable {
    public var transaction: Transaction
    public var amount: Amount
    public var assetCode: String
    public var to: String?

    public init(transaction: Transaction, amount: Amount, assetCode: String, to: String?) {
        self.transaction = transaction
        self.amount = amount
        self.assetCode = assetCode
        self.to = to
    }

    enum CodingKeys: String, CodingKey {
        case transaction, amount, to
        case assetCode = "asset_code"
    }
}

/// `rails_send_payout`'s answer.
public struct PayoutResult: Sendable, Equatable, Codable {
    /// Where the payout is: on its way (`pending_external`) or done (`completed`).
    public enum Status: String, Sendable, Codable {
        case pendingExternal = "pending_external"
        case completed
    }

    public var status: Status
    public var externalTransactionID: String?
    public var message: String?

    public init(status: Status, externalTransactionID: String? = nil, message: String? = nil) {
        self.status = status
        self.externalTransactionID = externalTransactionID
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case status, message
        case externalTransactionID = "external_transaction_id"
    }
}

/// `rails_poll_payouts`' answer.
public struct PayoutPoll: Sendable, Equatable, Codable {
    /// A payout that settled.
    public struct Settled: Sendable, Equatable, Codable {
        public var id: String
        public var externalTransactionID: String?

        public init(id: String, externalTransactionID: String? = nil) {
            self.id = id
            self.externalTransactionID = externalTransactionID
        }

        enum CodingKeys: String, CodingKey {
            case id
            case externalTransactionID = "external_transaction_id"
        }
    }

    public var completed: [Settled]
    public var failed: [RailsFailure]

    public init(completed: [Settled] = [], failed: [RailsFailure] = []) {
        self.completed = completed
        self.failed = failed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.completed = try container.decodeIfPresent([Settled].self, forKey: .completed) ?? []
        self.failed = try container.decodeIfPresent([RailsFailure].self, forKey: .failed) ?? []
    }
}
