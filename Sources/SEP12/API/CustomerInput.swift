import CapstanHTTP
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `PUT /customer` or `POST /customer/files` body, whatever its content type: text parameters, and binary parts
/// streamed to the file store as they arrive (never held in memory whole).
struct CustomerInput {
    var parameters: [String: String] = [:]
    /// Uploaded binary parts by field name, already stored but not yet committed.
    var uploads: [String: (upload: Upload, contentType: String)] = [:]

    /// Most text any one request may carry; files are bounded separately by `maxFileBytes`.
    static let maxTextBytes = 64 * 1024

    static func read(_ request: Request, files: CustomerFileStore) async throws -> CustomerInput {
        let contentType = request.headers[.contentType] ?? ""
        let lowered = contentType.lowercased()
        if lowered.hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", of: contentType) else { throw SEPError.badRequest("multipart body without a boundary") }
            return try await MultipartReader(boundary: boundary, files: files).read(request.body)
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: Self.maxTextBytes) } catch {
            throw SEPError(status: .contentTooLarge, message: "request body larger than \(Self.maxTextBytes) bytes")
        }
        let bytes = Data(body.readableBytesView)
        var input = CustomerInput()
        if lowered.hasPrefix("application/x-www-form-urlencoded") {
            input.parameters = Self.formFields(String(decoding: bytes, as: UTF8.self))
        } else if bytes.isEmpty {
            return input
        } else if lowered.hasPrefix("application/json") || lowered.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
                throw SEPError.badRequest("the body must be a JSON object")
            }
            for (key, value) in object {
                switch value {
                case let string as String: input.parameters[key] = string
                case let number as NSNumber: input.parameters[key] = number.stringValue
                case is NSNull: continue
                default: throw SEPError.badRequest("\(key) must be a string")
                }
            }
        } else {
            throw SEPError(status: .unsupportedMediaType, message: "use application/json, application/x-www-form-urlencoded or multipart/form-data")
        }
        return input
    }

    static func formFields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (raw: Substring) in String(raw).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(raw) }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count == 2 ? decode(parts[1]) : "" }
        }
        return fields
    }

    /// A `name=value` or `name="value"` parameter of a header such as Content-Type or Content-Disposition.
    static func parameter(_ name: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let parts = piece.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
