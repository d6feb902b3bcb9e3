/// Why a Horizon read (anything but a submission) failed. Messages never carry the URL: providers put API keys in it.
public enum HorizonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not sent: an argument (account id, hash, cursor, limit) is not valid.
    case invalidArgument(String)
    /// No complete answer within the configured timeout.
    case timeout
    /// The connection failed or broke.
    case transport(String)
    /// The body exceeded the configured limit.
    case responseTooLarge(limit: Int)
    /// An unexpected HTTP status, with Horizon's problem document when it sent one.
    case http(status: Int, problem: HorizonProblem?)
    /// A 200 whose body is not the JSON expected.
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .invalidArgument(let reason): "invalid argument: \(reason)"
        case .timeout: "Horizon did not answer in time"
        case .transport(let reason): "Horizon request failed: \(reason)"
        case .responseTooLarge(let limit): "Horizon response larger than \(limit) bytes"
        case .http(let status, let problem): "Horizon answered HTTP \(status)" + (problem.map { " (\($0.type): \($0.detail))" } ?? "")
        case .malformedResponse(let reason): "Horizon sent an unexpected response: \(reason)"
        }
    }

    /// Whether asking again later may succeed: a stream keeps reconnecting after these and gives up after the others.
    public var isTransient: Bool {
        switch self {
        case .timeout, .transport, .malformedResponse, .responseTooLarge: true
        case .http(let status, _): status >= 500 || status == 429 || status == 408
        case .invalidArgument: false
        }
    }
}
