import SEP1

/// SEP-1's `TOMLContributor` backed by the plugins' `toml` hook.
public struct PluginTOMLContributor: TOMLContributor {
    let host: PluginHost

    public init(host: PluginHost) {
        self.host = host
    }

    public func contribution(for context: TOMLContext) async throws -> TOMLContribution? {
        try await self.host.call(.toml, context, as: TOMLContribution.self)
    }
}
