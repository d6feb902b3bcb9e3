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

/// A signed-payload signer (CAP-40): satisfied by `ed25519`'s signature of `payload`.
public struct SignedPayload: Sendable, Hashable {
    /// The longest payload.
    public static let maximumPayloadLength = 64

    /// The key that must sign.
    public var ed25519: PublicKey
    /// What it must sign: at most 64 bytes.
    public var payload: [UInt8]

    /// A signed-payload signer.
    public init(ed25519: PublicKey, payload: [UInt8]) {
        self.ed25519 = ed25519
        self.payload = payload
    }

    /// Parses a `P…` strkey.
    public init(strKey: String) throws(StrKeyError) {
        self = try Self.parse(strKeyPayload: StrKey.decode(strKey, as: .signedPayload))
    }

    /// The `P…` strkey, or throws if the payload is over 64 bytes.
    public func strKey() throws(StrKeyError) -> String {
        guard payload.count <= Self.maximumPayloadLength else {
            throw .invalidPayload("signed payload longer than \(Self.maximumPayloadLength) bytes")
        }
        var bytes = ed25519.rawBytes
        let count = UInt32(payload.count)
        bytes += [UInt8(truncatingIfNeeded: count >> 24), UInt8(truncatingIfNeeded: count >> 16),
                  UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count)]
        bytes += payload
        bytes += repeatElement(0, count: (4 - payload.count % 4) % 4)
        return StrKey.encodeUnchecked(bytes, as: .signedPayload)
    }

    /// The strkey payload is the XDR of the signer (key, length-prefixed payload, zero padding),
    /// and must hold exactly that.
    static func parse(strKeyPayload bytes: [UInt8]) throws(StrKeyError) -> SignedPayload {
        guard bytes.count >= 36, bytes.count <= 36 + maximumPayloadLength else {
            throw .invalidPayload("signed payload of \(bytes.count) bytes")
        }
        var decoder = XDRDecoder(bytes: Array(bytes[32...]))
        do {
            let payload = try decoder.decodeVariableOpaque(maxCount: maximumPayloadLength)
            try decoder.finish()
            return SignedPayload(ed25519: PublicKey(unchecked: Array(bytes[0..<32])), payload: payload)
        } catch {
            throw .invalidPayload("malformed signed payload: \(error)")
        }
    }
}

/// `{ uint256 ed25519; opaque payload<64>; }`.
extension SignedPayload: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encodeUInt256(ed25519.rawBytes)
        try encoder.encodeVariableOpaque(payload, maxCount: Self.maximumPayloadLength, field: "signedPayload.payload")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(
            ed25519: PublicKey(unchecked: try decoder.decodeFixedOpaque(count: 32)),
            payload: try decoder.decodeVariableOpaque(maxCount: Self.maximumPayloadLength, field: "signedPayload.payload")
        )
    }
}

/// An account signer and its weight, as `SetOptions` adds, changes or (weight 0) removes it.
public struct Signer: Sendable, Hashable {
    /// Who signs.
    public var key: SignerKey
    /// The signature's weight towards thresholds; 0 removes the signer.
    public var weight: UInt32

    /// A signer with a weight.
    public init(key: SignerKey, weight: UInt32) {
        self.key = key
        self.weight = weight
    }
}

extension Signer: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(key)
        encoder.encode(weight)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(key: try decoder.decode(), weight: try decoder.decodeUInt32())
    }
}
