import CSodium

/// An ed25519 public key: a Stellar account id (`G…`) and signature verifier.
public struct PublicKey: Sendable, Hashable {
    /// The 32 raw key bytes.
    public let rawBytes: [UInt8]

    /// Wraps 32 raw ed25519 public-key bytes.
    public init(rawBytes: [UInt8]) throws(KeyError) {
        guard rawBytes.count == 32 else { throw .invalidLength(expected: 32, actual: rawBytes.count) }
        self.rawBytes = rawBytes
    }

    /// Parses a `G…` account id.
    public init(strKey: String) throws(StrKeyError) {
        rawBytes = try StrKey.decode(strKey, as: .accountId)
    }

    /// Callers guarantee 32 bytes.
    init(unchecked rawBytes: [UInt8]) {
        self.rawBytes = rawBytes
    }

    /// The `G…` account id.
    public var strKey: String {
        StrKey.encodeUnchecked(rawBytes, as: .accountId)
    }

    /// The last four key bytes, which a `DecoratedSignature` carries to say which key signed.
    public var hint: [UInt8] {
        Array(rawBytes[28..<32])
    }

    /// Whether `signature` is this key's ed25519 signature of `data`.
    public func verify(signature: [UInt8], data: [UInt8]) -> Bool {
        guard signature.count == Int(crypto_sign_BYTES) else { return false }
        Sodium.ensureInitialised()
        return data.withUnsafeBufferPointer { message in
            crypto_sign_verify_detached(signature, message.baseAddress, UInt64(message.count), rawBytes) == 0
        }
    }
}

extension PublicKey: CustomStringConvertible {
    /// The `G…` account id.
    public var description: String { strKey }
}

/// On the wire this is `PublicKey`/`AccountID`: a union with the single arm `PUBLIC_KEY_TYPE_ED25519 = 0`.
extension PublicKey: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encode(Int32(0))
        encoder.encodeUInt256(rawBytes)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        guard type == 0 else { throw .invalidDiscriminant(type: "PublicKeyType", value: type) }
        self.init(unchecked: try decoder.decodeFixedOpaque(count: 32))
    }
}
