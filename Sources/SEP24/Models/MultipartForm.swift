import CapstanHTTP

/// The text fields of a `multipart/form-data` body (RFC 7578). Parts with a `filename` are skipped.
enum MultipartForm {
    static func fields(_ body: [UInt8], boundary: String) throws -> [String: String] {
        let delimiter = Array("--\(boundary)".utf8)
        guard let first = Self.find(delimiter, in: body, from: 0) else {
            throw SEPError.badRequest("multipart body without its boundary")
        }
        var fields: [String: String] = [:]
        var cursor = first + delimiter.count
        while cursor + 1 < body.count {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") { break }
            guard body[cursor] == 0x0D, body[cursor + 1] == 0x0A else { throw SEPError.badRequest("malformed multipart body") }
            let partStart = cursor + 2
            guard let next = Self.find([0x0D, 0x0A] + delimiter, in: body, from: partStart) else {
                throw SEPError.badRequest("multipart body is not terminated")
            }
            let part = Array(body[partStart..<next])
            if let (name, value) = try Self.field(part), fields[name] == nil { fields[name] = value }
            cursor = next + 2 + delimiter.count
        }
        return fields
    }

    /// A part's name and text, or nil for a file part.
    private static func field(_ part: [UInt8]) throws -> (String, String)? {
        guard let split = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: part, from: 0) else {
            throw SEPError.badRequest("multipart part without headers")
        }
        let headers = String(decoding: part[0..<split], as: UTF8.self).split(separator: "\r\n")
        guard let disposition = headers.first(where: { $0.lowercased().hasPrefix("content-disposition:") }) else {
            throw SEPError.badRequest("multipart part without Content-Disposition")
        }
        let header = String(disposition)
        if RequestFields.parameter("filename", of: header) != nil { return nil }
        guard let name = RequestFields.parameter("name", of: header) else {
            throw SEPError.badRequest("multipart part without a name")
        }
        return (name, String(decoding: part[(split + 4)...], as: UTF8.self))
    }

    /// The first index of `needle` in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
