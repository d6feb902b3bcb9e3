/// Why a submission did not succeed, decoded from Horizon's `extras.result_codes` or from how the request ended.
///
/// Cases carrying a `HorizonSubmitFailure` are definite: the network refused or failed the transaction. `timeout`
/// and `unavailable` are not: the transaction may still be applied, so look its hash up (or resubmit the same
/// envelope, which Horizon answers with the recorded result) before building a replacement.
public enum HorizonSubmitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `tx_bad_seq`: the sequence number is not the account's next one.
    case badSequence(HorizonSubmitFailure)
    /// `tx_insufficient_fee`.
    case insufficientFee(HorizonSubmitFailure)
    /// `tx_bad_auth` or `tx_bad_auth_extra`: signatures missing, too weak or unused.
    case badAuth(HorizonSubmitFailure)
    /// `tx_too_early` / `tx_too_late`: outside the time bounds.
    case tooEarly(HorizonSubmitFailure)
    case tooLate(HorizonSubmitFailure)
    /// `tx_insufficient_balance`: the fee would take the source below its reserve.
    case insufficientBalance(HorizonSubmitFailure)
    /// `tx_no_source_account`.
    case noSourceAccount(HorizonSubmitFailure)
    /// `op_no_trust`: the destination has no trustline for the asset.
    case noTrust(HorizonSubmitFailure)
    /// `op_no_destination`: the destination account does not exist.
    case noDestination(HorizonSubmitFailure)
    /// `op_underfunded`: the source does not hold enough.
    case underfunded(HorizonSubmitFailure)
    /// `op_not_authorized`: a trustline is not authorized by the issuer.
    case notAuthorized(HorizonSubmitFailure)
    /// `op_low_reserve`: the operation would take an account below its reserve.
    case lowReserve(HorizonSubmitFailure)
    /// `op_line_full`: the destination's trustline limit would be exceeded.
    case lineFull(HorizonSubmitFailure)
    /// Another operation code; `failure.resultCodes.failedOperation` says which.
    case operationFailed(HorizonSubmitFailure)
    /// Another transaction code.
    case transactionFailed(HorizonSubmitFailure)
    /// `transaction_malformed`: Horizon could not decode the envelope. Definite: it was not submitted.
    case malformed(detail: String)
    /// Horizon's 504, or no answer within the submit timeout. Outcome unknown.
    case timeout(transactionHash: String?)
    /// The connection failed, or Horizon answered 5xx. Outcome unknown.
    case unavailable(reason: String, transactionHash: String?)
    /// HTTP 429. Not submitted.
    case rateLimited
    /// Any other refusal (a 4xx other than the above). Not submitted.
    case rejected(status: Int, problemType: String, detail: String)

    /// The codes and XDR of a definite failure.
    public var failure: HorizonSubmitFailure? {
        switch self {
        case .badSequence(let failure), .insufficientFee(let failure), .badAuth(let failure), .tooEarly(let failure), .tooLate(let failure),
            .insufficientBalance(let failure), .noSourceAccount(let failure), .noTrust(let failure), .noDestination(let failure),
            .underfunded(let failure), .notAuthorized(let failure), .lowReserve(let failure), .lineFull(let failure),
            .operationFailed(let failure), .transactionFailed(let failure):
            failure
        case .malformed, .timeout, .unavailable, .rateLimited, .rejected:
            nil
        }
    }

    /// Whether the transaction may have been applied despite the error: look the hash up before acting.
    public var isOutcomeUnknown: Bool {
        switch self {
        case .timeout, .unavailable: true
        default: false
        }
    }

    /// The typed error for a `transaction_failed` problem's codes: the transaction code first, then, for `tx_failed`,
    /// the first operation that did not succeed.
    public static func from(_ failure: HorizonSubmitFailure) -> HorizonSubmitError {
        switch failure.resultCodes.effectiveTransactionCode {
        case "tx_bad_seq": return .badSequence(failure)
        case "tx_insufficient_fee": return .insufficientFee(failure)
        case "tx_bad_auth", "tx_bad_auth_extra": return .badAuth(failure)
        case "tx_too_early": return .tooEarly(failure)
        case "tx_too_late": return .tooLate(failure)
        case "tx_insufficient_balance": return .insufficientBalance(failure)
        case "tx_no_source_account": return .noSourceAccount(failure)
        case "tx_failed": break
        default: return .transactionFailed(failure)
        }
        switch failure.resultCodes.failedOperation?.code {
        case "op_no_trust": return .noTrust(failure)
        case "op_no_destination": return .noDestination(failure)
        case "op_underfunded": return .underfunded(failure)
        case "op_not_authorized": return .notAuthorized(failure)
        case "op_low_reserve": return .lowReserve(failure)
        case "op_line_full": return .lineFull(failure)
        default: return .operationFailed(failure)
        }
    }

    public var description: String {
        if let failure {
            let operations = failure.resultCodes.operations.isEmpty ? "" : " [" + failure.resultCodes.operations.joined(separator: ", ") + "]"
            return "transaction failed: \(failure.resultCodes.transaction)\(operations)"
        }
        switch self {
        case .malformed(let detail): return "transaction malformed: \(detail)"
        case .timeout(let hash): return "submission timed out; outcome unknown" + (hash.map { " (look up \($0))" } ?? "")
        case .unavailable(let reason, let hash): return "submission outcome unknown: \(reason)" + (hash.map { " (look up \($0))" } ?? "")
        case .rateLimited: return "Horizon rate limit exceeded"
        case .rejected(let status, let type, let detail): return "submission refused with HTTP \(status) \(type): \(detail)"
        default: return "transaction failed"
        }
    }
}

/// What Horizon reported about a definite failure.
public struct HorizonSubmitFailure: Sendable, Hashable {
    public var resultCodes: HorizonResultCodes
    /// The base64 `TransactionResult`.
    public var resultXDR: String?
    public var envelopeXDR: String?

    public init(resultCodes: HorizonResultCodes, resultXDR: String? = nil, envelopeXDR: String? = nil) {
        self.resultCodes = resultCodes
        self.resultXDR = resultXDR
        self.envelopeXDR = envelopeXDR
    }
}
