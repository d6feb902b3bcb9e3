import CapstanCore

/// `FeeProvider` backed by the plugins' `fee` hook (see `capstan_plugin.h`).
///
/// No plugin owning the hook, or the owner answering `CAPSTAN_UNIMPLEMENTED` for this request, means "no fee
/// from here": nil, and the caller falls back to the asset table. Every other plugin error propagates.
public struct PluginFeeProvider: FeeProvider {
    let host: PluginHost

    public init(host: PluginHost) {
        self.host = host
    }

    public func fee(_ request: FeeRequest) async throws -> FeeQuote? {
        let reply: Reply?
        do {
            reply = try await self.host.call(.fee, request, as: Reply.self)
        } catch {
            // Not `catch .unimplemented`: that pattern on a typed throw crashes Swift 6.3.1's SILGen.
            if error == .unimplemented { return nil }
            throw error
        }
        guard let reply else { return nil }
        return FeeQuote(total: reply.fee, details: reply.details ?? [])
    }

    /// `{"fee": "2.00", "details"?: [{"name", "amount", "description"?}]}`; amounts are decimal strings.
    struct Reply: Decodable {
        var fee: Amount
        var details: [Transaction.FeeDetails.Item]?
    }
}
