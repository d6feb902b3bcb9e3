import CapstanCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where an interactive flow is: how many forms were submitted, the values so far (the `sep24_form` hook gets
/// them back), SEP-9 prefill, and the closing text once the flow finished.
struct FlowState: Codable, Sendable, Equatable {
    var step: Int = 0
    var values: [String: String] = [:]
    var prefill: [String: String] = [:]
    /// The `content` the last `sep24_form` reply carried, shown on the final page.
    var closing: PageContent?
}

/// Keeps `FlowState` durably, so a flow survives a restart and any instance can serve the next page.
///
/// It lives in the host's key-value table under the namespace `capstan.sep24`, which no plugin can own (plugin
/// names cannot contain a dot). Submitted values may be personal data: they are dropped when the flow finishes,
/// keeping only the closing text.
struct FlowStateStore: Sendable {
    static let namespace = "capstan.sep24"
    let store: any PluginKeyValueStore

    func state(for transactionID: String) async throws -> FlowState {
        guard let bytes = try await self.store.value(plugin: Self.namespace, key: Self.key(transactionID)) else { return FlowState() }
        return (try? JSONDecoder().decode(FlowState.self, from: Data(bytes))) ?? FlowState()
    }

    func save(_ state: FlowState, for transactionID: String) async throws {
        try await self.store.setValue(Array(try JSONEncoder().encode(state)), plugin: Self.namespace, key: Self.key(transactionID))
    }

    /// Keeps only what the final page needs.
    func finish(_ transactionID: String, closing: PageContent?) async throws {
        try await self.save(FlowState(closing: closing), for: transactionID)
    }

    private static func key(_ transactionID: String) -> String { "flow:\(transactionID)" }
}
