/// Why SEP-10 settings are unusable.
public enum SEP10SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    case noHomeDomain
    case homeDomainTooLong(String)
    case invalidAuthEndpoint(String)
    case invalidTimeout
    case tokenOutlivedByChallenge

    public var description: String {
        switch self {
        case .noHomeDomain: "SEP-10 needs at least one home domain"
        case .homeDomainTooLong(let domain): "home domain '\(domain)' must be 1 to 59 bytes (ManageData names hold 64)"
        case .invalidAuthEndpoint(let url): "'\(url)' is not a usable WEB_AUTH_ENDPOINT (absolute URL, host[:port] at most 64 bytes)"
        case .invalidTimeout: "SEP-10 timeouts must be positive"
        case .tokenOutlivedByChallenge:
            "the token lifetime must exceed the challenge lifetime plus 300 s of clock skew, or a late-signed challenge would yield an expired token"
        }
    }
}
