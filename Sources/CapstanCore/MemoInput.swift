#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Why a wallet's memo was refused.
    public enum MemoInputError: Error, Sendable, Equatable {
        /// `memo_type` is not text, id or hash.
        case unknownType
        /// The value does not fit its type (an id over 64 bits, text over 28 bytes, a hash that is not 32 bytes).
        case invalidValue(MemoType)
    }

    /// A memo a wallet sent and its type (text unless said otherwise), checked as the Stellar network would check it;
    /// nil when no memo was sent (a lone `memo_type` must still be a known type).
    public static func memoInput(_ value: String?, type: String?) throws(MemoInputError) -> (value: String, type: MemoType)? {
        guard let value else {
            if let type, MemoType(rawValue: type) == nil { throw .unknownType }
            return nil
        }
        guard let memoType = MemoType(rawValue: type ?? "text") else { throw .unknownType }
        let valid = switch memoType {
        case .id: UInt64(value).map { String($0) == value } ?? false
        case .text: value.utf8.count <= 28
        case .hash: Data(base64Encoded: value)?.count == 32
        }
        guard valid else { throw .invalidValue(memoType) }
        return (value, memoType)
    }

    /// Whether a wallet's callback URL is one the outbox can POST to: absolute http(s) with a host.
    public static func isDeliverableCallbackURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return false
        }
        return scheme == "https" || scheme == "http"
    }
}
