import StellarKit

/// Checks signers against a transaction's signatures and remembers which signatures were used, so that
/// unused ones can be refused (`tx_bad_auth_extra`), as stellar-core's `SignatureChecker` does.
struct SignatureChecker {
    private let hash: [UInt8]
    private let signatures: [DecoratedSignature]
    private var used: [Bool]

    init(hash: [UInt8], signatures: [DecoratedSignature]) {
        self.hash = hash
        self.signatures = signatures
        self.used = Array(repeating: false, count: signatures.count)
    }

    /// Every signature counted towards some check.
    var allSignaturesUsed: Bool { !self.used.contains(false) }

    /// Whether the signers with matching signatures weigh at least `neededWeight`. As in stellar-core, at least one
    /// signer must match even when the threshold is 0, and each signer counts once, its weight capped at 255.
    mutating func check(signers: [(key: SignerKey, weight: UInt32)], neededWeight: UInt32) -> Bool {
        var total: UInt32 = 0
        for signer in signers where signer.weight > 0 && self.matches(signer.key) {
            total += min(signer.weight, 255)
            if total >= neededWeight { return true }
        }
        return false
    }

    /// The account's master key (when its weight is above 0) and its other signers.
    static func signers(of account: AccountEntry) -> [(key: SignerKey, weight: UInt32)] {
        var signers: [(key: SignerKey, weight: UInt32)] = []
        if account.masterWeight > 0, let master = try? PublicKey(strKey: account.accountID) {
            signers.append((.ed25519(master), account.masterWeight))
        }
        for signer in account.signers {
            if let key = signer.signerKey { signers.append((key, signer.weight)) }
        }
        return signers
    }

    /// Marks and reports whether some signature satisfies `key`. Pre-authorized transaction signers need no
    /// signature: the transaction's hash is the key.
    private mutating func matches(_ key: SignerKey) -> Bool {
        let hash = self.hash
        switch key {
        case .preAuthTx(let preAuthorized):
            return preAuthorized == hash
        case .ed25519(let publicKey):
            return self.markFirst { $0.hint == publicKey.hint && publicKey.verify(signature: $0.signature, data: hash) }
        case .hashX(let digest):
            // The "signature" is the preimage; its hint is the digest's last four bytes.
            return self.markFirst { $0.hint == Array(digest.suffix(4)) && StellarHash.sha256($0.signature) == digest }
        case .ed25519SignedPayload(let signed):
            // CAP-40: the hint is the key's hint XOR the payload's last four bytes (zero-padded), and the signature is over the payload.
            var tail = Array(signed.payload.suffix(4))
            tail.append(contentsOf: [UInt8](repeating: 0, count: 4 - tail.count))
            let hint = zip(signed.ed25519.hint, tail).map { $0 ^ $1 }
            return self.markFirst { $0.hint == hint && signed.ed25519.verify(signature: $0.signature, data: signed.payload) }
        }
    }

    private mutating func markFirst(_ predicate: (DecoratedSignature) -> Bool) -> Bool {
        for index in self.signatures.indices where predicate(self.signatures[index]) {
            self.used[index] = true
            return true
        }
        return false
    }
}
