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
