import Synchronization

/// Host functions plugins reach through `host_call`, registered by the modules that serve them (SEP-12 registers
/// `customer.status_changed`). Registration may happen after the plugins loaded: a method nobody registered
/// answers CAPSTAN_UNIMPLEMENTED, as the header tells plugins to expect.
public final class HostMethods: Sendable {
    /// Answers one call: `plugin` is the caller's name, `request` its JSON bytes; returns the reply's JSON bytes.
    public typealias Handler = @Sendable (_ plugin: String, _ request: [UInt8]) async throws(HostMethodError) -> [UInt8]

    private let handlers = Mutex<[String: Handler]>([:])

    public init() {}

    /// Makes `name` answer with `handler`, replacing any earlier one.
    public func register(_ name: String, _ handler: @escaping Handler) {
        self.handlers.withLock { $0[name] = handler }
    }

    func handler(for name: String) -> Handler? {
        self.handlers.withLock { $0[name] }
    }
}

/// Why a host method refused a call, as the plugin will see it.
public enum HostMethodError: Error, Sendable {
    /// The request is wrong (CAPSTAN_INVALID); the message is logged.
    case invalid(String)
    /// What the request names does not exist (CAPSTAN_NOT_FOUND).
    case notFound(String)
    /// Try again later (CAPSTAN_TRANSIENT).
    case transient(String)
}
