import JWTKit

/// The claims of a SEP-10 session token, verified.
///
/// **Scope every record by `subject` (the full `sub`), never by `account`.** A `sub` of `G…:<memo>` or
/// `M…` is one user of a shared (omnibus) account; two memos of one `G…` must be as isolated as two
/// accounts (SEP-10 "Memos", SEP-6/24/12 "Shared, Omnibus, or Pooled Accounts", and the Anchor
/// Platform's muxed-session bug, AP PR #1930). `account` is for talking to the ledger, not for lookups.
public struct SEP10Claims: JWTPayload, Sendable, Hashable {
    /// `iss`: the auth endpoint URL that issued the token.
    public var issuer: String
    /// `sub`: `G…`, `G…:<memo id>` or `M…`, exactly as authenticated. The owner key for every record.
    public var subject: String
    /// `iat`, Unix seconds: the challenge's `minTime`, so one challenge always yields the same token.
    public var issuedAt: Int64
    /// `exp`, Unix seconds: the token must not be accepted at or after this instant (RFC 7519 §4.1.4).
    public var expiresAt: Int64
    /// `jti`: the hex hash of the challenge transaction.
    public var tokenID: String
    /// `client_domain`: the wallet's domain, when the challenge proved it.
    public var clientDomain: String?
    /// `home_domain`: which of the server's home domains the challenge was for.
    public var homeDomain: String?

    public init(
        issuer: String, subject: String, issuedAt: Int64, expiresAt: Int64, tokenID: String,
        clientDomain: String? = nil, homeDomain: String? = nil
    ) {
        self.issuer = issuer
        self.subject = subject
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.tokenID = tokenID
        self.clientDomain = clientDomain
        self.homeDomain = homeDomain
    }

    enum CodingKeys: String, CodingKey {
        case issuer = "iss", subject = "sub", issuedAt = "iat", expiresAt = "exp", tokenID = "jti"
        case clientDomain = "client_domain", homeDomain = "home_domain"
    }

    /// The key to scope records by: the full `sub`. Spelled out so call sites read as intended.
    public var owner: String { self.subject }

    /// The underlying `G…` account (of `G…`, `G…:<memo>` and `M…` alike), for ledger questions.
    public var account: String { self.parsedSubject?.account ?? self.subject }

    /// The id memo of a `G…:<memo>` subject.
    public var memo: UInt64? { self.parsedSubject?.memo }

    /// The `M…` address of a muxed subject.
    public var muxedAccount: String? { self.parsedSubject?.muxedAccount }

    private var parsedSubject: SEP10Subject? { SEP10Subject(self.subject) }

    /// Structure only; the signature is checked by jwt-kit and expiry by `SessionTokens` with its clock.
    public func verify(using algorithm: some JWTAlgorithm) async throws {
        guard SEP10Subject(self.subject) != nil else { throw SessionTokenError.invalid }
    }
}
