import Foundation
import StellarKit

/// What SEP-10 needs from configuration, checked once so the handlers never re-validate it.
public struct SEP10Settings: Sendable {
    /// The server account (`SIGNING_KEY`): source and signer of every challenge.
    public let signingKey: KeyPair
    /// Challenges are hashed and signed for this network ("A convention for signatures").
    public let network: Network
    /// The home domains this server issues challenges for; the first is the default.
    public let homeDomains: [String]
    /// `WEB_AUTH_ENDPOINT`; also the JWT `iss`.
    public let authEndpoint: String
    /// The `web_auth_domain` value: host[:port] of `authEndpoint`.
    public let webAuthDomain: String
    /// Challenge validity: `maxTime = minTime + challengeTimeout`.
    public let challengeTimeout: Int64
    /// Token validity: `exp = iat + tokenTimeout`.
    public let tokenTimeout: Int64

    public init(
        signingKey: KeyPair, network: Network, homeDomains: [String], authEndpoint: String,
        challengeTimeoutSeconds: Int, tokenTimeoutSeconds: Int
    ) throws(SEP10SettingsError) {
        guard !homeDomains.isEmpty else { throw .noHomeDomain }
        // ManageData names hold at most 64 bytes and the op is named "<home_domain> auth".
        for domain in homeDomains where domain.isEmpty || domain.utf8.count > 59 {
            throw .homeDomainTooLong(domain)
        }
        guard let url = URLComponents(string: authEndpoint), let host = url.host, !host.isEmpty else {
            throw .invalidAuthEndpoint(authEndpoint)
        }
        let webAuthDomain = url.port.map { "\(host):\($0)" } ?? host
        guard webAuthDomain.utf8.count <= ManageDataOp.maximumLength else { throw .invalidAuthEndpoint(authEndpoint) }
        guard challengeTimeoutSeconds > 0, tokenTimeoutSeconds > 0 else { throw .invalidTimeout }
        // iat is the challenge's minTime, so a token from a challenge signed late in its life would
        // otherwise be issued already expired.
        guard Int64(tokenTimeoutSeconds) > Int64(challengeTimeoutSeconds) + Int64(ChallengeReader.gracePeriodSeconds) else {
            throw .tokenOutlivedByChallenge
        }
        self.signingKey = signingKey
        self.network = network
        self.homeDomains = homeDomains
        self.authEndpoint = authEndpoint
        self.webAuthDomain = webAuthDomain
        self.challengeTimeout = Int64(challengeTimeoutSeconds)
        self.tokenTimeout = Int64(tokenTimeoutSeconds)
    }

    /// The home domain used when a request names none.
    public var defaultHomeDomain: String { self.homeDomains[0] }
}
