/// An asset that can be held and paid: lumens or a credit issued by an account.
public enum Asset: Sendable, Hashable {
    /// Lumens (XLM).
    case native
    /// A credit whose code has 1–4 characters.
    case creditAlphanum4(code: String, issuer: PublicKey)
    /// A credit whose code has 5–12 characters.
    case creditAlphanum12(code: String, issuer: PublicKey)

    /// A credit asset, choosing the 4- or 12-character form from the code's length as Stellar requires.
    public init(code: String, issuer: PublicKey) throws(XDRError) {
        guard AssetCode.isValid(code) else { throw .invalidAssetCode }
        self = code.utf8.count <= 4 ? .creditAlphanum4(code: code, issuer: issuer) : .creditAlphanum12(code: code, issuer: issuer)
    }

    /// The asset code, or nil for lumens.
    public var code: String? {
        switch self {
        case .native: nil
        case .creditAlphanum4(let code, _), .creditAlphanum12(let code, _): code
        }
    }

    /// The issuing account, or nil for lumens.
    public var issuer: PublicKey? {
        switch self {
        case .native: nil
        case .creditAlphanum4(_, let issuer), .creditAlphanum12(_, let issuer): issuer
        }
    }
}

/// `Asset` union on `AssetType`: `NATIVE = 0`, `CREDIT_ALPHANUM4 = 1`, `CREDIT_ALPHANUM12 = 2`.
extension Asset: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        switch self {
        case .native:
            encoder.encode(Int32(0))
        case .creditAlphanum4(let code, let issuer):
            encoder.encode(Int32(1))
            try AssetCode.encode(code, width: 4, to: &encoder)
            try encoder.encode(issuer)
        case .creditAlphanum12(let code, let issuer):
            encoder.encode(Int32(2))
            try AssetCode.encode(code, width: 12, to: &encoder)
            try encoder.encode(issuer)
        }
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        switch type {
        case 0: self = .native
        case 1: self = .creditAlphanum4(code: try AssetCode.decode(width: 4, from: &decoder), issuer: try decoder.decode())
        case 2: self = .creditAlphanum12(code: try AssetCode.decode(width: 12, from: &decoder), issuer: try decoder.decode())
        default: throw .invalidDiscriminant(type: "AssetType", value: type)
        }
    }
}

/// The fixed-width, zero-padded asset code fields. Codes are held to stellar-core's validity
/// rule on both sides, so a decoded asset always re-encodes to the bytes it came from.
enum AssetCode {
    static func isValid(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        return (1...12).contains(bytes.count) && bytes.allSatisfy(isAlphanumeric)
    }

    static func encode(_ code: String, width: Int, to encoder: inout XDREncoder) throws(XDRError) {
        var bytes = Array(code.utf8)
        let range = width == 4 ? 1...4 : 5...12
        guard range.contains(bytes.count), bytes.allSatisfy(isAlphanumeric) else { throw .invalidAssetCode }
        bytes.append(contentsOf: repeatElement(0, count: width - bytes.count))
        try encoder.encodeFixedOpaque(bytes, count: width, field: "assetCode")
    }

    static func decode(width: Int, from decoder: inout XDRDecoder) throws(XDRError) -> String {
        let raw = try decoder.decodeFixedOpaque(count: width)
        let length = raw.firstIndex(of: 0) ?? width
        let range = width == 4 ? 1...4 : 5...12
        guard range.contains(length), raw[length...].allSatisfy({ $0 == 0 }), raw[..<length].allSatisfy(isAlphanumeric) else {
            throw .invalidAssetCode
        }
        return String(decoding: raw[..<length], as: UTF8.self)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: false
        }
    }
}
