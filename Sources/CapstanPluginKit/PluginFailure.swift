import CCapstanPlugin

/// What a hook handler throws to answer with a status other than OK; the message is shown to the
/// wallet for `.invalid` and `.notFound`, so write it for the wallet's user.
public enum PluginFailure: Error, Sendable, Equatable {
    /// The client's request is wrong (HTTP 400); `fields` attaches messages to named fields.
    case invalid(String, fields: [String: String] = [:])
    /// The thing asked for does not exist (HTTP 404).
    case notFound(String)
    /// Not supported: the host uses its default or answers 501.
    case unimplemented
    /// Temporary failure: the host retries later (HTTP 503).
    case transient(String)
    /// Permanent failure: the transaction goes to "error" (HTTP 500).
    case fatal(String)

    var status: Int32 {
        switch self {
        case .invalid: CAPSTAN_INVALID
        case .notFound: CAPSTAN_NOT_FOUND
        case .unimplemented: CAPSTAN_UNIMPLEMENTED
        case .transient: CAPSTAN_TRANSIENT
        case .fatal: CAPSTAN_FATAL
        }
    }

    /// The `{"error", "fields"}` body of the header's error convention.
    var body: ErrorBody {
        switch self {
        case .invalid(let message, let fields): ErrorBody(error: message, fields: fields.isEmpty ? nil : fields)
        case .notFound(let message), .transient(let message), .fatal(let message): ErrorBody(error: message, fields: nil)
        case .unimplemented: ErrorBody(error: "unimplemented", fields: nil)
        }
    }

    struct ErrorBody: Encodable {
        let error: String
        let fields: [String: String]?
    }
}
