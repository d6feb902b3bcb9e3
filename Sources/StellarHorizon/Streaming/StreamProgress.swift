import Synchronization

/// What one stream connection has seen, shared by its reader and its silence watchdog.
final class StreamProgress: Sendable {
    private struct State {
        var cursor: String?
        var lastActivity: ContinuousClock.Instant
        var healthy = false
        var retry: Duration?
    }

    private let state: Mutex<State>

    init(cursor: String?, retry: Duration?) {
        self.state = Mutex(State(cursor: cursor, lastActivity: .now, retry: retry))
    }

    var cursor: String? { self.state.withLock { $0.cursor } }
    var lastActivity: ContinuousClock.Instant { self.state.withLock { $0.lastActivity } }
    /// Whether the server got as far as `hello` or a record: then the next reconnect starts a fresh back-off.
    var healthy: Bool { self.state.withLock { $0.healthy } }
    var retry: Duration? { self.state.withLock { $0.retry } }

    func touch() { self.state.withLock { $0.lastActivity = .now } }
    func markHealthy() { self.state.withLock { $0.healthy = true } }
    func setRetry(_ retry: Duration) { self.state.withLock { $0.retry = retry } }

    /// Moves the cursor to `token` when it lies beyond it; false for a record already delivered (a replay after
    /// reconnecting must not deliver it twice). Tokens that are not decimal cannot be ordered and always count as new.
    func advance(to token: String) -> Bool {
        self.state.withLock { state in
            if let current = state.cursor.flatMap({ Int64($0) }), let next = Int64(token), next <= current { return false }
            state.cursor = token
            return true
        }
    }
}
