import CapstanCore
import CapstanHTTP
import Foundation
import Logging
import SEP12

/// What a customer's new SEP-12 status does: queues the signed status callback the wallet registered, and moves
/// the customer's transactions that wait in `pending_customer_info_update` (on to the user's transfer when
/// ACCEPTED, to `error` when REJECTED; NEEDS_INFO and PROCESSING leave them waiting).
struct CustomerStatusEffects: CustomerStatusSink {
    let callbacks: any CustomerCallbackQueue
    let transactions: any TransactionStore
    let logger: Logger
    /// A customer's waiting transactions are few; this bounds a pathological owner.
    static let scanLimit = 500

    func customerStatusChanged(_ change: CustomerStatusChange) async throws {
        if let url = change.callbackURL {
            let body = String(decoding: try JSONEncoder.sorted.encode(change.reply), as: UTF8.self)
            try await self.callbacks.enqueue(customerID: change.customerID, url: url, body: body, now: Date())
        }
        let next: TransactionStatus
        switch change.reply.status {
        case .accepted: next = .pendingUserTransferStart
        case .rejected: next = .error
        case .needsInfo, .processing: return
        }
        let owned = try await self.transactions.transactions(owner: change.owner, query: TransactionQuery(protocols: [.sep6], limit: Self.scanLimit))
        for waiting in owned where waiting.status == .pendingCustomerInfoUpdate {
            do {
                _ = try await self.transactions.update(id: waiting.id, expectedVersion: waiting.version, cause: "sep12:\(change.reply.status.rawValue)") {
                    $0.status = next
                    if next == .error { $0.message = change.reply.message ?? "The anchor could not verify the customer's information." }
                }
            } catch {
                // Another writer moved it first (a conflict) or it left the waiting status: nothing to do for it.
                self.logger.notice("transaction not moved after customer status change", metadata: [
                    "transaction_id": "\(waiting.id)", "error": "\(String(reflecting: error))",
                ])
            }
        }
    }
}
