import CapstanCore
import Synchronization

/// The SEP-6 assets as every request reads them, cached for a few seconds: an operator's change
/// (`capstan assets …`) is seen within `maxAge`, the same trade SEP-24 and the stellar.toml cache make.
final class AssetDirectory: Sendable {
    private let store: any AssetStore
    private let maxAge: Duration
    private let snapshot = Mutex<(assets: [Asset], loadedAt: ContinuousClock.Instant)?>(nil)

    init(store: any AssetStore, maxAge: Duration = .seconds(5)) {
        self.store = store
        self.maxAge = maxAge
    }

    /// Every asset offered under SEP-6, ordered by code.
    func all() async throws -> [Asset] {
        let now = ContinuousClock.now
        if let cached = self.snapshot.withLock({ $0 }), now - cached.loadedAt < self.maxAge { return cached.assets }
        let assets = try await self.store.all().filter { $0.seps.contains(.sep6) }
        self.snapshot.withLock { $0 = (assets, now) }
        return assets
    }

    /// The SEP-6 asset with this code, or nil.
    func asset(code: String) async throws -> Asset? {
        try await self.all().first { $0.code == code }
    }
}
