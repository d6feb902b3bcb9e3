import Dispatch
import Synchronization

/// What became of one hook call, as seen by its caller.
enum CallOutcome: Sendable {
    case answered(status: Int32, reply: [UInt8]?)
    case timedOut
}

/// Resumes a waiting caller exactly once: with the plugin's answer or, past the deadline, without
/// it. Whichever comes second is dropped, which is how a late reply gets discarded.
final class CallGate: Sendable {
    private struct State {
        var continuation: CheckedContinuation<CallOutcome, Never>?
        var timer: DispatchWorkItem?
    }

    /// Deadlines fire on a thread of their own, not on Swift concurrency's pool: when every thread of that pool is
    /// busy (request handling under load, or blocking work someone put there), a deadline must still end the wait.
    private static let timers = DispatchQueue(label: "capstan.plugin-deadlines")

    private let state: Mutex<State>

    init(_ continuation: CheckedContinuation<CallOutcome, Never>) {
        self.state = Mutex(State(continuation: continuation))
    }

    /// Starts the deadline timer unless the call was already answered.
    func arm(_ timeout: Duration) {
        self.state.withLock { state in
            guard state.continuation != nil else { return }
            let timer = DispatchWorkItem { [weak self] in self?.finish(.timedOut) }
            state.timer = timer
            let (seconds, attoseconds) = timeout.components
            Self.timers.asyncAfter(
                deadline: .now() + .nanoseconds(Int(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)), execute: timer)
        }
    }

    func finish(_ outcome: CallOutcome) {
        let taken = self.state.withLock { state in
            defer { state = State() }
            return (state.continuation, state.timer)
        }
        guard let continuation = taken.0 else { return }
        if case .answered = outcome { taken.1?.cancel() }
        continuation.resume(returning: outcome)
    }
}
