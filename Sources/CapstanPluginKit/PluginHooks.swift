#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The handlers a Swift plugin registers, one per hook it implements; hooks left out stay NULL in
/// the C table, so the host uses its default for them.
///
/// Handlers run synchronously on the host's plugin threads, possibly several at once unless the
/// plugin is `serial`. A thrown `PluginFailure` becomes its status code and error body; any other
/// error becomes FATAL with a generic message (the error itself is logged, not sent).
public struct PluginHooks: Sendable {
    /// A handler over the raw request and response JSON.
    public typealias RawHandler = @Sendable (_ request: [UInt8], _ host: HostServices) throws -> [UInt8]

    var handlers: [PluginHook: RawHandler] = [:]
    var initializer: (@Sendable (_ configuration: [UInt8], _ host: HostServices) throws -> Void)?
    var finalizer: (@Sendable () -> Void)?

    init() {}

    /// Runs once per instance before any hook, with the plugin's config section as JSON.
    public mutating func initialize(_ body: @escaping @Sendable (_ configuration: [UInt8], _ host: HostServices) throws -> Void) {
        self.initializer = body
    }

    /// Runs once per instance after its last call; stop any threads or timers the plugin started.
    public mutating func shutdown(_ body: @escaping @Sendable () -> Void) {
        self.finalizer = body
    }

    /// Implements `hook` over raw JSON, for hooks without Codable types in the kit.
    public mutating func raw(_ hook: PluginHook, _ handler: @escaping RawHandler) {
        self.handlers[hook] = handler
    }

    /// Implements `hook` with any Codable request and response types; unknown request fields are ignored.
    public mutating func on<Request: Decodable & Sendable, Response: Encodable & Sendable>(
        _ hook: PluginHook, _ handler: @escaping @Sendable (Request, HostServices) throws -> Response
    ) {
        self.handlers[hook] = { bytes, host in
            let request: Request
            do { request = try JSONDecoder().decode(Request.self, from: Data(bytes)) } catch {
                throw PluginFailure.invalid("invalid \(hook.rawValue) request: \(Self.describe(error))")
            }
            let response = try handler(request, host)
            do { return Array(try JSONEncoder().encode(response)) } catch {
                throw PluginFailure.fatal("could not encode the \(hook.rawValue) response")
            }
        }
    }

    /// Implements `toml`: the anchor's part of stellar.toml.
    public mutating func toml(_ handler: @escaping @Sendable (TOMLRequest, HostServices) throws -> TOMLResponse) {
        self.on(.toml, handler)
    }

    /// Implements `fee`: the fee for a deposit or withdrawal amount.
    public mutating func fee(_ handler: @escaping @Sendable (FeeRequest, HostServices) throws -> FeeResponse) {
        self.on(.fee, handler)
    }

    /// Names the missing or mistyped field without echoing request values back.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not valid JSON" }
        switch error {
        case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not valid JSON" : "wrong type for field '\(path)'"
        @unknown default: return "not valid JSON"
        }
    }
}
