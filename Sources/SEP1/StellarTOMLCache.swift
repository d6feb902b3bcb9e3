import CapstanCore
import Synchronization

/// Serves the last generated stellar.toml and rebuilds it once its age passes `maxAge`.
///
/// The file is read by every wallet before anything else, so the hot path is a lock and a string copy;
/// the asset table and plugin are consulted at most once per `maxAge`, and a failed rebuild keeps the
/// last good file in service.
public final class StellarTOMLCache: Sendable {
    private struct State {
        var text: String?
        var builtAt: ContinuousClock.Instant?
        var rebuilding = false
    }

    private let settings: StellarTOMLSettings
    private let assets: any AssetStore
    private let contributor: (any TOMLContributor)?
    private let maxAge: Duration
    private let state = Mutex(State())

    public init(settings: StellarTOMLSettings, assets: any AssetStore, contributor: (any TOMLContributor)?, maxAge: Duration) {
        self.settings = settings
        self.assets = assets
        self.contributor = contributor
        self.maxAge = maxAge
    }

    /// The current file, built now if there is none yet or it is stale and nobody else is rebuilding it.
    public func current() async throws -> String {
        let now = ContinuousClock.now
        let (cached, mustBuild) = self.state.withLock { state -> (String?, Bool) in
            let fresh = state.builtAt.map { now - $0 < self.maxAge } ?? false
            if fresh || (state.rebuilding && state.text != nil) { return (state.text, false) }
            state.rebuilding = true
            return (state.text, true)
        }
        guard mustBuild else { return cached! }
        do {
            let text = try await self.build()
            self.state.withLock { $0 = State(text: text, builtAt: .now, rebuilding: false) }
            return text
        } catch {
            self.state.withLock { $0.rebuilding = false }
            if let cached { return cached }
            throw error
        }
    }

    /// Builds the file without touching the cache; start-up uses it to fail fast on a bad plugin or a file over 100 KB.
    public func build() async throws -> String {
        let assets = try await self.assets.all()
        let context = TOMLContext(
            homeDomain: self.settings.homeDomain,
            networkPassphrase: self.settings.networkPassphrase,
            currencies: assets.map { TOMLContext.Currency(code: $0.code, issuer: $0.issuer) }
        )
        let contribution = try await self.contributor?.contribution(for: context)
        return try StellarTOMLBuilder().build(settings: self.settings, assets: assets, contribution: contribution)
    }
}
