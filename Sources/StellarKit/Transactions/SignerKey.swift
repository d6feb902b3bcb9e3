/// A key that can be added as an account signer or required as an extra signer.
public enum SignerKey: Sendable, Hashable {
    /// An ed25519 public key (`G…`).
    case ed25519(PublicKey)
    /// The 32-byte hash of a pre-authorised transaction (`T…`).
    case preAuthTx([UInt8])
    /// The 32-byte SHA-256 of a preimage whose revelation signs (`X…`).
    case hashX([UInt8])
    /// An ed25519 key's signature of a given payload (`P…`).
    case ed25519SignedPayload(SignedPayload)

    /// Parses a `G…`, `T…`, `X…` or `P…` strkey.
    public init(strKey: String) throws(StrKeyError) {
        let decoded = try StrKey.decode(strKey)
        switch decoded.version {
        case .accountId: self = .ed25519(PublicKey(unchecked: decoded.payload))
        case .preAuthTx: self = .preAuthTx(decoded.payload)
        case .hashX: self = .hashX(decoded.payload)
        case .signedPayload: self = .ed25519SignedPayload(try SignedPayload.parse(strKeyPayload: decoded.payload))
        default: throw .unexpectedVersion(expected: .accountId, actual: decoded.version)
        }
    }

    /// The strkey, or throws if a hash is not 32 bytes or a payload is over 64 bytes.
    public func strKey() throws(StrKeyError) -> String {
        switch self {
        case .ed25519(let key): key.strKey
        case .preAuthTx(let hash): try StrKey.encode(hash, as: .preAuthTx)
        case .hashX(let hash): try StrKey.encode(hash, as: .hashX)
        case .ed25519SignedPayload(let signed): try signed.strKey()
        }
    }
}

/// `SignerKey` union on `SignerKeyType`: `ED25519 = 0`, `PRE_AUTH_TX = 1`, `HASH_X = 2`, `ED25519_SIGNED_PAYLOAD = 3`.
extension SignerKey: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        switch self {
        case .ed25519(let key):
            encoder.encode(Int32(0))
            encoder.encodeUInt256(key.rawBytes)
        case .preAuthTx(let hash):
            encoder.encode(Int32(1))
            try encoder.encodeFixedOpaque(hash, count: 32, field: "signerKey.preAuthTx")
        case .hashX(let hash):
            encoder.encode(Int32(2))
            try encoder.encodeFixedOpaque(hash, count: 32, field: "signerKey.hashX")
        case .ed25519SignedPayload(let signed):
            encoder.encode(Int32(3))
            try encoder.encode(signed)
        }
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        switch type {
        case 0: self = .ed25519(PublicKey(unchecked: try decoder.decodeFixedOpaque(count: 32)))
        case 1: self = .preAuthTx(try decoder.decodeFixedOpaque(count: 32))
        case 2: self = .hashX(try decoder.decodeFixedOpaque(count: 32))
        case 3: self = .ed25519SignedPayload(try decoder.decode())
        default: throw .invalidDiscriminant(type: "SignerKeyType", value: type)
        }
    }
}
