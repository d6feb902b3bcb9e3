/// Why bytes are not a valid XDR encoding of the expected type, or a value cannot be encoded.
public enum XDRError: Error, Sendable, Hashable {
    /// The input ended early: `needed` more bytes were required, `remaining` were left.
    case unexpectedEnd(needed: Int, remaining: Int)
    /// A length prefix or element count is above the field's declared maximum.
    case lengthExceedsMaximum(field: String, length: UInt64, maximum: Int)
    /// A fixed-size field has the wrong number of bytes (when encoding).
    case invalidFixedLength(field: String, expected: Int, actual: Int)
    /// Padding bytes after opaque data or a string are not zero.
    case nonZeroPadding
    /// A boolean or optional flag is neither 0 nor 1.
    case invalidBool(UInt32)
    /// A union discriminant this type does not define.
    case invalidDiscriminant(type: String, value: Int32)
    /// A string field is not valid UTF-8.
    case invalidUTF8(field: String)
    /// An asset code that is not 1–4 (alphanum4) or 5–12 (alphanum12) ASCII letters and digits, zero-padded.
    case invalidAssetCode
    /// A value outside its field's allowed range.
    case invalidValue(field: String)
    /// A well-formed operation of a type this codec does not model; XDR is not self-delimiting, so it cannot be skipped.
    case unsupportedOperation(Int32)
    /// A transaction extension this codec does not model (`1`: Soroban transaction data).
    case unsupportedExtension(type: String, value: Int32)
    /// Recursive data (a claim predicate) nested deeper than the decoder allows.
    case depthLimitExceeded(Int)
    /// Bytes were left over after the top-level value.
    case trailingBytes(Int)
    /// The text is not strict, padded, standard-alphabet base64.
    case invalidBase64
}
