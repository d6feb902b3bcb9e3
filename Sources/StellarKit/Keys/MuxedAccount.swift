/// An account as a transaction names it: an ed25519 key, optionally multiplexed with a 64-bit id (`M…`).
public struct MuxedAccount: Sendable, Hashable {
    /// The underlying account's key.
    public var ed25519: PublicKey
    /// The multiplexing id; `nil` for a plain `G…` account.
    public var id: UInt64?

    /// An account, multiplexed when `id` is given.
    public init(ed25519: PublicKey, id: UInt64? = nil) {
        self.ed25519 = ed25519
        self.id = id
    }

    /// Parses a `G…` or `M…` address.
    public init(strKey: String) throws(StrKeyError) {
        let decoded = try StrKey.decode(strKey)
        switch decoded.version {
        case .accountId:
            self.init(ed25519: PublicKey(unchecked: decoded.payload))
        case .muxedAccount:
            // SEP-23 puts the key first and the id after it, the reverse of the XDR layout.
            let id = decoded.payload[32..<40].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            self.init(ed25519: PublicKey(unchecked: Array(decoded.payload[0..<32])), id: id)
        default:
            throw .unexpectedVersion(expected: .muxedAccount, actual: decoded.version)
        }
    }

    /// `M…` when multiplexed, else `G…`.
    public var strKey: String {
        guard let id else { return ed25519.strKey }
        var payload = ed25519.rawBytes
        for shift in stride(from: 56, through: 0, by: -8) {
            payload.append(UInt8(truncatingIfNeeded: id >> UInt64(shift)))
        }
        return StrKey.encodeUnchecked(payload, as: .muxedAccount)
    }

    /// The underlying `G…` account id, whatever the id.
    public var accountId: String { ed25519.strKey }
}

extension MuxedAccount: CustomStringConvertible {
    /// The `G…` or `M…` address.
    public var description: String { strKey }
}

/// `MuxedAccount` union on `CryptoKeyType`: `KEY_TYPE_ED25519 = 0` or `KEY_TYPE_MUXED_ED25519 = 0x100`.
extension MuxedAccount: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        if let id {
            encoder.encode(Int32(0x100))
            encoder.encode(id)
        } else {
            encoder.encode(Int32(0))
        }
        encoder.encodeUInt256(ed25519.rawBytes)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        switch type {
        case 0:
            self.init(ed25519: PublicKey(unchecked: try decoder.decodeFixedOpaque(count: 32)))
        case 0x100:
            let id = try decoder.decodeUInt64()
            self.init(ed25519: PublicKey(unchecked: try decoder.decodeFixedOpaque(count: 32)), id: id)
        default:
            throw .invalidDiscriminant(type: "CryptoKeyType", value: type)
        }
    }
}
