/// Horizon's error document (RFC 7807 problem): `type`, `title`, `status`, `detail` and, for submissions, `extras`.
public struct HorizonProblem: Sendable, Hashable, Decodable {
    /// The last path segment of `type`, such as `transaction_failed`, `timeout` or `not_found`.
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    /// `extras.result_codes` of a failed submission.
    public var resultCodes: HorizonResultCodes?
    /// `extras.result_xdr`: the base64 `TransactionResult`.
    public var resultXDR: String?
    /// `extras.envelope_xdr`: the envelope as Horizon read it.
    public var envelopeXDR: String?
    /// `extras.invalid_field` and `extras.reason` of a bad request.
    public var invalidField: String?
    public var reason: String?

    public init(
        type: String, title: String, status: Int, detail: String, resultCodes: HorizonResultCodes? = nil, resultXDR: String? = nil,
        envelopeXDR: String? = nil, invalidField: String? = nil, reason: String? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.resultCodes = resultCodes
        self.resultXDR = resultXDR
        self.envelopeXDR = envelopeXDR
        self.invalidField = invalidField
        self.reason = reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: HorizonKey.self)
        let type = try container.optional(String.self, "type") ?? ""
        self.type = type.split(separator: "/").last.map(String.init) ?? type
        self.title = try container.optional(String.self, "title") ?? ""
        self.status = try container.optional(Int.self, "status") ?? 0
        self.detail = try container.optional(String.self, "detail") ?? ""
        let extras = container.contains(HorizonKey("extras")) && (try? container.decodeNil(forKey: HorizonKey("extras"))) == false
            ? try container.nested("extras") : nil
        self.resultCodes = try extras?.optional(HorizonResultCodes.self, "result_codes")
        self.resultXDR = try extras?.optional(String.self, "result_xdr")
        self.envelopeXDR = try extras?.optional(String.self, "envelope_xdr")
        self.invalidField = try extras?.optional(String.self, "invalid_field")
        self.reason = try extras?.optional(String.self, "reason")
    }
}

/// `extras.result_codes`: the transaction's result code, a fee bump's inner code, and one code per operation.
public struct HorizonResultCodes: Sendable, Hashable, Decodable {
    /// Such as `tx_failed`, `tx_bad_seq` or `tx_fee_bump_inner_failed`.
    public var transaction: String
    /// For a fee bump whose inner transaction failed: the inner code.
    public var innerTransaction: String?
    /// Per operation, such as `op_success` or `op_no_trust`; empty when the transaction failed before its operations ran.
    public var operations: [String]

    public init(transaction: String, innerTransaction: String? = nil, operations: [String] = []) {
        self.transaction = transaction
        self.innerTransaction = innerTransaction
        self.operations = operations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: HorizonKey.self)
        self.transaction = try container.value(String.self, "transaction")
        self.innerTransaction = try container.optional(String.self, "inner_transaction")
        self.operations = try container.optional([String].self, "operations") ?? []
    }

    /// The code that decides the outcome: the inner transaction's when a fee bump's inner transaction failed.
    public var effectiveTransactionCode: String {
        self.transaction == "tx_fee_bump_inner_failed" ? (self.innerTransaction ?? self.transaction) : self.transaction
    }

    /// The first operation that did not succeed, with its index.
    public var failedOperation: (index: Int, code: String)? {
        self.operations.enumerated().first { $0.element != "op_success" }.map { ($0.offset, $0.element) }
    }
}
