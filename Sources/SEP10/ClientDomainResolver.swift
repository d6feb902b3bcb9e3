import StellarKit

/// Finds the `SIGNING_KEY` a client domain publishes in its stellar.toml (SEP-10 "Verifying the Client
/// Domain"); injectable so tests need no network.
public protocol ClientDomainResolver: Sendable {
    func signingKey(for domain: String) async throws(ClientDomainError) -> PublicKey
}
