import Foundation

/// Wall-clock time in whole Unix seconds, injectable so that time-bound rules can be tested at fixed instants.
public struct UnixClock: Sendable {
    private let read: @Sendable () -> Int64

    public init(_ read: @escaping @Sendable () -> Int64) {
        self.read = read
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public func now() -> Int64 { self.read() }

    /// The system clock.
    public static let system = UnixClock { Int64(Date().timeIntervalSince1970) }

    /// A clock stopped at `seconds`.
    public static func fixed(_ seconds: Int64) -> UnixClock { UnixClock { seconds } }
}
