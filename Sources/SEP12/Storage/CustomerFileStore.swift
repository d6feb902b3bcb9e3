import CapstanHTTP
import Foundation

/// Uploaded KYC files on disk in the host's `filesDirectory`: `<id>.bin` holds the bytes, `<id>.json` who owns them.
/// Plugins receive only file ids; every lookup is scoped by the uploader's owner key.
struct CustomerFileStore: Sendable {
    /// What is known about one stored file.
    struct Metadata: Codable, Sendable, Equatable {
        var fileID: String
        var owner: String
        var contentType: String
        var size: Int
        var createdAt: Int64
        var customerID: String?
    }

    let directory: URL
    let maxFileBytes: Int

    /// The largest request body a route that takes uploads accepts: every SEP-9 binary field at its limit, plus
    /// room for the text fields and multipart framing. Each file is still held to `maxFileBytes` as it streams.
    var maxRequestBytes: Int { self.maxFileBytes * SEP9Fields.binaryFieldCount + (1 << 20) }

    init(settings: SEP12Settings) {
        self.directory = URL(fileURLWithPath: settings.filesDirectory, isDirectory: true)
        self.maxFileBytes = settings.maxFileBytes
    }

    /// A fresh file to stream an upload into; `commit` makes it visible.
    func open() throws(SEPError) -> Upload {
        do {
            try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
            let id = UUID().uuidString.lowercased()
            let url = self.directory.appendingPathComponent("\(id).part")
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw SEPError.internalError()
            }
            return Upload(id: id, url: url, handle: try FileHandle(forWritingTo: url), limit: self.maxFileBytes)
        } catch {
            throw SEPError.internalError()
        }
    }

    func commit(_ upload: Upload, owner: String, contentType: String, customerID: String? = nil) throws(SEPError) -> Metadata {
        let metadata = Metadata(
            fileID: upload.id, owner: owner, contentType: contentType, size: upload.size,
            createdAt: Int64(Date().timeIntervalSince1970), customerID: customerID)
        do {
            try upload.handle.close()
            try FileManager.default.moveItem(at: upload.url, to: self.directory.appendingPathComponent("\(upload.id).bin"))
            try JSONEncoder().encode(metadata).write(to: self.directory.appendingPathComponent("\(upload.id).json"))
        } catch {
            throw SEPError.internalError()
        }
        return metadata
    }

    func discard(_ upload: Upload) {
        try? upload.handle.close()
        try? FileManager.default.removeItem(at: upload.url)
    }

    /// The file's metadata if it exists and belongs to `owner`; other owners' files do not exist for the caller.
    func metadata(id: String, owner: String) -> Metadata? {
        guard id.range(of: "^[0-9a-f-]{36}$", options: .regularExpression) != nil,
              let data = try? Data(contentsOf: self.directory.appendingPathComponent("\(id).json")),
              let metadata = try? JSONDecoder().decode(Metadata.self, from: data), metadata.owner == owner
        else { return nil }
        return metadata
    }

    /// Every file of `owner` linked to `customerID`, oldest first.
    func files(owner: String, customerID: String) -> [Metadata] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: self.directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }
            .compactMap { self.metadata(id: String($0.dropLast(5)), owner: owner) }
            .filter { $0.customerID == customerID }
            .sorted { ($0.createdAt, $0.fileID) < ($1.createdAt, $1.fileID) }
    }

    /// Erases every file of `owner`: SEP-12 DELETE removes all of a customer's personal data, uploads included.
    func removeAll(owner: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: self.directory.path)) ?? []
        for name in names where name.hasSuffix(".json") {
            let id = String(name.dropLast(5))
            guard self.metadata(id: id, owner: owner) != nil else { continue }
            try? FileManager.default.removeItem(at: self.directory.appendingPathComponent("\(id).bin"))
            try? FileManager.default.removeItem(at: self.directory.appendingPathComponent(name))
        }
    }

    /// Links files to the customer they were submitted for.
    func link(_ ids: [String], to customerID: String, owner: String) {
        for id in ids {
            guard var metadata = self.metadata(id: id, owner: owner) else { continue }
            metadata.customerID = customerID
            try? JSONEncoder().encode(metadata).write(to: self.directory.appendingPathComponent("\(id).json"))
        }
    }
}

/// A file being written; one task owns it from `open` to `commit` or `discard`.
final class Upload {
    let id: String
    let url: URL
    let handle: FileHandle
    let limit: Int
    private(set) var size = 0

    init(id: String, url: URL, handle: FileHandle, limit: Int) {
        self.id = id
        self.url = url
        self.handle = handle
        self.limit = limit
    }

    /// Appends bytes; false once the file would exceed the limit.
    func write(_ bytes: some Collection<UInt8>) -> Bool {
        guard self.size + bytes.count <= self.limit else { return false }
        self.size += bytes.count
        self.handle.write(Data(bytes))
        return true
    }
}
