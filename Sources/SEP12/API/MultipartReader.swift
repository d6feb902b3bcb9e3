import CapstanHTTP
import Hummingbird
import MultipartKit
import NIOCore

/// Streams a `multipart/form-data` body (RFC 7578) through MultipartKit's incremental parser: text parts are kept
/// (bounded), parts with a `filename` go straight to the file store chunk by chunk, so a 5 MB photo never sits in
/// memory and an oversized one is cut off at the limit with 413.
final class MultipartReader {
    private let parser: MultipartParser
    private let files: CustomerFileStore
    private var input = CustomerInput()
    private var headers: [String: String] = [:]
    private var text: [UInt8] = []
    private var textTotal = 0
    private var current: Upload?
    private var failure: SEPError?

    init(boundary: String, files: CustomerFileStore) {
        self.parser = MultipartParser(boundary: boundary)
        self.files = files
    }

    func read(_ body: RequestBody) async throws -> CustomerInput {
        self.parser.onHeader = { [unowned self] name, value in self.headers[name.lowercased()] = value }
        self.parser.onBody = { [unowned self] buffer in self.body(&buffer) }
        self.parser.onPartComplete = { [unowned self] in self.partComplete() }
        do {
            for try await chunk in body {
                do { try self.parser.execute(chunk) } catch { throw SEPError.badRequest("malformed multipart body") }
                if let failure = self.failure { throw failure }
            }
        } catch {
            self.cleanUp()
            throw error
        }
        if self.current != nil {
            self.cleanUp()
            throw SEPError.badRequest("multipart body is not terminated")
        }
        return self.input
    }

    private var disposition: String { self.headers["content-disposition"] ?? "" }

    private func body(_ buffer: inout ByteBuffer) {
        guard self.failure == nil else { return }
        if CustomerInput.parameter("filename", of: self.disposition) != nil {
            if self.current == nil {
                do { self.current = try self.files.open() } catch { self.failure = error; return }
            }
            if self.current?.write(buffer.readableBytesView) == false {
                self.failure = SEPError(status: .contentTooLarge, message: "file larger than \(self.files.maxFileBytes) bytes")
            }
        } else {
            self.textTotal += buffer.readableBytes
            guard self.textTotal <= CustomerInput.maxTextBytes else {
                self.failure = SEPError(status: .contentTooLarge, message: "text fields larger than \(CustomerInput.maxTextBytes) bytes")
                return
            }
            self.text.append(contentsOf: buffer.readableBytesView)
        }
    }

    private func partComplete() {
        defer {
            self.headers = [:]
            self.text = []
        }
        guard self.failure == nil else { return }
        guard let name = CustomerInput.parameter("name", of: self.disposition), !name.isEmpty else {
            self.failure = .badRequest("multipart part without a name")
            return
        }
        if CustomerInput.parameter("filename", of: self.disposition) != nil {
            // An empty file part has no body callback; store it as an empty file all the same.
            if self.current == nil {
                do { self.current = try self.files.open() } catch { self.failure = error; return }
            }
            guard let upload = self.current else { return }
            self.current = nil
            guard self.input.uploads[name] == nil, self.input.parameters[name] == nil else {
                self.files.discard(upload)
                self.failure = .badRequest("\(name) appears twice")
                return
            }
            self.input.uploads[name] = (upload, self.headers["content-type"] ?? "application/octet-stream")
        } else {
            guard self.input.parameters[name] == nil, self.input.uploads[name] == nil else {
                self.failure = .badRequest("\(name) appears twice")
                return
            }
            self.input.parameters[name] = String(decoding: self.text, as: UTF8.self)
        }
    }

    private func cleanUp() {
        if let current = self.current { self.files.discard(current) }
        for (_, upload) in self.input.uploads { self.files.discard(upload.upload) }
        self.current = nil
        self.input.uploads = [:]
    }
}
