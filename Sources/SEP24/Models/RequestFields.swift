#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CapstanHTTP
import Hummingbird

/// The fields of a request body in any encoding SEP-24 accepts ("Content Type": `multipart/form-data`,
/// `application/x-www-form-urlencoded`, `application/json`), flattened to strings.
///
/// JSON numbers keep their exact digits (`"amount": 10.10` reads as `"10.10"`, never through a binary float) and
/// booleans read as `"true"`/`"false"`. File parts of a multipart body are skipped: SEP-24 requests carry no
/// files the host uses, and binary SEP-9 fields belong to SEP-12.
struct RequestFields: Sendable {
    private(set) var values: [String: String]

    init(_ values: [String: String]) {
        self.values = values
    }

    subscript(_ name: String) -> String? {
        guard let value = self.values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// Reads the body of `request`; a body that cannot be read as its declared type is a 400.
    static func read(_ request: Request, limit: Int) async throws -> RequestFields {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw SEPError(status: .contentTooLarge, message: "request body larger than \(limit) bytes")
        }
        let body = Array(buffer.readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "application/json":
            return RequestFields(try Self.json(body))
        case "multipart/form-data":
            guard let boundary = Self.parameter("boundary", of: contentType) else {
                throw SEPError.badRequest("multipart/form-data without a boundary")
            }
            return RequestFields(try MultipartForm.fields(body, boundary: boundary))
        case "application/x-www-form-urlencoded", "":
            if mediaType.isEmpty, body.first == UInt8(ascii: "{") { return RequestFields(try Self.json(body)) }
            return RequestFields(Self.urlEncoded(body))
        default:
            throw SEPError(status: .unsupportedMediaType, message: "unsupported content type \(mediaType)")
        }
    }

    static func json(_ body: [UInt8]) throws -> [String: String] {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [:] }
        let scalars: [String: JSONScalar]
        do { scalars = try JSONDecoder().decode([String: JSONScalar].self, from: Data(body)) } catch {
            throw SEPError.badRequest("the body must be a JSON object whose values are strings, numbers or booleans")
        }
        return scalars.compactMapValues(\.text)
    }

    static func urlEncoded(_ body: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ bytes: ArraySlice<UInt8>) -> String? {
                String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]), fields[name] == nil else { continue }
            fields[name] = parts.count == 2 ? decode(parts[1]) ?? "" : ""
        }
        return fields
    }

    /// A `name=value` parameter of a header such as `Content-Type`, unquoted.
    static func parameter(_ name: String, of header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pieces[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

/// One JSON value of a flat request object.
private enum JSONScalar: Decodable {
    case text(String)
    case null

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .text(value ? "true" : "false")
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else {
            // Decimal keeps the literal's digits; a Double would turn 0.1 into 0.1000000000000000055….
            self = .text(try container.decode(Decimal.self).description)
        }
    }
}
