import CapstanHTTP
import Foundation
import Hummingbird

/// `POST /kyc/customer/files` (one `file` part, streamed to bounded storage) and `GET /kyc/customer/files`
/// (by `file_id` or `customer_id`, only the caller's own files; always 200).
struct FilesEndpoint: Sendable {
    let deps: SEP12Dependencies

    /// The SEP-12 file object.
    struct FileObject: Encodable {
        var fileID: String
        var contentType: String
        var size: Int
        var customerID: String?

        init(_ metadata: CustomerFileStore.Metadata) {
            self.fileID = metadata.fileID
            self.contentType = metadata.contentType
            self.size = metadata.size
            self.customerID = metadata.customerID
        }

        enum CodingKeys: String, CodingKey { case fileID = "file_id", contentType = "content_type", size, customerID = "customer_id" }
    }

    func upload(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        guard (request.headers[.contentType] ?? "").lowercased().hasPrefix("multipart/form-data") else {
            throw SEPError.badRequest("upload the file as multipart/form-data with a part named file")
        }
        var input = try await CustomerInput.read(request, files: self.deps.files)
        defer { for (_, part) in input.uploads { self.deps.files.discard(part.upload) } }
        let identity = try CustomerIdentity(claims: context.claims, account: input.parameters["account"], memo: input.parameters["memo"])
        guard let part = input.uploads["file"], input.uploads.count == 1 else { throw SEPError.badRequest("send exactly one file part, named file") }
        let stored = try self.deps.files.commit(part.upload, owner: identity.owner, contentType: part.contentType)
        input.uploads = [:]
        return try CustomerEndpoint.json(FileObject(stored))
    }

    func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let query = request.uri.queryParameters
        let identity = try CustomerIdentity(claims: context.claims, account: nil, memo: query["memo"].map(String.init))
        var files: [FileObject] = []
        if let fileID = query["file_id"] {
            files = self.deps.files.metadata(id: String(fileID), owner: identity.owner).map { [FileObject($0)] } ?? []
        } else if let customerID = query["customer_id"] {
            files = self.deps.files.files(owner: identity.owner, customerID: String(customerID)).map(FileObject.init)
        } else {
            throw SEPError.badRequest("file_id or customer_id is required")
        }
        return try CustomerEndpoint.json(["files": files])
    }
}
