import Foundation
import HTTPTypes
import Hummingbird

/// An error with the body every SEP uses: `{"error": "<message>"}`, plus optional extra string fields.
public struct SEPError: HTTPResponseError, Sendable, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let message: String
    /// Extra top-level fields some SEPs require beside `error` (for example SEP-6's `"type"`).
    public let extra: [String: String]
    /// Extra response headers, such as `Allow` on a 405.
    public let headers: HTTPFields

    public init(status: HTTPResponse.Status, message: String, extra: [String: String] = [:], headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.extra = extra
        self.headers = headers
    }

    public static func badRequest(_ message: String) -> Self { .init(status: .badRequest, message: message) }
    public static func notFound(_ message: String = "not found") -> Self { .init(status: .notFound, message: message) }
    public static func internalError() -> Self { .init(status: .internalServerError, message: "internal error") }

    public var description: String { "SEPError(\(self.status.code), \(self.message))" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var body = self.extra
        body["error"] = self.message
        let data = try JSONEncoder.sorted.encode(body)
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: self.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension JSONEncoder {
    /// An encoder with stable key order, so responses are byte-for-byte reproducible.
    public static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
