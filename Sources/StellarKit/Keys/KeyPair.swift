import CSodium

/// An ed25519 signing key pair; its secret never appears in descriptions or reflection.
public struct KeyPair: Sendable {
    /// The public half.
    public let publicKey: PublicKey
    private let seed: [UInt8]
    /// libsodium's 64-byte secret key form (seed followed by public key), kept to avoid re-deriving on every signature.
    private let secretKey: [UInt8]

    /// A key pair from libsodium's CSPRNG.
    public static func random() -> KeyPair {
        KeyPair(validSeed: Sodium.randomBytes(Int(crypto_sign_SEEDBYTES)))
    }

    /// Derives the key pair from a 32-byte ed25519 seed.
    public init(seed: [UInt8]) throws(KeyError) {
        guard seed.count == Int(crypto_sign_SEEDBYTES) else {
            throw .invalidLength(expected: Int(crypto_sign_SEEDBYTES), actual: seed.count)
        }
        self.init(validSeed: seed)
    }

    /// Parses an `S…` secret seed.
    public init(secretSeed: String) throws(StrKeyError) {
        self.init(validSeed: try StrKey.decode(secretSeed, as: .seed))
    }

    /// Callers guarantee a 32-byte seed.
    private init(validSeed seed: [UInt8]) {
        Sodium.ensureInitialised()
        var publicBytes = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
        var secretBytes = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
        _ = crypto_sign_seed_keypair(&publicBytes, &secretBytes, seed)
        self.seed = seed
        self.secretKey = secretBytes
        self.publicKey = PublicKey(unchecked: publicBytes)
    }

    /// The `S…` secret seed. Handle with care: this is the whole secret.
    public var secretSeed: String {
        StrKey.encodeUnchecked(seed, as: .seed)
    }

    /// The `G…` account id of the public key.
    public var accountId: String { publicKey.strKey }

    /// The last four public-key bytes, used as a `DecoratedSignature` hint.
    public var signatureHint: [UInt8] { publicKey.hint }

    /// The 64-byte ed25519 signature of `data`.
    public func sign(_ data: [UInt8]) -> [UInt8] {
        Sodium.ensureInitialised()
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
        data.withUnsafeBufferPointer { message in
            _ = crypto_sign_detached(&signature, nil, message.baseAddress, UInt64(message.count), secretKey)
        }
        return signature
    }

    /// Whether `signature` is exactly the one this key gives `data`, compared in constant time.
    ///
    /// ed25519 signing is deterministic (RFC 8032 §5.1.6), so for data this key signed itself this is the same answer
    /// as `publicKey.verify`, for about a third of the cost, and stricter: a signature this key never produced fails
    /// even if it would verify.
    public func isOwnSignature(_ signature: [UInt8], of data: [UInt8]) -> Bool {
        guard signature.count == Int(crypto_sign_BYTES) else { return false }
        let expected = self.sign(data)
        return sodium_memcmp(signature, expected, expected.count) == 0
    }

    /// Signs `data` and pairs the signature with this key's hint, as transaction envelopes carry it.
    public func signDecorated(_ data: [UInt8]) -> DecoratedSignature {
        DecoratedSignature(unchecked: signatureHint, signature: sign(data))
    }
}

extension KeyPair: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Only the public key, so that logging a key pair never leaks its secret.
    public var description: String { "KeyPair(\(publicKey.strKey))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["publicKey": publicKey]) }
}
