/// Why a client domain's `SIGNING_KEY` could not be obtained. Only logged: the wallet gets one generic
/// 400, so the server cannot be used to probe which internal names resolve or answer (a blind-SSRF oracle).
public enum ClientDomainError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidDomain
    case unresolvable
    /// The host resolves to a loopback, private, link-local or otherwise non-public address.
    case forbiddenAddress
    case unreachable(String)
    case timedOut
    case badStatus(Int)
    case tooLarge
    case noSigningKey
    case invalidSigningKey

    public var description: String {
        switch self {
        case .invalidDomain: "not a host name with an optional port"
        case .unresolvable: "the host does not resolve"
        case .forbiddenAddress: "the host resolves to a non-public address"
        case .unreachable(let reason): "the request failed: \(reason)"
        case .timedOut: "the request timed out"
        case .badStatus(let status): "stellar.toml answered HTTP \(status)"
        case .tooLarge: "stellar.toml is larger than 100 KB"
        case .noSigningKey: "stellar.toml has no top-level SIGNING_KEY string"
        case .invalidSigningKey: "SIGNING_KEY is not a G… public key"
        }
    }
}
