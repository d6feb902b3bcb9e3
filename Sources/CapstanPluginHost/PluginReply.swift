#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CCapstanPlugin

/// Turns a hook's status and reply bytes into the caller's answer or a `PluginCallError`.
enum PluginReply {
    static let empty = Array("{}".utf8)

    static func interpret(status: Int32, reply: [UInt8]?) throws(PluginCallError) -> [UInt8] {
        if status == CAPSTAN_OK {
            guard let reply else { return Self.empty }
            guard JSONSyntax.isObject(reply) else { throw .malformedResponse }
            return reply
        }
        let body = ErrorBody.parse(reply)
        switch status {
        case CAPSTAN_INVALID: throw .invalid(message: body.error ?? "invalid request", fields: body.fields)
        case CAPSTAN_NOT_FOUND: throw .notFound(message: body.error ?? "not found")
        case CAPSTAN_UNIMPLEMENTED: throw .unimplemented
        case CAPSTAN_TRANSIENT: throw .transient(message: body.error ?? "temporarily unavailable")
        case CAPSTAN_FATAL: throw .fatal(message: body.error ?? "plugin failure")
        default: throw .fatal(message: "plugin returned unknown status \(status)")
        }
    }

    /// `{"error": "...", "fields": {...}}`; anything else in an error body is ignored, and a body
    /// that is not that shape yields no message rather than a second error.
    private struct ErrorBody: Decodable {
        var error: String?
        var fields: [String: String] = [:]

        enum CodingKeys: String, CodingKey { case error, fields }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.error = try? container.decodeIfPresent(String.self, forKey: .error)
            self.fields = (try? container.decodeIfPresent([String: String].self, forKey: .fields)) ?? [:]
        }

        init() {}

        static func parse(_ reply: [UInt8]?) -> ErrorBody {
            guard let reply, JSONSyntax.isObject(reply) else { return ErrorBody() }
            return (try? JSONDecoder().decode(ErrorBody.self, from: Data(reply))) ?? ErrorBody()
        }
    }
}
