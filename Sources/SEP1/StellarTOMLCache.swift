import CapstanCore
import Hummingbird
import Synchronization

/// Serves the last generated stellar.toml and rebuilds it once its age passes `maxAge`.
///
/// The file is read by every wallet before anything else, so the hot path is a lock and a reference-counted copy
/// of a prebuilt buffer;
/// the asset table and plugin are consulted at most once per `maxAge`, and a failed rebuild keeps the
/// last good file in service.
public final class StellarTOMLCache: Sendable {
    private struct State {
        var file: (text: String, body: ByteBuffer)?
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
        try await self.file().text
    }

    /// The current file as a response body: the same bytes every time, shared rather than copied.
    public func currentBody() async throws -> ByteBuffer {
        try await self.file().body
    }

    private func file() async throws -> (text: String, body: ByteBuffer) {
        let now = ContinuousClock.now
        let (cached, mustBuild) = self.state.withLock { state -> ((text: String, body: ByteBuffer)?, Bool) in
            let fresh = state.builtAt.map { now - $0 < self.maxAge } ?? false
            if fresh || (state.rebuilding && state.file != nil) { return (state.file, false) }
            state.rebuilding = true
            return (state.file, true)
        }
        if !mustBuild, let cached { return cached }
        do {
            let text = try await self.build()
            let file = (text: text, body: ByteBuffer(string: text))
            self.state.withLock { $0 = State(file: file, builtAt: .now, rebuilding: false) }
            return file
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
