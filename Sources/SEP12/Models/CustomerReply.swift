/// The SEP-12 `GET /customer` body, as the plugin answers it and the wallet receives it.
public struct CustomerReply: Codable, Sendable, Equatable {
    /// SEP-12 customer statuses.
    public enum Status: String, Codable, Sendable { case accepted = "ACCEPTED", processing = "PROCESSING", needsInfo = "NEEDS_INFO", rejected = "REJECTED" }

    /// A field the anchor needs or has received.
    public struct Field: Codable, Sendable, Equatable {
        public var type: String
        public var description: String
        public var choices: [String]?
        public var optional: Bool?
        public var status: String?
        public var error: String?

        public init(type: String, description: String, choices: [String]? = nil, optional: Bool? = nil, status: String? = nil, error: String? = nil) {
            self.type = type
            self.description = description
            self.choices = choices
            self.optional = optional
            self.status = status
            self.error = error
        }
    }

    public var id: String?
    public var status: Status
    public var fields: [String: Field]?
    public var providedFields: [String: Field]?
    public var message: String?

    public init(id: String? = nil, status: Status, fields: [String: Field]? = nil, providedFields: [String: Field]? = nil, message: String? = nil) {
        self.id = id
        self.status = status
        self.fields = fields
        self.providedFields = providedFields
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case id, status, fields, providedFields = "provided_fields", message }
}
