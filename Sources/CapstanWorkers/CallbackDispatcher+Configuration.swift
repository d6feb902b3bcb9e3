extension CallbackDispatcher {
    /// How hard and how often the dispatcher tries; the defaults suit production, tests shrink the times.
    public struct Configuration: Sendable, Equatable {
        /// Attempts per callback, the first included, before it is given up (config `callbacks.max_attempts`).
        public var maxAttempts: Int
        /// Deadline of one POST (config `callbacks.timeout_ms`).
        public var timeout: Duration
        /// Wait between failed attempts.
        public var backoff: CallbackBackoff
        /// Wait between passes over the outbox.
        public var pollInterval: Duration
        /// Callbacks leased per pass.
        public var batchSize: Int
        /// POSTs in flight at once (to different destinations: one destination gets one at a time, in order).
        public var concurrency: Int

        public init(
            maxAttempts: Int = 12,
            timeout: Duration = .seconds(5),
            backoff: CallbackBackoff = CallbackBackoff(),
            pollInterval: Duration = .seconds(1),
            batchSize: Int = 50,
            concurrency: Int = 8
        ) {
            self.maxAttempts = max(1, maxAttempts)
            self.timeout = timeout
            self.backoff = backoff
            self.pollInterval = pollInterval
            self.batchSize = max(1, batchSize)
            self.concurrency = max(1, concurrency)
        }

        /// How long a leased callback is hidden from other dispatchers: past the deadlines of a whole pass (its
        /// rows go out `concurrency` at a time) with room to record the outcomes, so only a dispatcher that died
        /// mid-pass lets them come due again.
        var lease: Duration { self.timeout * ((self.batchSize + self.concurrency - 1) / self.concurrency) + .seconds(10) }
    }
}
