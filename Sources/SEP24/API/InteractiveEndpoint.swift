import CapstanCore
import CapstanHTTP
import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `POST /transactions/deposit/interactive` and `POST /transactions/withdraw/interactive`.
///
/// Validates the request, hands SEP-9 fields to the anchor, stores the transaction as `incomplete` and answers
/// `interactive_customer_info_needed` with a URL carrying a single-use token (SEP-24 "Authentication": "we
/// recommend passing a short-lived JWT via URL query parameters … it's important to have this JWT be one-time use").
struct InteractiveEndpoint: Sendable {
    let dependencies: SEP24Dependencies

    @Sendable func deposit(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await self.start(.deposit, request, context)
    }

    @Sendable func withdraw(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await self.start(.withdrawal, request, context)
    }

    private func start(_ kind: TransactionKind, _ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let deps = self.dependencies
        let fields = try await RequestFields.read(request, limit: context.maxBodyBytes)
        let language = deps.pages.catalog.negotiate(lang: fields["lang"], acceptLanguage: request.headers[.acceptLanguage])
        let start = try await StartRequest.validate(fields, kind: kind, claims: context.claims, language: language, dependencies: deps)

        let transaction = start.transaction(owner: context.claims, moreInfoURL: deps.moreInfoURL, now: Date())
        var flow = FlowState()
        let sep9 = SEP9Fields.extract(fields)
        if !sep9.isEmpty {
            let claims = context.claims
            let auth = HookAuth(claims: claims)
            do {
                if try await deps.hooks.saveSEP9(SEP9Submission(transactionID: transaction.id, auth: auth, fields: sep9)) {
                    flow.prefill = sep9
                }
            } catch let rejection as HookRejection {
                throw SEPError.badRequest(rejection.message)
            } catch {
                context.logger.warning("sep9_save failed", metadata: ["error": "\(String(reflecting: error))"])
                throw SEPError(status: .serviceUnavailable, message: deps.pages.catalog.text("api_unavailable", language))
            }
        }
        try await deps.transactions.insert(transaction)
        if !flow.prefill.isEmpty { try await deps.flows.save(flow, for: transaction.id) }
        context.logger.info("sep24 transaction started", metadata: ["transaction_id": "\(transaction.id)", "kind": "\(kind.rawValue)"])

        let token = deps.secrets.token(
            transactionID: transaction.id, version: transaction.version,
            expires: deps.clock.now() + Int64(deps.settings.interactiveTokenSeconds))
        let url = "\(deps.settings.publicURL)\(deps.interactivePath(transaction.id))?token=\(token)"
        // Exactly these three keys: the anchor test suite refuses any other.
        let body = try JSONEncoder.sorted.encode(["type": "interactive_customer_info_needed", "url": url, "id": transaction.id])
        return Response.json(ByteBuffer(bytes: body))
    }
}

/// The SEP-9 fields of a request, which wallets may send to prefill the anchor's forms.
enum SEP9Fields {
    /// SEP-9 v1.17 names of natural persons, financial accounts, organisations and cards (text fields only).
    static let names: Set<String> = [
        "family_name", "last_name", "given_name", "first_name", "additional_name", "address_country_code",
        "state_or_province", "city", "postal_code", "address", "mobile_number", "mobile_number_format", "email_address",
        "birth_date", "birth_place", "birth_country_code", "tax_id", "tax_id_name", "occupation", "employer_name",
        "employer_address", "language_code", "id_type", "id_country_code", "id_issue_date", "id_expiration_date",
        "id_number", "ip_address", "sex", "referral_id", "bank_name", "bank_account_type", "bank_account_number",
        "bank_number", "bank_phone_number", "bank_branch_number", "external_transfer_memo", "clabe_number", "cbu_number",
        "cbu_alias", "mobile_money_number", "mobile_money_provider", "crypto_address", "crypto_memo",
        "organization.name", "organization.VAT_number", "organization.registration_number",
        "organization.registration_date", "organization.registered_address", "organization.number_of_shareholders",
        "organization.shareholder_name", "organization.address_country_code", "organization.state_or_province",
        "organization.city", "organization.postal_code", "organization.director_name", "organization.website",
        "organization.email", "organization.phone", "card.number", "card.expiration_date", "card.cvc",
        "card.holder_name", "card.network", "card.postal_code", "card.country_code", "card.state_or_province",
        "card.city", "card.address", "card.token",
    ]

    static func extract(_ fields: RequestFields) -> [String: String] {
        var found: [String: String] = [:]
        for name in Self.names { if let value = fields[name] { found[name] = value } }
        return found
    }
}
