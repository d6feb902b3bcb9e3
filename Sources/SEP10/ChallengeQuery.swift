import CapstanHTTP
import Hummingbird
import HummingbirdCore
import StellarKit

/// The parameters of `GET /auth`, validated (SEP-10 "Challenge", "Request").
struct ChallengeQuery: Sendable {
    /// `account`: `G…` or `M…`.
    let account: MuxedAccount
    /// `memo`: an id memo; only with a `G…` account.
    let memo: UInt64?
    /// `home_domain`, or the default one.
    let homeDomain: String
    /// `client_domain`, when the wallet asked for client attribution.
    let clientDomain: String?

    init(_ parameters: FlatDictionary<Substring, Substring>, homeDomains: [String]) throws(SEPError) {
        guard let accountText = try Self.single("account", in: parameters), !accountText.isEmpty else {
            throw .badRequest("account is required")
        }
        guard let account = try? MuxedAccount(strKey: String(accountText)) else {
            throw .badRequest("account must be a G… or M… address")
        }
        var memo: UInt64?
        if let memoText = try Self.single("memo", in: parameters), !memoText.isEmpty {
            // "memo: ... The memo must be of type id" and "Only permitted if a Stellar account (G...) is used".
            guard account.id == nil else { throw .badRequest("memo is not permitted with a muxed (M…) account") }
            guard memoText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = UInt64(memoText) else {
                throw .badRequest("memo must be an id memo: a decimal unsigned 64-bit integer")
            }
            memo = value
        }
        var homeDomain = homeDomains[0]
        if let requested = try Self.single("home_domain", in: parameters), !requested.isEmpty {
            guard let match = homeDomains.first(where: { $0 == requested }) else {
                throw .badRequest("home_domain is not one this server issues challenges for")
            }
            homeDomain = match
        }
        var clientDomain: String?
        if let requested = try Self.single("client_domain", in: parameters), !requested.isEmpty {
            guard ClientDomainName(String(requested)) != nil else {
                throw .badRequest("client_domain must be a host name with an optional port, at most 64 characters")
            }
            clientDomain = String(requested)
        }
        self.account = account
        self.memo = memo
        self.homeDomain = homeDomain
        self.clientDomain = clientDomain
    }

    /// A parameter given at most once: a repeated one is ambiguous, and a proxy and this server might read different copies.
    private static func single(_ name: Substring, in parameters: FlatDictionary<Substring, Substring>) throws(SEPError) -> Substring? {
        let values = parameters[values: name]
        guard values.count <= 1 else { throw .badRequest("\(name) is given more than once") }
        return values.first
    }
}
