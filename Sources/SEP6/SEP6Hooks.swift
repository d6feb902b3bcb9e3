import CapstanHTTP
import CapstanCore

/// The anchor's own logic in SEP-6: what `/info` adds per asset (funding methods, the deprecated `fields` and
/// `types`), and whether a deposit or withdrawal request is accepted, refused, or needs customer information.
/// The plugin hooks `sep6_info`, `sep6_deposit` and `sep6_withdraw` implement it (see `capstan_plugin.h`).
///
/// A method answers nil when nothing implements it. Business refusals are `SEP6HookRejection`; failures of the
/// implementation are `SEP6HookFailure`.
public protocol SEP6Hooks: Sendable {
    /// Per-asset additions to `GET /info`.
    func info(_ request: SEP6InfoRequest) async throws -> SEP6InfoReply?
    /// A validated deposit (or deposit-exchange) request; the transaction has its id but is not stored yet.
    func deposit(_ request: SEP6TransferRequest) async throws -> SEP6TransferReply?
    /// A validated withdrawal (or withdrawal-exchange) request, likewise.
    func withdraw(_ request: SEP6TransferRequest) async throws -> SEP6TransferReply?
}

/// The hooks' business refusal (`CAPSTAN_INVALID`): a message for the wallet's user.
public struct SEP6HookRejection: Error, Sendable, Equatable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}

/// The hooks' implementation failed: `temporary` for a timeout or `CAPSTAN_TRANSIENT`, otherwise permanent.
public struct SEP6HookFailure: Error, Sendable, Equatable {
    public var temporary: Bool

    public init(temporary: Bool) {
        self.temporary = temporary
    }
}

/// No plugin: `/info` lists the asset table alone, and deposits and withdrawals are refused (the header's NULL rule).
public struct BuiltInSEP6Hooks: SEP6Hooks {
    public init() {}

    public func info(_ request: SEP6InfoRequest) async throws -> SEP6InfoReply? { nil }
    public func deposit(_ request: SEP6TransferRequest) async throws -> SEP6TransferReply? { nil }
    public func withdraw(_ request: SEP6TransferRequest) async throws -> SEP6TransferReply? { nil }
}

/// `sep6_info` request.
public struct SEP6InfoRequest: Codable, Sendable, Equatable {
    public var lang: String?

    public init(lang: String?) {
        self.lang = lang
    }
}

/// `sep6_info` reply: per asset code, what the host adds to its own `/info` entry.
public struct SEP6InfoReply: Codable, Sendable, Equatable {
    public var deposit: [String: AssetInfo]?
    public var withdraw: [String: AssetInfo]?

    public init(deposit: [String: AssetInfo]? = nil, withdraw: [String: AssetInfo]? = nil) {
        self.deposit = deposit
        self.withdraw = withdraw
    }

    /// One asset's additions. Only these keys reach `/info`: the anchor test suite refuses any other.
    public struct AssetInfo: Codable, Sendable, Equatable {
        /// `funding_methods`: how the user may move the off-chain value (`SEPA`, `SWIFT`, `cash`, …).
        public var fundingMethods: [String]?
        /// Deprecated deposit `fields`: extra request parameters the anchor reads.
        public var fields: [String: Field]?
        /// Deprecated withdraw `types`: each type and the request parameters it needs.
        public var types: [String: TypeInfo]?

        public init(fundingMethods: [String]? = nil, fields: [String: Field]? = nil, types: [String: TypeInfo]? = nil) {
            self.fundingMethods = fundingMethods
            self.fields = fields
            self.types = types
        }

        enum CodingKeys: String, CodingKey {
            case fundingMethods = "funding_methods", fields, types
        }
    }

    /// One entry of `fields`.
    public struct Field: Codable, Sendable, Equatable {
        public var description: String
        public var optional: Bool?
        public var choices: [String]?

        public init(description: String, optional: Bool? = nil, choices: [String]? = nil) {
            self.description = description
            self.optional = optional
            self.choices = choices
        }
    }

    /// One entry of `types`.
    public struct TypeInfo: Codable, Sendable, Equatable {
        public var fields: [String: Field]

        public init(fields: [String: Field] = [:]) {
            self.fields = fields
        }
    }
}

/// `sep6_deposit` and `sep6_withdraw` request.
public struct SEP6TransferRequest: Codable, Sendable, Equatable {
    /// The transaction as it will be stored if the hook accepts it.
    public var transaction: HookTransaction
    /// Every query parameter of the wallet's request, as sent.
    public var request: [String: String]
    public var auth: HookAuth

    public init(transaction: HookTransaction, request: [String: String], auth: HookAuth) {
        self.transaction = transaction
        self.request = request
        self.auth = auth
    }
}

/// `sep6_deposit` and `sep6_withdraw` reply.
public struct SEP6TransferReply: Codable, Sendable, Equatable {
    /// Deposit: how the user sends the off-chain funds (SEP-9 field name to value and description).
    public var instructions: [String: Transaction.Instruction]?
    /// Seconds until the transaction is expected to move on.
    public var eta: Int64?
    public var extraInfo: ExtraInfo?
    /// SEP-9 fields the anchor still needs through SEP-12; non-empty moves the transaction to
    /// `pending_customer_info_update`.
    public var customerInfoNeeded: [String]?
    /// `pending` or `denied`: customer information was sent and is being checked, or was refused. Read only in the
    /// legacy mode, where it becomes the deprecated 403 `customer_info_status`; otherwise it is treated as
    /// customer information still being needed.
    public var customerInfoStatus: String?
    /// A page about the customer's status, for `customer_info_status`.
    public var moreInfoURL: String?

    public init(
        instructions: [String: Transaction.Instruction]? = nil, eta: Int64? = nil, extraInfo: ExtraInfo? = nil,
        customerInfoNeeded: [String]? = nil, customerInfoStatus: String? = nil, moreInfoURL: String? = nil
    ) {
        self.instructions = instructions
        self.eta = eta
        self.extraInfo = extraInfo
        self.customerInfoNeeded = customerInfoNeeded
        self.customerInfoStatus = customerInfoStatus
        self.moreInfoURL = moreInfoURL
    }

    /// `extra_info`.
    public struct ExtraInfo: Codable, Sendable, Equatable {
        public var message: String?

        public init(message: String?) {
            self.message = message
        }
    }

    enum CodingKeys: String, CodingKey {
        case instructions, eta
        case extraInfo = "extra_info", customerInfoNeeded = "customer_info_needed"
        case customerInfoStatus = "customer_info_status", moreInfoURL = "more_info_url"
    }
}
