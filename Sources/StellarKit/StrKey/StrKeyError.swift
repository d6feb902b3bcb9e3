/// Why a string is not a valid strkey of the kind that was asked for.
public enum StrKeyError: Error, Sendable, Hashable {
    /// The string has a length no canonical strkey can have (the count of characters is given).
    case invalidLength(Int)
    /// A character outside the uppercase RFC 4648 base32 alphabet, including `=` padding.
    case invalidCharacter
    /// The unused low bits of the last base32 symbol are not zero.
    case nonZeroTrailingBits
    /// The version byte names no known kind of strkey (or a non-zero algorithm).
    case unknownVersionByte(UInt8)
    /// A valid strkey, but of another kind than the one expected.
    case unexpectedVersion(expected: StrKey.VersionByte, actual: StrKey.VersionByte)
    /// The CRC16 checksum does not match.
    case invalidChecksum
    /// The decoded payload has the wrong shape for its kind (length, padding, type byte).
    case invalidPayload(String)
}
