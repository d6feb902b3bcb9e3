import Synchronization

/// Runs jobs one at a time, in submission order, on the shared pool: how the host keeps its promise
/// to `CAPSTAN_PLUGIN_SERIAL` plugins without giving each of them a thread.
final class SerialLane: Sendable {
    private struct State {
        var queue: [@Sendable () -> Void] = []
        var running = false
    }

    private let pool: PluginThreadPool
    private let state = Mutex(State())

    init(pool: PluginThreadPool) {
        self.pool = pool
    }

    func submit(_ job: @escaping @Sendable () -> Void) {
        let start = self.state.withLock { state in
            state.queue.append(job)
            if state.running { return false }
            state.running = true
            return true
        }
        if start { self.pool.submit { self.drain() } }
    }

    private func drain() {
        while let job = self.next() { job() }
    }

    private func next() -> (@Sendable () -> Void)? {
        self.state.withLock { state in
            if state.queue.isEmpty {
                state.running = false
                return nil
            }
            return state.queue.removeFirst()
        }
    }
}

/// Where a plugin's calls run: anywhere on the pool, or in its serial lane.
enum PluginExecutor: Sendable {
    case concurrent(PluginThreadPool)
    case serial(SerialLane)

    func submit(_ job: @escaping @Sendable () -> Void) {
        switch self {
        case .concurrent(let pool): pool.submit(job)
        case .serial(let lane): lane.submit(job)
        }
    }
}
