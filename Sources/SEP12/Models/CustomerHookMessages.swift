import CapstanHTTP

/// `customer_get` input.
public struct CustomerGetRequest: Codable, Sendable, Equatable {
    public var auth: HookAuth
    public var id: String?
    public var memo: String?
    public var type: String?
    public var transactionID: String?
    public var lang: String?

    enum CodingKeys: String, CodingKey { case auth, id, memo, type, transactionID = "transaction_id", lang }
}

/// `customer_put` input: validated SEP-9 text fields and references to files the host stored.
public struct CustomerPutRequest: Codable, Sendable, Equatable {
    public var auth: HookAuth
    public var id: String?
    public var memo: String?
    public var type: String?
    public var transactionID: String?
    public var fields: [String: String]
    public var files: [String: CustomerFile]

    enum CodingKeys: String, CodingKey { case auth, id, memo, type, transactionID = "transaction_id", fields, files }
}

/// `customer_put` output.
public struct CustomerPutReply: Codable, Sendable, Equatable {
    public var id: String
    public init(id: String) { self.id = id }
}

/// `customer_delete` input.
public struct CustomerDeleteRequest: Codable, Sendable, Equatable {
    public var auth: HookAuth
    public var account: String
    public var memo: String?
}

/// `customer_callback` input.
public struct CustomerCallbackRequest: Codable, Sendable, Equatable {
    public var auth: HookAuth
    public var id: String?
    public var account: String?
    public var memo: String?
    public var url: String
}

/// `customer_verification` input.
public struct CustomerVerificationRequest: Codable, Sendable, Equatable {
    public var auth: HookAuth
    public var id: String
    public var fields: [String: String]
}

/// A file the host stored, as the plugin sees it: it never parses multipart.
public struct CustomerFile: Codable, Sendable, Equatable {
    public var fileID: String
    public var contentType: String
    public var size: Int

    public init(fileID: String, contentType: String, size: Int) {
        self.fileID = fileID
        self.contentType = contentType
        self.size = size
    }

    enum CodingKeys: String, CodingKey { case fileID = "file_id", contentType = "content_type", size }
}
