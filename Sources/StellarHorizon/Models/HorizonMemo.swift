import Foundation

/// A transaction's memo, decoded from Horizon's `memo_type`, `memo` and `memo_bytes`.
public enum HorizonMemo: Sendable, Hashable {
    case none
    /// Text as Horizon prints it; `memo_bytes` holds the raw bytes when they are not valid UTF-8.
    case text(String)
    case id(UInt64)
    /// 32 bytes (Horizon prints them in base64).
    case hash([UInt8])
    case returnHash([UInt8])

    /// The memo as anchors compare it with SEP-6/24/31 `memo` values: text, decimal id, or base64 hash.
    public var value: String? {
        switch self {
        case .none: nil
        case .text(let text): text
        case .id(let id): String(id)
        case .hash(let bytes), .returnHash(let bytes): Data(bytes).base64EncodedString()
        }
    }

    /// `memo_type` as Horizon names it.
    public var type: String {
        switch self {
        case .none: "none"
        case .text: "text"
        case .id: "id"
        case .hash: "hash"
        case .returnHash: "return"
        }
    }
}

extension KeyedDecodingContainer where Key == HorizonKey {
    func memo() throws -> HorizonMemo {
        let type = try self.optional(String.self, "memo_type") ?? "none"
        let text = try self.optional(String.self, "memo")
        func corrupt(_ reason: String) -> DecodingError {
            .dataCorruptedError(forKey: HorizonKey("memo"), in: self, debugDescription: reason)
        }
        switch type {
        case "none":
            return .none
        case "text":
            return .text(text ?? "")
        case "id":
            guard let text, let id = UInt64(text) else { throw corrupt("id memo is not a uint64") }
            return .id(id)
        case "hash", "return":
            guard let text, let data = Data(base64Encoded: text), data.count == 32 else { throw corrupt("hash memo is not 32 base64 bytes") }
            return type == "hash" ? .hash(Array(data)) : .returnHash(Array(data))
        default:
            throw corrupt("unknown memo_type \(type)")
        }
    }
}
