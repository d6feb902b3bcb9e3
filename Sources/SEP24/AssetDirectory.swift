import CapstanCore
import Synchronization

/// The asset table as SEP-24 reads it on every request, cached for a few seconds.
///
/// `/info` and `/transactions` are the hot read paths; both need the assets but not a fresh database read each
/// time. An operator's change (`capstan assets …`) is seen within `maxAge`, which is the same trade the
/// stellar.toml cache makes.
final class AssetDirectory: Sendable {
    private struct Snapshot {
        var assets: [Asset]
        var byCode: [String: Asset]
        var loadedAt: ContinuousClock.Instant
    }

    private let store: any AssetStore
    private let maxAge: Duration
    private let snapshot = Mutex<Snapshot?>(nil)

    init(store: any AssetStore, maxAge: Duration = .seconds(5)) {
        self.store = store
        self.maxAge = maxAge
    }

    /// Every asset offered under SEP-24, ordered by code.
    func sep24Assets() async throws -> [Asset] {
        try await self.current().assets.filter { $0.seps.contains(.sep24) }
    }

    /// The SEP-24 asset with this code, or nil (unknown, or not offered under SEP-24).
    func asset(code: String) async throws -> Asset? {
        guard let asset = try await self.current().byCode[code], asset.seps.contains(.sep24) else { return nil }
        return asset
    }

    private func current() async throws -> Snapshot {
        let now = ContinuousClock.now
        if let cached = self.snapshot.withLock({ $0 }), now - cached.loadedAt < self.maxAge { return cached }
        let assets = try await self.store.all()
        let fresh = Snapshot(assets: assets, byCode: Dictionary(assets.map { ($0.code, $0) }) { first, _ in first }, loadedAt: now)
        self.snapshot.withLock { $0 = fresh }
        return fresh
    }
}
