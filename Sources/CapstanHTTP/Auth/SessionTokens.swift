import Foundation
import JWTKit

/// Issues and verifies SEP-10 session JWTs: HS256 with the configured secret.
///
/// HS256 because the only verifier is this server (and its other instances, which share the secret);
/// SEP-10 leaves the algorithm to the server, and both peers (Polaris, the Anchor Platform) use it.
public struct SessionTokens: Sendable {
    private let keys: JWTKeyCollection
    private let issuer: String?
    private let clock: UnixClock
    /// Tokens whose signature and claims already checked out, by their exact text. HS256 verification depends on
    /// nothing but the token and the secret, so a second check of the same token would give the same answer; expiry
    /// and issuer, which depend on the clock and the settings, are checked on every use. Wallets send one token on
    /// request after request, and decoding it cost a twentieth of a `GET /sep24/transactions`.
    private let verified = RecentCache<String, SEP10Claims>(capacity: 1_024)

    /// - Parameters:
    ///   - secret: `sep10.jwt_secret`; configuration guarantees at least 32 bytes.
    ///   - issuer: When set, only tokens whose `iss` is this auth endpoint verify, so a secret shared by
    ///     mistake between deployments (staging and production) does not make their tokens interchangeable.
    ///   - clock: Decides expiry.
    public init(secret: String, issuer: String? = nil, clock: UnixClock = .system) async {
        let keys = JWTKeyCollection()
        // Sorted keys: the same claims always give the same token, byte for byte.
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, serializer: DefaultJWTSerializer(jsonEncoder: SessionTokenJSONEncoder()))
        self.keys = keys
        self.issuer = issuer
        self.clock = clock
    }

    /// The signed token.
    public func sign(_ claims: SEP10Claims) async throws(SessionTokenError) -> String {
        do {
            return try await self.keys.sign(claims)
        } catch {
            throw .signingFailed
        }
    }

    /// The claims of a token this server issued that has not expired.
    public func verify(_ token: String) async throws(SessionTokenError) -> SEP10Claims {
        let claims: SEP10Claims
        if let known = self.verified.value(for: token) {
            claims = known
        } else {
            do {
                claims = try await self.keys.verify(token, as: SEP10Claims.self)
            } catch {
                throw .invalid
            }
            self.verified.set(claims, for: token)
        }
        if let issuer = self.issuer, claims.issuer != issuer { throw .invalid }
        // RFC 7519 §4.1.4: "on or after which the JWT MUST NOT be accepted".
        guard self.clock.now() < claims.expiresAt else { throw .expired }
        return claims
    }
}
