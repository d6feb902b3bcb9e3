import Foundation
import Hummingbird
import NIOCore

/// Reads `transaction` from a `POST /auth` body in either encoding SEP-10 "Token" requires
/// ("both should be equally supported by the server").
enum TokenRequestBody {
    /// A signed challenge is about 1 KB; 64 KB leaves room for any legitimate one while keeping hostile
    /// bodies away from the decoders.
    static let maxBodyBytes = 64 * 1024
    /// The Anchor Platform's limit on `transaction` (AP PR #1917).
    static let maxTransactionLength = 50_000

    static func transaction(from request: Request) async throws(ChallengeRejection) -> String {
        // Size guard before anything is decoded: a declared length over the limit is refused unread.
        if let length = request.headers[.contentLength].flatMap(Int.init), length > self.maxBodyBytes {
            throw .bodyTooLarge(limit: self.maxBodyBytes)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: self.maxBodyBytes)
        } catch {
            throw .bodyTooLarge(limit: self.maxBodyBytes)
        }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let body = Array(buffer.readableBytesView)
        let transaction: String?
        if contentType.hasPrefix("application/json") || (contentType.isEmpty && body.first == UInt8(ascii: "{")) {
            transaction = try self.json(body)
        } else if contentType.hasPrefix("application/x-www-form-urlencoded") || contentType.isEmpty {
            transaction = try self.form(body)
        } else {
            throw .unsupportedBody
        }
        guard let transaction, !transaction.isEmpty else { throw .missingTransaction }
        guard transaction.utf8.count <= self.maxTransactionLength else { throw .transactionTooLong(limit: self.maxTransactionLength) }
        return transaction
    }

    /// `{"transaction": "<xdr>"}`; any other type for the value is the client's error, never a 500.
    static func json(_ body: [UInt8]) throws(ChallengeRejection) -> String? {
        if let transaction = self.plainJSON(body) { return transaction }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { throw .malformedBody }
        guard let value = object["transaction"], !(value is NSNull) else { return nil }
        guard let string = value as? String else { throw .transactionNotString }
        return string
    }

    /// The body nearly every wallet sends, `{"transaction":"<base64>"}` with any JSON whitespace, read without a JSON
    /// parser (JSONSerialization was 2 % of a verification). Base64 needs no JSON escapes, so the bytes between the
    /// quotes are the value; any other body, even an equivalent one, returns nil and goes to the parser.
    static func plainJSON(_ body: [UInt8]) -> String? {
        var index = body.startIndex
        func skipWhitespace() {
            while index < body.endIndex, body[index] == 0x20 || body[index] == 0x09 || body[index] == 0x0A || body[index] == 0x0D {
                index += 1
            }
        }
        func consume(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard body.endIndex - index >= count else { return false }
            for offset in 0..<count where body[index + offset] != literal.utf8Start[offset] { return false }
            index += count
            return true
        }
        skipWhitespace()
        guard consume("{") else { return nil }
        skipWhitespace()
        guard consume("\"transaction\"") else { return nil }
        skipWhitespace()
        guard consume(":") else { return nil }
        skipWhitespace()
        guard consume("\"") else { return nil }
        let start = index
        while index < body.endIndex, Self.isBase64(body[index]) { index += 1 }
        let end = index
        guard consume("\"") else { return nil }
        skipWhitespace()
        guard consume("}") else { return nil }
        skipWhitespace()
        guard index == body.endIndex else { return nil }
        return String(decoding: body[start..<end], as: UTF8.self)
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    /// `transaction=<url-encoded xdr>`.
    static func form(_ body: [UInt8]) throws(ChallengeRejection) -> String? {
        var found: String?
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard String(decoding: parts[0], as: UTF8.self) == "transaction" else { continue }
            guard found == nil else { throw .malformedBody }
            let raw = parts.count == 2 ? String(decoding: parts[1], as: UTF8.self) : ""
            guard let decoded = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else { throw .malformedBody }
            // Form encoding turns a literal '+' into a space. Base64 has no spaces, so a client that forgot
            // to escape '+' is understood rather than refused.
            found = decoded.replacingOccurrences(of: " ", with: "+")
        }
        return found
    }
}
