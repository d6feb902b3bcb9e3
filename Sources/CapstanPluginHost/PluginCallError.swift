/// Why a hook call produced no usable answer; each case mirrors a status code of `capstan_plugin.h`.
///
/// Messages come from the plugin's `{"error": "..."}` reply (written for the wallet's user, per the
/// header); nothing else of a failed reply is kept, so `description` never leaks a raw body.
public enum PluginCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `CAPSTAN_INVALID`: the client's request is wrong; `fields` maps field names to messages.
    case invalid(message: String, fields: [String: String])
    /// `CAPSTAN_NOT_FOUND`: the thing asked for does not exist.
    case notFound(message: String)
    /// `CAPSTAN_UNIMPLEMENTED`: the plugin declines; the caller uses its default or answers 501.
    case unimplemented
    /// `CAPSTAN_TRANSIENT`: try again later.
    case transient(message: String)
    /// `CAPSTAN_FATAL` or an unknown status: permanent failure.
    case fatal(message: String)
    /// The reply was not valid UTF-8 JSON, or did not decode as the expected type.
    case malformedResponse
    /// The plugin did not answer before the call's deadline; its late reply is discarded.
    case deadlineExceeded

    /// The HTTP status a SEP endpoint answers with for this error.
    public var httpStatus: Int {
        switch self {
        case .invalid: 400
        case .notFound: 404
        case .unimplemented: 501
        case .transient: 503
        case .fatal: 500
        case .malformedResponse: 500
        case .deadlineExceeded: 503
        }
    }

    public var description: String {
        switch self {
        case .invalid(let message, _): "invalid: \(message)"
        case .notFound(let message): "not found: \(message)"
        case .unimplemented: "unimplemented"
        case .transient(let message): "transient failure: \(message)"
        case .fatal(let message): "fatal failure: \(message)"
        case .malformedResponse: "malformed response"
        case .deadlineExceeded: "deadline exceeded"
        }
    }
}
