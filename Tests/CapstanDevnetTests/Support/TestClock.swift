import Synchronization

/// A clock tests move by hand, for time bounds and claim predicates.
final class TestClock: Sendable {
    private let seconds: Mutex<UInt64>

    init(_ start: UInt64 = 1_750_000_000) {
        self.seconds = Mutex(start)
    }

    var now: UInt64 { self.seconds.withLock { $0 } }

    func advance(by delta: UInt64) {
        self.seconds.withLock { $0 += delta }
    }
}
