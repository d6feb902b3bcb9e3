import Hummingbird

/// Horizon's problem document (RFC 7807): `type`, `title`, `status`, `detail` and `extras`.
struct HorizonProblem: HTTPResponseError, Encodable {
    /// What some problems add: the envelope and result of a failed submission, or the field that was invalid.
    struct Extras: Encodable, Sendable {
        var envelopeXDR: String?
        var resultCodes: ResultCodes?
        var resultXDR: String?
        var invalidField: String?
        var reason: String?

        enum CodingKeys: String, CodingKey {
            case envelopeXDR = "envelope_xdr", resultCodes = "result_codes", resultXDR = "result_xdr"
            case invalidField = "invalid_field", reason
        }
    }

    let type: String
    let title: String
    let statusCode: Int
    let detail: String
    let extras: Extras?

    var status: HTTPResponse.Status { HTTPResponse.Status(code: self.statusCode) }

    enum CodingKeys: String, CodingKey {
        case type, title, statusCode = "status", detail, extras
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try HorizonJSON.response(self, status: self.status)
    }

    private static let base = "https://stellar.org/horizon-errors/"

    static let notFound = HorizonProblem(
        type: base + "not_found", title: "Resource Missing", statusCode: 404,
        detail: "The resource at the url requested was not found.  This usually occurs for one of two reasons:  "
            + "The url requested is not valid, or no data in our database could be found with the parameters provided.",
        extras: nil
    )

    static func badRequest(field: String, reason: String) -> HorizonProblem {
        HorizonProblem(
            type: base + "bad_request", title: "Bad Request", statusCode: 400,
            detail: "The request you sent was invalid in some way.", extras: Extras(invalidField: field, reason: reason)
        )
    }

    static func transactionMalformed(envelopeXDR: String) -> HorizonProblem {
        HorizonProblem(
            type: base + "transaction_malformed", title: "Transaction Malformed", statusCode: 400,
            detail: "Horizon could not decode the transaction envelope in this request. A transaction should be an XDR "
                + "TransactionEnvelope struct encoded using base64.  The envelope read from this request is echoed in the "
                + "`extras.envelope_xdr` field of this response for your convenience.",
            extras: Extras(envelopeXDR: envelopeXDR)
        )
    }

    static func transactionFailed(envelopeXDR: String, resultXDR: String, codes: ResultCodes) -> HorizonProblem {
        HorizonProblem(
            type: base + "transaction_failed", title: "Transaction Failed", statusCode: 400,
            detail: "The transaction failed when submitted to the stellar network. The `extras.result_codes` field on this "
                + "response contains further details.  Descriptions of each code can be found at: "
                + "https://developers.stellar.org/docs/data/apis/horizon/api-reference/errors/result-codes/transactions",
            extras: Extras(envelopeXDR: envelopeXDR, resultCodes: codes, resultXDR: resultXDR)
        )
    }

    /// Friendbot's answer for an account that already exists; it carries the code CreateAccount would have failed with.
    static func alreadyFunded() -> HorizonProblem {
        HorizonProblem(
            type: base + "bad_request", title: "Bad Request", statusCode: 400, detail: "account already funded to starting balance",
            extras: Extras(resultCodes: ResultCodes(transaction: "tx_failed", innerTransaction: nil, operations: ["op_already_exists"]))
        )
    }

    static let serverError = HorizonProblem(
        type: base + "server_error", title: "Internal Server Error", statusCode: 500,
        detail: "An error occurred while processing this request.", extras: nil
    )
}
