import HTTPTypes
import Hummingbird
import NIOCore

extension Response {
    /// A response whose body is JSON already written, with the content type every SEP endpoint answers with.
    public static func json(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// A response whose body is this JSON text.
    public static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        .json(ByteBuffer(string: text), status: status)
    }
}
