/// Timeouts and size limits of a `HorizonClient`.
public struct HorizonClientConfiguration: Sendable {
    /// For a read, connection to last byte.
    public var requestTimeout: Duration
    /// For a submission. Horizon itself answers 504 after about 30 seconds without a ledger; this bounds the rest.
    public var submitTimeout: Duration
    /// The largest body read; a page of 200 payments joined with their transactions is the big case.
    public var maxResponseBytes: Int
    /// How payment streams connect, detect silence and back off.
    public var stream: HorizonStreamConfiguration

    public init(
        requestTimeout: Duration = .seconds(15), submitTimeout: Duration = .seconds(60), maxResponseBytes: Int = 16 << 20,
        stream: HorizonStreamConfiguration = HorizonStreamConfiguration()
    ) {
        self.requestTimeout = requestTimeout
        self.submitTimeout = submitTimeout
        self.maxResponseBytes = maxResponseBytes
        self.stream = stream
    }
}

/// How a server-sent-event stream behaves between and across connections.
public struct HorizonStreamConfiguration: Sendable {
    /// Until the response head arrives.
    public var connectTimeout: Duration
    /// With no byte at all (no record, no keep-alive comment) for this long, the connection is presumed dead and replaced.
    public var silenceTimeout: Duration
    /// The first delay before reconnecting; doubles after each failed attempt up to `maximumBackoff`. A healthy
    /// connection that then ends resets it. A server `retry:` field replaces it, capped at `maximumBackoff`.
    public var initialBackoff: Duration
    public var maximumBackoff: Duration
    /// The longest event line accepted; a longer record is reported as undecodable and skipped.
    public var maxEventBytes: Int
    /// Sees each connect and disconnect, for logs and metrics (and tests).
    public var onConnectionEvent: (@Sendable (HorizonStreamConnectionEvent) -> Void)?

    public init(
        connectTimeout: Duration = .seconds(15), silenceTimeout: Duration = .seconds(60), initialBackoff: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(30), maxEventBytes: Int = 1 << 20,
        onConnectionEvent: (@Sendable (HorizonStreamConnectionEvent) -> Void)? = nil
    ) {
        self.connectTimeout = connectTimeout
        self.silenceTimeout = silenceTimeout
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.maxEventBytes = maxEventBytes
        self.onConnectionEvent = onConnectionEvent
    }
}

/// A stream connection's life: connected from a cursor, or gone and when the next attempt is.
public enum HorizonStreamConnectionEvent: Sendable, Hashable {
    /// Horizon answered 200; records after `cursor` (nil: from the start of history) follow.
    case connected(cursor: String?)
    /// The connection ended; the stream reconnects from `cursor` after `retryIn`.
    case disconnected(reason: HorizonStreamDisconnect, cursor: String?, retryIn: Duration)
}

/// Why a stream connection ended.
public enum HorizonStreamDisconnect: Sendable, Hashable {
    /// The server closed the stream (after `byebye`, or at a proxy's time limit).
    case serverClosed
    /// Nothing arrived within the silence timeout.
    case silence
    /// The request or the connection failed.
    case failed(HorizonError)
}
