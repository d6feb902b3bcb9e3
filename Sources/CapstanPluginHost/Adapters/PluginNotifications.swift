import CapstanCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The plugins' notification hooks (`after_deposit`, `transaction_event`, see `capstan_plugin.h`): which a status
/// change calls for, rendered for the store's outbox, and their delivery by a `CallbackDispatcher`.
///
/// Only hooks a loaded plugin implements are queued, so an anchor without them stores nothing.
public struct PluginNotifications: PluginNotifier {
    let host: PluginHost

    public init(host: PluginHost) {
        self.host = host
    }

    public func notifications(
        for transaction: Transaction, previousStatus: TransactionStatus, assetIssuer: String?
    ) throws -> [PluginNotification] {
        let shape = PluginRails.HookTransaction(transaction, assetIssuer: assetIssuer)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var queued: [PluginNotification] = []
        if transaction.status == .completed, [.deposit, .depositExchange].contains(transaction.kind),
           self.host.owner(of: .afterDeposit) != nil {
            queued.append(PluginNotification(hook: PluginHook.afterDeposit.rawValue, body: Array(try encoder.encode(Single(transaction: shape)))))
        }
        if self.host.owner(of: .transactionEvent) != nil {
            // `sequence` is the transaction's version: it grows with every change, so a plugin can drop a stale event.
            let event = Event(sequence: transaction.version, previousStatus: previousStatus.rawValue, transaction: shape)
            queued.append(PluginNotification(hook: PluginHook.transactionEvent.rawValue, body: Array(try encoder.encode(event))))
        }
        return queued
    }

    /// Calls the row's hook with its body. A plugin that no longer implements the hook has nothing to be told, so
    /// that counts as delivered; every failure is retried by the dispatcher.
    public func deliver(_ delivery: CallbackDelivery) async -> String? {
        guard let hook = PluginHook(rawValue: delivery.url), [.afterDeposit, .transactionEvent].contains(hook) else {
            return "no notification hook named \(delivery.url)"
        }
        // after_deposit keeps the key the header promises (the transaction id); an event is keyed by its row.
        let key = hook == .afterDeposit ? "after_deposit:\(delivery.transactionID)" : "transaction_event:\(delivery.id)"
        do {
            _ = try await self.host.call(hook, json: Array(delivery.body.utf8), idempotencyKey: key)
            return nil
        } catch {
            return "\(hook.rawValue): \(error)"
        }
    }

    private struct Single: Encodable { var transaction: PluginRails.HookTransaction }

    private struct Event: Encodable {
        var event = "status_changed"
        var sequence: Int64
        var previousStatus: String
        var transaction: PluginRails.HookTransaction

        enum CodingKeys: String, CodingKey {
            case event, sequence, transaction
            case previousStatus = "previous_status"
        }
    }
}
