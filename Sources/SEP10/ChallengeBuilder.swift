import Foundation
import StellarKit

/// Builds challenge transactions exactly as SEP-10 "Challenge" describes them.
struct ChallengeBuilder: Sendable {
    let settings: SEP10Settings
    let issued: IssuedChallenges

    /// A signed challenge, as base64 envelope XDR.
    /// - Parameter clientDomainKey: The client domain's `SIGNING_KEY`, which becomes the source of the `client_domain` op.
    func challenge(for query: ChallengeQuery, clientDomainKey: PublicKey?, now: Int64) throws(TransactionBuilderError) -> String {
        let server = MuxedAccount(ed25519: self.settings.signingKey.publicKey)
        let minTime = UInt64(max(now, 0))
        // "invalid sequence number (set to 0) so the transaction cannot be run on the Stellar network".
        var builder = TransactionBuilder(sourceAccount: server, sequenceNumber: 0)
            .withTimeBounds(minTime: minTime, maxTime: minTime + UInt64(self.settings.challengeTimeout))
        if let memo = query.memo { builder = builder.withMemo(.id(memo)) }
        builder.add(.manageData(name: "\(query.homeDomain) auth", value: Self.nonce(), source: query.account))
        builder.add(.manageData(name: "web_auth_domain", value: Array(self.settings.webAuthDomain.utf8), source: server))
        if let domain = query.clientDomain, let key = clientDomainKey {
            builder.add(.manageData(name: "client_domain", value: Array(domain.utf8), source: MuxedAccount(ed25519: key)))
        }
        var envelope = try builder.buildEnvelope()
        do {
            let hash = try envelope.hash(network: self.settings.network)
            let signature = self.settings.signingKey.signDecorated(hash)
            envelope.signatures.append(signature)
            self.issued.record(hash: hash, signature: signature.signature)
            return try envelope.xdrBase64
        } catch {
            throw .invalid(error)
        }
    }

    /// "a 48 byte cryptographic-quality random string encoded using base64 (for a total of 64 bytes after
    /// encoding)". libsodium's generator is the kernel CSPRNG (getrandom on Linux).
    static func nonce() -> [UInt8] {
        Array(Data(SecureRandom.bytes(48)).base64EncodedString().utf8)
    }
}
