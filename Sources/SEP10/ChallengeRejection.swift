import CapstanHTTP

/// Why a signed challenge (`POST /auth`) was refused: one case per verification rule, in the order
/// they are checked. Every case is a 400 ("If any of the listed steps fail, then the authentication
/// request must be rejected — that is, treated by the application as an invalid input", SEP-10 "Token").
public enum ChallengeRejection: Error, Sendable, Hashable {
    // The request body.
    case bodyTooLarge(limit: Int)
    case unsupportedBody
    case malformedBody
    case missingTransaction
    case transactionNotString
    case transactionTooLong(limit: Int)
    case notAnEnvelope
    // The transaction.
    case feeBump
    case wrongSourceAccount
    case nonZeroSequence
    case memoNotID
    case memoWithMuxedAccount
    case noTimeBounds
    case infiniteTimeBounds
    case notYetValid
    case expired
    // The operations.
    case noOperations
    case firstOperationNotManageData
    case firstOperationWithoutSource
    case wrongHomeDomain
    case nonceNot64Bytes
    case nonceNotBase64Of48Bytes
    case operationNotManageData(index: Int)
    case operationWithoutSource(index: Int)
    case operationFromForeignSource(index: Int)
    case wrongWebAuthDomain
    case repeatedClientDomain
    // The signatures.
    case missingServerSignature
    case unrecognizedSignature
    case duplicateSignature
    case wrongSignatureCountForMissingAccount(expected: Int, actual: Int)
    case notSignedByClient
    case thresholdNotMet(weight: Int, threshold: Int)
    case missingClientDomainSignature

    /// The `error` text; it names the rule, never any key material.
    public var message: String {
        switch self {
        case .bodyTooLarge(let limit): "request body is larger than \(limit) bytes"
        case .unsupportedBody: "send the transaction as application/json or application/x-www-form-urlencoded"
        case .malformedBody: "request body is not a valid JSON object or form"
        case .missingTransaction: "transaction is required"
        case .transactionNotString: "transaction must be a string"
        case .transactionTooLong(let limit): "transaction is longer than \(limit) characters"
        case .notAnEnvelope: "transaction is not a base64 TransactionEnvelope XDR"
        case .feeBump: "challenge cannot be a fee bump transaction"
        case .wrongSourceAccount: "challenge source account is not the server's signing key"
        case .nonZeroSequence: "challenge sequence number must be 0"
        case .memoNotID: "challenge memo must be of type id"
        case .memoWithMuxedAccount: "challenge memo is not permitted with a muxed client account"
        case .noTimeBounds: "challenge has no time bounds"
        case .infiniteTimeBounds: "challenge time bounds must not be infinite"
        case .notYetValid: "challenge is not yet valid"
        case .expired: "challenge has expired"
        case .noOperations: "challenge has no operations"
        case .firstOperationNotManageData: "challenge's first operation must be ManageData"
        case .firstOperationWithoutSource: "challenge's first operation must have a source account"
        case .wrongHomeDomain: "challenge's first operation is not '<home_domain> auth' for a home domain of this server"
        case .nonceNot64Bytes: "challenge nonce must be 64 bytes"
        case .nonceNotBase64Of48Bytes: "challenge nonce must be the base64 encoding of 48 bytes"
        case .operationNotManageData(let index): "challenge operation \(index) must be ManageData"
        case .operationWithoutSource(let index): "challenge operation \(index) must have a source account"
        case .operationFromForeignSource(let index): "challenge operation \(index) must have the server's signing key as source"
        case .wrongWebAuthDomain: "challenge web_auth_domain does not match this server"
        case .repeatedClientDomain: "challenge has more than one client_domain operation"
        case .missingServerSignature: "challenge is not signed by the server"
        case .unrecognizedSignature: "challenge has a signature that is not from a signer of the account"
        case .duplicateSignature: "challenge is signed more than once by the same key"
        case .wrongSignatureCountForMissingAccount(let expected, let actual):
            "the account does not exist, so the challenge needs exactly \(expected) signatures (server, master key\(expected == 3 ? ", client domain" : "")), not \(actual)"
        case .notSignedByClient: "challenge is not signed by the client account"
        case .thresholdNotMet(let weight, let threshold): "signatures weigh \(weight), below the account's medium threshold \(threshold)"
        case .missingClientDomainSignature: "challenge is not signed by the client domain's SIGNING_KEY"
        }
    }

    /// As the HTTP error every SEP uses.
    var sepError: SEPError { .badRequest(self.message) }
}
