import CapstanCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A transaction as the final page and the more-info page show it: a summary, the payment a withdrawal's wallet
/// makes, and the anchor's instructions for paying a deposit.
struct TransactionView {
    let page: PageModel
    let transaction: Transaction
    let asset: Asset

    func money(_ amount: Amount?) -> String? {
        amount.map { "\($0.formatted(decimals: self.asset.significantDecimals)) \(self.asset.code)" }
    }

    var statusText: String { self.page.text("status_\(self.transaction.status.rawValue)") }

    /// `ok` for completed, `bad` for failures, `wait` for everything in between: the badge's colour.
    var statusTone: String {
        switch self.transaction.status {
        case .completed: "ok"
        case .error, .expired, .noMarket, .tooSmall, .tooLarge, .refunded: "bad"
        default: "wait"
        }
    }

    var summaryRows: [[String: Any]] {
        let tx = self.transaction
        var rows: [[String: Any]] = [
            PageModel.row(self.page.text("row_type"), self.page.text(tx.kind == .deposit ? "kind_deposit" : "kind_withdrawal")),
            PageModel.row(self.page.text("row_status"), self.statusText),
        ]
        if let amount = self.money(tx.amountIn) { rows.append(PageModel.row(self.page.text("row_amount"), amount)) }
        if let fee = self.money(tx.amountFee) { rows.append(PageModel.row(self.page.text("row_fee"), fee)) }
        if let out = self.money(tx.amountOut) { rows.append(PageModel.row(self.page.text("row_receive"), out, strong: true)) }
        rows.append(PageModel.row(self.page.text("row_reference"), tx.id, id: "reference", copy: true))
        rows.append(PageModel.row(self.page.text("row_started"), Self.readable(tx.startedAt)))
        if let completed = tx.completedAt { rows.append(PageModel.row(self.page.text("row_completed"), Self.readable(completed))) }
        if let hash = tx.stellarTransactionID { rows.append(PageModel.row(self.page.text("row_stellar_transaction"), hash, id: "stellar-tx")) }
        return rows
    }

    /// The withdrawal payment the user's wallet must send, once the anchor gave account and memo.
    var paymentRows: [[String: Any]] {
        let tx = self.transaction
        guard tx.kind == .withdrawal, tx.status == .pendingUserTransferStart, let account = tx.withdrawAnchorAccount else { return [] }
        var rows = [PageModel.row(self.page.text("row_send_to"), account, id: "send-to", copy: true)]
        if let memo = tx.withdrawMemo {
            rows.append(PageModel.row(self.page.text("row_memo"), memo, id: "send-memo", copy: true))
            rows.append(PageModel.row(self.page.text("row_memo_type"), tx.withdrawMemoType?.rawValue ?? "text"))
        }
        if let amount = self.money(tx.amountIn) { rows.append(PageModel.row(self.page.text("row_send_amount"), amount, strong: true)) }
        return rows
    }

    /// The `deposit_instructions` reply as rows, in a stable order.
    static func instructionRows(_ reply: InstructionsReply?) -> [[String: Any]] {
        guard let reply else { return [] }
        return reply.instructions.sorted { $0.key < $1.key }.enumerated().map { index, entry in
            PageModel.row(entry.value.description, entry.value.value, id: "instruction-\(index)", copy: true)
        }
    }

    /// The details every page with a transaction shares (`details.mustache`).
    func details(instructions: InstructionsReply?) -> [String: Any] {
        let summary = self.summaryRows, payment = self.paymentRows, lines = Self.instructionRows(instructions)
        var context: [String: Any] = [
            "summary_rows": summary, "has_summary": !summary.isEmpty,
            "payment_rows": payment, "has_payment": !payment.isEmpty,
            "instruction_rows": lines, "has_instructions": !lines.isEmpty,
            "status_text": self.statusText, "status_tone": self.statusTone,
        ]
        if let message = instructions?.message { context["instructions_message"] = message }
        return context
    }

    /// `2026-01-31 12:00 UTC`: dates on pages are for people, the API keeps ISO 8601.
    static func readable(_ date: Date) -> String {
        let iso = UTCTimestamp.format(date)
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
    }
}
