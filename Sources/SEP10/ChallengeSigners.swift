import StellarHorizon
import StellarKit

/// Weighs a challenge's signatures against the client account as the ledger holds it (checklist steps 14–17).
enum ChallengeSigners {
    private enum Role {
        case server, clientDomain, client(weight: Int)
    }

    /// - Parameter account: The client's account, or nil when the ledger says it does not exist.
    static func verify(_ challenge: ChallengeContents, account: LedgerAccount?, server: PublicKey) throws(ChallengeRejection) {
        let signatures = challenge.envelope.signatures
        var keys: [(key: PublicKey, role: Role)] = [(server, .server)]
        if let clientDomain = challenge.clientDomain, clientDomain.key != server {
            keys.append((clientDomain.key, .clientDomain))
        }
        if let account {
            for signer in account.signers where signer.type == .ed25519PublicKey && signer.weight > 0 {
                // "When determining the weight of the client signatures the server's signature should be
                // explicitly excluded. A server should not assist a client in authentication." (SEP-10 "Verification").
                // A zero-weight key (a disabled master key) can sign nothing on the network and proves nothing here.
                guard let key = try? PublicKey(strKey: signer.key), !keys.contains(where: { $0.key == key }) else { continue }
                keys.append((key, .client(weight: signer.weight)))
            }
        } else {
            // "Verifying Accounts that Do Not Exist": only the master key, so exactly the server's signature,
            // the master key's and, with a client_domain op, the client domain's (v3.4.1).
            let expected = challenge.clientDomain == nil ? 2 : 3
            guard signatures.count == expected else {
                throw .wrongSignatureCountForMissingAccount(expected: expected, actual: signatures.count)
            }
            let master = challenge.clientAccount.ed25519
            if !keys.contains(where: { $0.key == master }) { keys.append((master, .client(weight: 1))) }
        }

        // Each signature is consumed by at most one key and each key counts once, so a key that signs twice
        // leaves a signature unaccounted for, and every signature must be accounted for.
        var used = [Bool](repeating: false, count: keys.count)
        used[0] = true
        var weight = 0
        var clientSigned = false
        var clientDomainSigned = false
        for (index, signature) in signatures.enumerated() where index != challenge.serverSignatureIndex {
            var matched: Int?
            var duplicate = false
            for (position, entry) in keys.enumerated() where entry.key.hint == signature.hint {
                guard entry.key.verify(signature: signature.signature, data: challenge.hash) else { continue }
                if used[position] { duplicate = true; continue }
                matched = position
                break
            }
            guard let position = matched else { throw duplicate ? .duplicateSignature : .unrecognizedSignature }
            used[position] = true
            switch keys[position].role {
            case .server: break
            case .clientDomain: clientDomainSigned = true
            case .client(let signerWeight):
                clientSigned = true
                weight += signerWeight
            }
        }
        guard clientSigned else { throw .notSignedByClient }
        // "Verifying Authority to Move Funds": the medium threshold, as both peers require.
        if let account, weight < account.thresholds.medium {
            throw .thresholdNotMet(weight: weight, threshold: account.thresholds.medium)
        }
        if challenge.clientDomain != nil, !clientDomainSigned { throw .missingClientDomainSignature }
    }
}
