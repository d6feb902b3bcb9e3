import CapstanHTTP
import CapstanCore
import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The last page of a flow (`done.mustache`) and the more-info page (`more_info.mustache`): what happens next,
/// how to pay, and, at the end of the flow, control handed back to the wallet.
///
/// A `postMessage` callback is posted by the page's script to `window.opener` or, failing that, `window.parent`
/// (SEP-24 "`postMessage` details"), once, right after the flow ends; the Close button posts it if that did not
/// happen and closes the window. URL callbacks are not the browser's business: the store's callback outbox POSTs
/// them, signed, when the status changes.
struct DonePage {
    let deps: SEP24Dependencies
    let language: String
    let path: String
    var query: [String: String] = [:]

    func render(_ transaction: Transaction, asset: Asset, closing: PageContent?, sendCallbackOnLoad: Bool) async throws -> Response {
        let page = PageModel(deps: self.deps, language: self.language, path: self.path)
        let view = TransactionView(page: page, transaction: transaction, asset: asset)
        let instructions = try await self.instructions(transaction, asset: asset)
        var context = page.base(title: view.statusText, transaction: transaction).merging(view.details(instructions: instructions)) { _, new in new }
        // The off-chain side is named by amount alone: a deposit's payment and a withdrawal's payout are in the
        // anchor's currency, which the asset table does not name; the Stellar side carries the asset code.
        let plain = { (amount: Amount?) in amount.map { $0.formatted(decimals: asset.significantDecimals) } ?? "—" }
        let deposit = transaction.kind == .deposit
        let amount = deposit ? plain(transaction.amountIn) : view.money(transaction.amountIn) ?? "—"
        let receive = deposit ? view.money(transaction.amountOut) ?? "—" : plain(transaction.amountOut)
        let arguments = ["amount": amount, "receive": receive, "brand": self.deps.settings.brand.name, "status": view.statusText]
        switch (transaction.kind, transaction.status) {
        case (.deposit, .pendingUserTransferStart):
            context["heading"] = page.text("done_deposit_heading")
            context["lead"] = page.text("done_deposit_lead", arguments)
        case (.withdrawal, .pendingUserTransferStart):
            context["heading"] = page.text("done_withdrawal_heading")
            context["lead"] = page.text("done_withdrawal_lead", arguments)
        default:
            context["heading"] = page.text("done_generic_heading")
            context["lead"] = page.text("done_generic_lead", arguments)
        }
        context["title"] = context["heading"]
        if let closing { context["content"] = ["title": closing.title, "body": closing.body] }
        if transaction.callback == "postMessage" {
            let json = TransactionObject.single(self.deps.object(transaction))
            context["post_message"] = true
            context["transaction_json"] = PageRenderer.scriptSafeJSON(json)
            context["send_on_load"] = sendCallbackOnLoad ? "true" : "false"
        }
        return PageModel.html(self.deps.pages.render("done", context))
    }

    func renderMoreInfo(_ transaction: Transaction, asset: Asset) async throws -> Response {
        let page = PageModel(deps: self.deps, language: self.language, path: self.path, query: self.query)
        let view = TransactionView(page: page, transaction: transaction, asset: asset)
        var context = page.base(title: page.text("more_info_title"), transaction: transaction)
            .merging(view.details(instructions: try await self.instructions(transaction, asset: asset))) { _, new in new }
        if let message = transaction.message { context["message"] = message }
        return PageModel.html(self.deps.pages.render("more_info", context))
    }

    /// The anchor's payment instructions, for deposits that wait for the user's payment. A failing hook hides the
    /// section rather than the page: the rest of the page is still right.
    private func instructions(_ transaction: Transaction, asset: Asset) async throws -> InstructionsReply? {
        guard transaction.kind == .deposit, transaction.status == .pendingUserTransferStart else { return nil }
        do {
            return try await self.deps.hooks.depositInstructions(InstructionsRequest(transaction: HookTransaction(transaction, assetIssuer: asset.issuer)))
        } catch {
            self.deps.logger.warning("deposit_instructions failed", metadata: ["transaction_id": "\(transaction.id)", "error": "\(String(reflecting: error))"])
            return nil
        }
    }
}

/// `error.mustache`: what went wrong, in words, and what to do.
struct ErrorPage {
    let deps: SEP24Dependencies
    let language: String
    let path: String

    func render(status: HTTPResponse.Status, messageKey: String, hintKey: String?, transaction: Transaction?) -> Response {
        let page = PageModel(deps: self.deps, language: self.language, path: self.path)
        var context = page.base(title: page.text("error_title"), transaction: transaction)
        context["message"] = page.text(messageKey, ["brand": self.deps.settings.brand.name])
        if let hintKey { context["hint"] = page.text(hintKey) }
        return PageModel.html(self.deps.pages.render("error", context), status: status)
    }
}
