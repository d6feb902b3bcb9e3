/// A signature on a transaction, with a hint naming the key that made it.
public struct DecoratedSignature: Sendable, Hashable {
    /// The last four bytes of the signer's public key.
    public var hint: [UInt8]
    /// The signature: 64 bytes for ed25519, up to 64 for other signer kinds.
    public var signature: [UInt8]

    /// A signature with its hint; the hint must be 4 bytes and the signature at most 64.
    public init(hint: [UInt8], signature: [UInt8]) throws(XDRError) {
        guard hint.count == 4 else { throw .invalidFixedLength(field: "signature.hint", expected: 4, actual: hint.count) }
        guard signature.count <= 64 else {
            throw .lengthExceedsMaximum(field: "signature", length: UInt64(signature.count), maximum: 64)
        }
        self.init(unchecked: hint, signature: signature)
    }

    init(unchecked hint: [UInt8], signature: [UInt8]) {
        self.hint = hint
        self.signature = signature
    }
}

/// `{ SignatureHint hint (opaque[4]); Signature signature (opaque<64>); }`.
extension DecoratedSignature: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encodeFixedOpaque(hint, count: 4, field: "signature.hint")
        try encoder.encodeVariableOpaque(signature, maxCount: 64, field: "signature")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(
            unchecked: try decoder.decodeFixedOpaque(count: 4),
            signature: try decoder.decodeVariableOpaque(maxCount: 64, field: "signature")
        )
    }
}
