import CapstanCore
import CapstanHTTP
import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The pages a wallet opens: `GET /sep24/interactive/{id}?token=…` exchanges the single-use token for a session
/// cookie; then `GET` shows the next form, `POST` submits it (post/redirect/get), and `GET …/fee` feeds the live
/// fee preview.
///
/// The session cookie is `HttpOnly`, `Secure` when the anchor is served over HTTPS, scoped to this transaction's
/// path, and `SameSite=Lax`. Lax rather than Strict because the flow begins with a cross-site navigation from the
/// wallet (a popup or web view opening our URL) and continues through our own redirect: browsers withhold Strict
/// cookies for the whole of such a navigation, so the first page after the exchange would find no session. Lax
/// still keeps the cookie off cross-site POSTs, and every form carries a CSRF value besides.
struct InteractivePages: Sendable {
    static let cookieName = "capstan_sep24"

    let deps: SEP24Dependencies
    var flow: InteractiveFlow { InteractiveFlow(deps: self.deps) }

    // MARK: GET

    @Sendable func show(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let query = request.uri.queryParameters
        if let token = query["token"].map(String.init) {
            return try await self.open(request, id: id, token: token)
        }
        guard let session = try await self.session(request, id: id) else {
            return self.error(request, nil, status: .forbidden, "error_session", hint: "error_restart")
        }
        return try await self.guarded(request, session.transaction) {
            try await self.render(request, session.transaction, nonce: session.nonce)
        }
    }

    /// The token exchange: single use because it moves the transaction past the version the token names.
    private func open(_ request: Request, id: String, token: String) async throws -> Response {
        let query = request.uri.queryParameters
        guard let claims = self.deps.secrets.readToken(token), claims.transactionID == id else {
            return self.error(request, nil, status: .badRequest, "error_link_invalid", hint: "error_restart")
        }
        guard self.deps.clock.now() < claims.expires else {
            return self.error(request, nil, status: .gone, "error_link_expired", hint: "error_restart")
        }
        guard let transaction = try await self.deps.transactions.transaction(id: id), transaction.protocol == .sep24 else {
            return self.error(request, nil, status: .notFound, "error_not_found", hint: "error_restart")
        }
        guard transaction.version == claims.version, transaction.status == .incomplete else {
            return self.error(request, transaction, status: .gone, "error_link_used", hint: "error_restart")
        }
        var callback: String?, onChange: String?
        for (name, value) in [("callback", query["callback"]), ("on_change_callback", query["on_change_callback"])] {
            guard let value = value.map(String.init), !value.isEmpty else { continue }
            guard let accepted = self.callback(value) else {
                return self.error(request, transaction, status: .badRequest, "error_link_invalid", hint: "error_restart")
            }
            if name == "callback" { callback = accepted } else { onChange = accepted }
        }
        let language = query["lang"].flatMap { self.deps.pages.catalog.supported(String($0)) }
        do {
            _ = try await self.deps.transactions.update(
                id: id, expectedVersion: claims.version, cause: "sep24: interactive session opened"
            ) { [callback, onChange] record in
                if let callback { record.callback = callback }
                if let onChange { record.onChangeCallback = onChange }
                if let language { record.lang = language }
            }
        } catch StoreError.conflict {
            return self.error(request, transaction, status: .gone, "error_link_used", hint: "error_restart")
        }
        let now = self.deps.clock.now()
        let session = self.deps.secrets.session(
            transactionID: id, owner: transaction.sub, expires: now + Int64(self.deps.settings.sessionMinutes * 60))
        // The redirect drops the token from the address bar, history and any later Referer.
        var response = Response(status: .seeOther, headers: [.location: self.path(id), .cacheControl: "no-store"])
        response.setCookie(Cookie(
            name: Self.cookieName, value: session, maxAge: self.deps.settings.sessionMinutes * 60, path: self.path(id),
            secure: self.deps.settings.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    /// `postMessage`, or an absolute http(s) URL (https unless the anchor itself runs on plain HTTP, as in development).
    private func callback(_ value: String) -> String? {
        if value.lowercased() == "postmessage" { return "postMessage" }
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false else { return nil }
        return scheme == "https" || (scheme == "http" && !self.deps.settings.secureCookies) ? value : nil
    }

    /// The current step: the next form, or the final page once the flow ended.
    private func render(
        _ request: Request, _ transaction: Transaction, nonce: String, errors: [String: String] = [:], formMessage: String? = nil,
        submitted: [String: String]? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = self.language(request, transaction)
        guard let asset = try await self.deps.assets.asset(code: transaction.assetCode) else {
            return self.error(request, transaction, status: .notFound, "error_not_found", hint: nil)
        }
        let state = try await self.deps.flows.state(for: transaction.id)
        guard transaction.status == .incomplete else {
            let sendOnLoad = request.uri.queryParameters["done"] == "1"
            return try await DonePage(deps: self.deps, language: language, path: self.path(transaction.id))
                .render(transaction, asset: asset, closing: state.closing, sendCallbackOnLoad: sendOnLoad)
        }
        switch try await self.flow.next(transaction, asset: asset, state: state, language: language) {
        case .finished(let closing):
            _ = try await self.flow.finish(transaction, asset: asset, closing: closing)
            return self.redirect(transaction.id, done: true, request: request)
        case .form(let form, let content):
            var values = form.fields.reduce(into: [String: String]()) { values, field in
                let value = state.values[field.name] ?? field.value ?? state.prefill[field.name]
                // A prefilled amount shows as the asset displays amounts ("40.00"); what the user typed stays as typed.
                values[field.name] = field.type == .amount
                    ? value.map { Amount($0)?.formatted(decimals: asset.significantDecimals) ?? $0 } : value
            }
            if let submitted { values.merge(submitted) { _, new in new } }
            var preview: FeeBreakdown?
            if let field = form.fields.first(where: { $0.type == .amount }), let amount = values[field.name].flatMap({ Amount($0) }),
               !amount.isZero, case .success(let quote)? = try? await self.flow.quote(amount, asset: asset, operation: transaction.kind == .deposit ? .deposit : .withdraw) {
                preview = quote
            }
            let page = FormPage(
                page: PageModel(deps: self.deps, language: language, path: self.path(transaction.id)), transaction: transaction, asset: asset,
                form: form, content: content, values: values, errors: errors, formMessage: formMessage, notice: notice,
                csrf: self.deps.secrets.csrf(transactionID: transaction.id, nonce: nonce), action: self.action(request, transaction.id),
                feeURL: self.path(transaction.id) + "/fee", preview: preview)
            return PageModel.html(self.deps.pages.render("form", page.context()), status: status)
        }
    }

    // MARK: POST

    @Sendable func submit(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let session = try await self.session(request, id: id) else {
            return self.error(request, nil, status: .forbidden, "error_session", hint: "error_restart")
        }
        let transaction = session.transaction
        return try await self.guarded(request, transaction) {
            let fields = try await RequestFields.read(request, limit: context.maxBodyBytes).values
            let language = self.language(request, transaction)
            guard let csrf = fields["csrf_token"], self.deps.secrets.checkCSRF(csrf, transactionID: id, nonce: session.nonce) else {
                return try await self.render(request, transaction, nonce: session.nonce, notice: self.text("error_csrf", language), status: .forbidden)
            }
            guard transaction.status == .incomplete, let asset = try await self.deps.assets.asset(code: transaction.assetCode) else {
                return self.redirect(id, done: false, request: request)
            }
            let state = try await self.deps.flows.state(for: id)
            guard case .form(let form, _) = try await self.flow.next(transaction, asset: asset, state: state, language: language) else {
                return self.redirect(id, done: false, request: request)
            }
            // A second tab, or the back button, posting an earlier step: show the step the flow is really at.
            guard fields["form_id"] == form.id else {
                return try await self.render(request, transaction, nonce: session.nonce, notice: self.text("form_stale", language))
            }
            switch try await self.flow.submit(transaction, asset: asset, state: state, form: form, submitted: fields, language: language) {
            case .invalid(let errors, let message):
                let shown = form.fields.reduce(into: [String: String]()) { $0[$1.name] = fields[$1.name] ?? "" }
                return try await self.render(
                    request, transaction, nonce: session.nonce, errors: errors, formMessage: message, submitted: shown, status: .unprocessableContent)
            case .accepted(let updated):
                if case .finished(let closing) = try await self.flow.next(updated, asset: asset, state: try await self.deps.flows.state(for: id), language: language) {
                    _ = try await self.flow.finish(updated, asset: asset, closing: closing)
                    return self.redirect(id, done: true, request: request)
                }
                return self.redirect(id, done: false, request: request)
            }
        }
    }

    // MARK: fee preview

    /// `{"fee": "2.00 SRT", "receive": "98.00 SRT"}` for the amount typed so far, or `{"error": "…"}`.
    @Sendable func fee(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let session = try await self.session(request, id: id) else {
            throw SEPError(status: .forbidden, message: "session required")
        }
        let transaction = session.transaction
        let language = self.language(request, transaction)
        guard let asset = try await self.deps.assets.asset(code: transaction.assetCode) else { throw SEPError.notFound() }
        let operation: FeeOperation = transaction.kind == .deposit ? .deposit : .withdraw
        let validator = FormValidator(catalog: self.deps.pages.catalog, language: language, asset: asset, operation: operation)
        let field = FormField(name: "amount", type: .amount, label: "", required: true)
        let text = request.uri.queryParameters["amount"].map(String.init) ?? ""
        var body: [String: String]
        if let problem = validator.validate(FormSchema(id: "fee", title: "", fields: [field]), ["amount": text]).errors["amount"] {
            body = ["error": problem]
        } else if let amount = Amount(text) {
            switch try await self.flow.quote(amount, asset: asset, operation: operation) {
            case .success(let quote):
                body = ["fee": validator.display(quote.amountFee) + " " + asset.code, "receive": validator.display(quote.amountOut) + " " + asset.code]
            case .failure:
                body = ["error": self.text("v_fee_exceeds", language)]
            }
        } else {
            body = ["error": self.text("v_amount", language)]
        }
        let data = try JSONEncoder.sorted.encode(body)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: helpers

    /// The transaction this browser holds a genuine, unexpired session for, with the session's nonce.
    private func session(_ request: Request, id: String) async throws -> (transaction: Transaction, nonce: String)? {
        guard let value = request.cookies[Self.cookieName]?.value,
              let transaction = try await self.deps.transactions.transaction(id: id), transaction.protocol == .sep24,
              let nonce = self.deps.secrets.readSession(value, transactionID: id, owner: transaction.sub, now: self.deps.clock.now())
        else { return nil }
        return (transaction, nonce)
    }

    /// Runs a page handler, turning the flow's failures into pages instead of JSON errors.
    private func guarded(_ request: Request, _ transaction: Transaction, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let failure as HookFailure {
            return self.error(request, transaction, status: failure.temporary ? .serviceUnavailable : .internalServerError,
                              failure.temporary ? "error_unavailable" : "error_internal", hint: nil)
        } catch let error as FlowError {
            self.deps.logger.error("sep24 flow stopped", metadata: ["transaction_id": "\(transaction.id)", "reason": "\(error)"])
            return self.error(request, transaction, status: .internalServerError, "error_form_misconfigured", hint: nil)
        } catch StoreError.conflict {
            // Another tab moved the flow on between our read and our write: show where it is now.
            return self.redirect(transaction.id, done: false)
        }
    }

    func language(_ request: Request, _ transaction: Transaction?) -> String {
        let lang = request.uri.queryParameters["lang"].map(String.init) ?? transaction?.lang
        return self.deps.pages.catalog.negotiate(lang: lang, acceptLanguage: request.headers[.acceptLanguage])
    }

    private func text(_ key: String, _ language: String) -> String { self.deps.pages.catalog.text(key, language, ["brand": self.deps.settings.brand.name]) }

    func path(_ id: String) -> String { PageModel.basePath(self.deps.settings.publicURL) + self.deps.interactivePath(id) }

    /// Post/redirect/get back to the flow's page, keeping a language the user picked with the switcher.
    private func redirect(_ id: String, done: Bool, request: Request? = nil) -> Response {
        var query: [String: String] = done ? ["done": "1"] : [:]
        if let lang = request?.uri.queryParameters["lang"].flatMap({ self.deps.pages.catalog.supported(String($0)) }) { query["lang"] = lang }
        let location = query.isEmpty ? self.path(id) : PageModel.withQuery(self.path(id), query)
        return Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// The form's action: this page, with the language the user picked, if any.
    private func action(_ request: Request, _ id: String) -> String {
        guard let lang = request.uri.queryParameters["lang"].flatMap({ self.deps.pages.catalog.supported(String($0)) }) else { return self.path(id) }
        return PageModel.withQuery(self.path(id), ["lang": lang])
    }

    func error(_ request: Request, _ transaction: Transaction?, status: HTTPResponse.Status, _ key: String, hint: String?) -> Response {
        ErrorPage(deps: self.deps, language: self.language(request, transaction), path: request.uri.path)
            .render(status: status, messageKey: key, hintKey: hint, transaction: transaction)
    }
}
