import Foundation
import StellarKit

/// Checks every structural rule of a signed challenge, in the order of the checklist (SEP-10 "Token"
/// plus what the reference SDKs enforce), and finds the server's signature.
struct ChallengeReader: Sendable {
    /// Allowed clock skew on the `minTime` side, as both reference SDKs allow (java `GRACE_PERIOD_SECONDS`,
    /// py-stellar-base `grace_period`, both 5 minutes).
    static let gracePeriodSeconds: UInt64 = 300

    let settings: SEP10Settings
    private let issued: IssuedChallenges
    private let server: PublicKey
    private let webAuthDomain: [UInt8]

    init(settings: SEP10Settings, issued: IssuedChallenges) {
        self.settings = settings
        self.issued = issued
        self.server = settings.signingKey.publicKey
        self.webAuthDomain = Array(settings.webAuthDomain.utf8)
    }

    func read(_ xdr: String, now: Int64) throws(ChallengeRejection) -> ChallengeContents {
        guard let envelope = try? TransactionEnvelope(xdrBase64: xdr) else { throw .notAnEnvelope }
        if case .feeBump = envelope { throw .feeBump }
        let transaction = envelope.transaction

        // The server key is a plain G… account; a muxed spelling of it is not the same source.
        guard transaction.sourceAccount.id == nil, transaction.sourceAccount.ed25519 == self.server else { throw .wrongSourceAccount }
        guard transaction.sequenceNumber == 0 else { throw .nonZeroSequence }

        // "Memos": only type id; "memos are not permitted if the client account is muxed" (py-stellar-base).
        var memo: UInt64?
        switch transaction.memo {
        case .none: break
        case .id(let id):
            if transaction.operations.first?.sourceAccount?.id != nil { throw .memoWithMuxedAccount }
            memo = id
        case .text, .hash, .returnHash: throw .memoNotID
        }

        guard let bounds = transaction.preconditions.timeBounds else { throw .noTimeBounds }
        guard bounds.maxTime != 0 else { throw .infiniteTimeBounds }
        let clock = UInt64(max(now, 0))
        if clock + Self.gracePeriodSeconds < bounds.minTime { throw .notYetValid }
        if clock > bounds.maxTime { throw .expired }

        guard let first = transaction.operations.first else { throw .noOperations }
        guard case .manageData(let auth) = first.body else { throw .firstOperationNotManageData }
        guard let clientAccount = first.sourceAccount else { throw .firstOperationWithoutSource }
        guard let homeDomain = self.settings.homeDomains.first(where: { "\($0) auth" == auth.name }) else { throw .wrongHomeDomain }
        guard let nonce = auth.value, nonce.count == 64 else { throw .nonceNot64Bytes }
        guard let decoded = Data(base64Encoded: Data(nonce)), decoded.count == 48 else { throw .nonceNotBase64Of48Bytes }

        var clientDomain: (domain: String, key: PublicKey)?
        for (index, operation) in transaction.operations.enumerated().dropFirst() {
            guard case .manageData(let data) = operation.body else { throw .operationNotManageData(index: index) }
            guard let source = operation.sourceAccount else { throw .operationWithoutSource(index: index) }
            if data.name == "client_domain" {
                guard clientDomain == nil else { throw .repeatedClientDomain }
                // Its source is the client domain's SIGNING_KEY, which must then sign (checked with the others).
                clientDomain = (String(decoding: data.value ?? [], as: UTF8.self), source.ed25519)
                continue
            }
            guard source.id == nil, source.ed25519 == self.server else { throw .operationFromForeignSource(index: index) }
            if data.name == "web_auth_domain", data.value != self.webAuthDomain { throw .wrongWebAuthDomain }
        }

        guard let hash = try? envelope.hash(network: self.settings.network) else { throw .notAnEnvelope }
        // A challenge this process issued is recognised by its recorded signature. Otherwise: only this server's key
        // signs challenges, and ed25519 signs deterministically, so signing the hash again and comparing (a third of a
        // verification's cost) recognises our own signature. A full verification follows only if that fails, so a
        // libsodium built to sign non-deterministically still works, just slower.
        guard let serverSignatureIndex = envelope.signatures.firstIndex(where: { signature in
            signature.hint == self.server.hint
                && (self.issued.isIssued(signature.signature, of: hash)
                    || self.settings.signingKey.isOwnSignature(signature.signature, of: hash)
                    || self.server.verify(signature: signature.signature, data: hash))
        }) else { throw .missingServerSignature }

        return ChallengeContents(
            envelope: envelope, hash: hash, clientAccount: clientAccount, memo: memo, homeDomain: homeDomain,
            clientDomain: clientDomain, minTime: bounds.minTime, serverSignatureIndex: serverSignatureIndex
        )
    }
}
