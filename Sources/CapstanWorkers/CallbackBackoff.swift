/// When to try a failed callback again: exponential back-off from `base`, doubling per attempt, capped at
/// `maximum`, with ±25 % jitter so that many callbacks failing together (a wallet outage) do not retry in lockstep.
public struct CallbackBackoff: Sendable, Equatable {
    public var base: Duration
    public var maximum: Duration

    public init(base: Duration = .seconds(5), maximum: Duration = .seconds(3600)) {
        self.base = base
        self.maximum = maximum
    }

    /// The wait after the `attempts`-th failed attempt (1 for the first), jitter drawn from `unit` in 0...1.
    public func delay(afterAttempt attempts: Int, unit: Double = Double.random(in: 0...1)) -> Duration {
        let exponent = min(max(0, attempts - 1), 30)           // 2^30 × any sane base is far past any cap
        let raw = self.base * (1 << exponent)
        let capped = min(raw, self.maximum)
        let jittered = capped * (0.75 + 0.5 * min(max(unit, 0), 1))
        return min(jittered, self.maximum)
    }
}
