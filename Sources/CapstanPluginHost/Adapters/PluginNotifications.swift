import CapstanCore
import CapstanHTTP
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

    /// The notification hooks, in the order a change queues them.
    static let hooks: [PluginHook] = [.afterDeposit, .transactionEvent]

    /// Whether a loaded plugin implements any notification hook: without one there is nothing to queue.
    public static func wanted(by host: PluginHost) -> Bool {
        self.hooks.contains { host.owner(of: $0) != nil }
    }

    public func notifications(
        for transaction: Transaction, previousStatus: TransactionStatus, assetIssuer: String?
    ) throws -> [PluginNotification] {
        let shape = HookTransaction(transaction, assetIssuer: assetIssuer)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var queued: [PluginNotification] = []
        if transaction.status == .completed, transaction.kind.isDeposit, self.host.owner(of: .afterDeposit) != nil {
            queued.append(PluginNotification(hook: PluginHook.afterDeposit.rawValue, body: Array(try encoder.encode(Single(transaction: shape)))))
        }
        if self.host.owner(of: .transactionEvent) != nil {
            // `sequence` is the transaction's version: it grows with every change, so a plugin can drop a stale event.
            let event = Event(sequence: transaction.version, previousStatus: previousStatus.rawValue, transaction: shape)
            queued.append(PluginNotification(hook: PluginHook.transactionEvent.rawValue, body: Array(try encoder.encode(event))))
        }
        return queued
    }

    /// Calls the row's hook with its body; nil once the plugin answered OK, or UNIMPLEMENTED ("the host uses its
    /// default": there is nothing more to tell it). Any other answer is retried by the dispatcher, and so is a hook
    /// no plugin implements now (a plugin missing from plugins.d over a restart gets its backlog once it is back).
    public func deliver(_ delivery: CallbackDelivery) async -> String? {
        guard let hook = PluginHook(rawValue: delivery.url), Self.hooks.contains(hook) else {
            return "no notification hook named \(delivery.url)"
        }
        do {
            let reply = try await self.host.call(hook, json: Array(delivery.body.utf8), idempotencyKey: Self.key(hook, delivery))
            return reply == nil ? "no plugin implements \(hook.rawValue)" : nil
        } catch {
            // Not `catch .unimplemented`: that pattern on a typed throw crashes Swift 6.3.1's SILGen.
            return error == .unimplemented ? nil : "\(hook.rawValue): \(error)"
        }
    }

    /// The header's keys: the transaction id for after_deposit; the transaction id and the event's sequence (its
    /// version, which one change sets once) for transaction_event.
    static func key(_ hook: PluginHook, _ delivery: CallbackDelivery) -> String {
        guard hook == .transactionEvent else { return "after_deposit:\(delivery.transactionID)" }
        let sequence = (try? JSONDecoder().decode(Sequence.self, from: Data(delivery.body.utf8)).sequence).map(String.init) ?? "?"
        return "transaction_event:\(delivery.transactionID):\(sequence)"
    }

    private struct Sequence: Decodable { var sequence: Int64 }

    private struct Single: Encodable { var transaction: HookTransaction }

    private struct Event: Encodable {
        var event = "status_changed"
        var sequence: Int64
        var previousStatus: String
        var transaction: HookTransaction

        enum CodingKeys: String, CodingKey {
            case event, sequence, transaction
            case previousStatus = "previous_status"
        }
    }
}
