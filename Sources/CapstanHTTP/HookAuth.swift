/// The authenticated wallet as every hook receives it (the header's shared `auth` shape), so plugins never re-derive
/// identity from the JWT.
public struct HookAuth: Codable, Sendable, Equatable {
    public var account: String
    public var memo: String?
    public var sub: String
    public var clientDomain: String?

    public init(account: String, memo: String?, sub: String, clientDomain: String?) {
        self.account = account
        self.memo = memo
        self.sub = sub
        self.clientDomain = clientDomain
    }

    public init(claims: SEP10Claims) {
        self.init(account: claims.account, memo: claims.memo.map { String($0) }, sub: claims.owner, clientDomain: claims.clientDomain)
    }

    enum CodingKeys: String, CodingKey { case account, memo, sub, clientDomain = "client_domain" }
}
