import CapstanHTTP

/// The `auth` object every customer hook receives, so plugins never re-derive identity.
public struct HookAuth: Codable, Sendable, Equatable {
    public var account: String
    public var memo: String?
    public var sub: String
    public var clientDomain: String?

    public init(claims: SEP10Claims) {
        self.account = claims.account
        self.memo = claims.memo.map { String($0) }
        self.sub = claims.owner
        self.clientDomain = claims.clientDomain
    }

    enum CodingKeys: String, CodingKey { case account, memo, sub, clientDomain = "client_domain" }
}
