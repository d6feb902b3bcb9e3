import Foundation
import Hummingbird

/// JSON responses as Horizon sends them: HAL+JSON, slashes unescaped.
enum HorizonJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        // A fresh encoder per call: it is cheap and keeps this free of shared mutable state.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/hal+json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try self.encode(value)))
        )
    }
}
