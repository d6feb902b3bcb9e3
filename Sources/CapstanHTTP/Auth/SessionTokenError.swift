/// Why a session token was not accepted or not issued. Deliberately coarse: the reason is never shown
/// to the caller, who re-authenticates either way.
public enum SessionTokenError: Error, Sendable, Hashable {
    /// Malformed, wrongly signed, or with claims that do not parse.
    case invalid
    /// At or past its `exp`.
    case expired
    /// jwt-kit could not encode or sign the claims.
    case signingFailed
}
