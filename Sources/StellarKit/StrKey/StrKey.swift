/// SEP-23 strkeys: version byte, payload and CRC16-XModem checksum in unpadded base32.
public enum StrKey {
    /// The kind of key a strkey holds; the raw value is the version byte (type << 3, algorithm 0).
    public enum VersionByte: UInt8, Sendable, Hashable, CaseIterable {
        /// `G…`: an ed25519 public key (account id).
        case accountId = 48
        /// `M…`: an ed25519 public key followed by a big-endian 64-bit id.
        case muxedAccount = 96
        /// `S…`: an ed25519 secret seed.
        case seed = 144
        /// `T…`: a pre-authorised transaction hash.
        case preAuthTx = 152
        /// `X…`: a hash-x signer (SHA-256 of a preimage).
        case hashX = 184
        /// `P…`: an ed25519 signed-payload signer.
        case signedPayload = 120
        /// `C…`: a contract id.
        case contract = 16
        /// `L…`: a liquidity pool id.
        case liquidityPool = 88
        /// `B…`: a claimable balance id (type byte then hash).
        case claimableBalance = 8
    }

    /// The longest strkey any kind can produce (a signed payload with 64 payload bytes);
    /// longer input is refused before any decoding work.
    static let maximumLength = 165

    /// Encodes `payload` as a strkey of the given kind, after checking that it has that kind's shape.
    public static func encode(_ payload: [UInt8], as version: VersionByte) throws(StrKeyError) -> String {
        try validate(payload, for: version)
        return encodeUnchecked(payload, as: version)
    }

    /// Decodes a strkey that must be of the given kind and returns its payload.
    public static func decode(_ strKey: String, as version: VersionByte) throws(StrKeyError) -> [UInt8] {
        let decoded = try decode(strKey)
        guard decoded.version == version else {
            throw .unexpectedVersion(expected: version, actual: decoded.version)
        }
        return decoded.payload
    }

    /// Decodes a strkey of any kind, returning its kind and payload.
    public static func decode(_ strKey: String) throws(StrKeyError) -> (version: VersionByte, payload: [UInt8]) {
        let length = strKey.utf8.count
        guard length >= 5, length <= maximumLength else { throw .invalidLength(length) }
        var raw = try Base32.decode(strKey)
        guard raw.count >= 3 else { throw .invalidLength(length) }
        guard let version = VersionByte(rawValue: raw[0]) else { throw .unknownVersionByte(raw[0]) }
        let checksum = UInt16(raw[raw.count - 1]) << 8 | UInt16(raw[raw.count - 2])
        raw.removeLast(2)
        guard CRC16.xmodem(raw) == checksum else { throw .invalidChecksum }
        let payload = Array(raw.dropFirst())
        try validate(payload, for: version)
        return (version, payload)
    }

    /// Whether `strKey` is a valid strkey of the given kind.
    public static func isValid(_ strKey: String, as version: VersionByte) -> Bool {
        (try? decode(strKey, as: version)) != nil
    }

    /// For payloads whose shape the caller's type already guarantees.
    static func encodeUnchecked(_ payload: [UInt8], as version: VersionByte) -> String {
        var raw: [UInt8] = [version.rawValue]
        raw.reserveCapacity(payload.count + 3)
        raw.append(contentsOf: payload)
        let checksum = CRC16.xmodem(raw)
        // Stellar appends the checksum little-endian, unlike everything else in the format.
        raw.append(UInt8(truncatingIfNeeded: checksum))
        raw.append(UInt8(truncatingIfNeeded: checksum >> 8))
        return Base32.encode(raw)
    }

    private static func validate(_ payload: [UInt8], for version: VersionByte) throws(StrKeyError) {
        switch version {
        case .accountId, .seed, .preAuthTx, .hashX, .contract, .liquidityPool:
            guard payload.count == 32 else { throw .invalidPayload("expected 32 bytes, got \(payload.count)") }
        case .muxedAccount:
            guard payload.count == 40 else { throw .invalidPayload("expected 40 bytes, got \(payload.count)") }
        case .claimableBalance:
            guard payload.count == 33 else { throw .invalidPayload("expected 33 bytes, got \(payload.count)") }
            guard payload[0] == 0 else { throw .invalidPayload("unknown claimable balance type \(payload[0])") }
        case .signedPayload:
            _ = try SignedPayload.parse(strKeyPayload: payload)
        }
    }
}
