/// The memo a transaction carries, which anchors use to match payments to their records.
public enum Memo: Sendable, Hashable {
    /// No memo.
    case none
    /// Up to 28 bytes of UTF-8 text.
    case text(String)
    /// An unsigned 64-bit id.
    case id(UInt64)
    /// A 32-byte hash.
    case hash([UInt8])
    /// A 32-byte hash of the transaction being refunded.
    case returnHash([UInt8])

    /// The longest text memo, in UTF-8 bytes.
    public static let maximumTextLength = 28
}

/// `Memo` union on `MemoType`: `NONE = 0`, `TEXT = 1`, `ID = 2`, `HASH = 3`, `RETURN = 4`.
extension Memo: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        switch self {
        case .none:
            encoder.encode(Int32(0))
        case .text(let text):
            encoder.encode(Int32(1))
            try encoder.encodeString(text, maxCount: Memo.maximumTextLength, field: "memo.text")
        case .id(let id):
            encoder.encode(Int32(2))
            encoder.encode(id)
        case .hash(let hash):
            encoder.encode(Int32(3))
            try encoder.encodeFixedOpaque(hash, count: 32, field: "memo.hash")
        case .returnHash(let hash):
            encoder.encode(Int32(4))
            try encoder.encodeFixedOpaque(hash, count: 32, field: "memo.return")
        }
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        switch type {
        case 0: self = .none
        case 1: self = .text(try decoder.decodeString(maxCount: Memo.maximumTextLength, field: "memo.text"))
        case 2: self = .id(try decoder.decodeUInt64())
        case 3: self = .hash(try decoder.decodeFixedOpaque(count: 32))
        case 4: self = .returnHash(try decoder.decodeFixedOpaque(count: 32))
        default: throw .invalidDiscriminant(type: "MemoType", value: type)
        }
    }
}
