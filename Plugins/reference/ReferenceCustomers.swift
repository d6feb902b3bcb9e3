import CapstanPluginKit

/// The reference anchor's SEP-12 customers, kept in the host's key-value store. A customer is ACCEPTED once a
/// name, an email address and the front of a photo id are on file; until then NEEDS_INFO lists what is missing.
///
/// The host has already checked identity, SEP-9 formats and ownership of ids, and stored uploaded files; this
/// plugin keys records by the owner (`sub`, or `G…:<memo>` for a memo a plain account chose) it is handed.
enum ReferenceCustomers {
    /// The host's `auth` object.
    struct Auth: Codable { var account: String; var memo: String?; var sub: String }
    /// A file the host stored.
    struct File: Codable { var file_id: String; var content_type: String; var size: Int }
    /// What is on file for one customer.
    struct Record: Codable { var id: String; var fields: [String: String]; var files: [String: File] }
    /// SEP-12 field descriptions.
    struct FieldSpec: Codable { var type: String; var description: String; var optional: Bool?; var status: String? }

    struct GetRequest: Decodable { var auth: Auth; var id: String?; var memo: String?; var type: String? }
    struct PutRequest: Decodable { var auth: Auth; var id: String?; var memo: String?; var fields: [String: String]; var files: [String: File]? }
    struct DeleteRequest: Decodable { var auth: Auth; var account: String; var memo: String? }
    struct CallbackRequest: Decodable { var auth: Auth; var url: String }
    struct Reply: Encodable {
        var id: String?
        var status: String
        var fields: [String: FieldSpec]?
        var provided_fields: [String: FieldSpec]?
    }
    struct PutReply: Encodable { var id: String }
    struct Empty: Encodable {}

    private static let required: [(name: String, spec: FieldSpec)] = [
        ("first_name", FieldSpec(type: "string", description: "First name")),
        ("last_name", FieldSpec(type: "string", description: "Last name")),
        ("email_address", FieldSpec(type: "string", description: "Email address")),
        ("photo_id_front", FieldSpec(type: "binary", description: "A photo of the front of your ID")),
    ]

    static func owner(_ auth: Auth, _ memo: String?) -> String {
        if auth.memo != nil || auth.sub.hasPrefix("M") { return auth.sub }
        return memo.map { "\(auth.sub):\($0)" } ?? auth.sub
    }

    static func get(_ request: GetRequest, host: HostServices) throws -> Reply {
        let owner = Self.owner(request.auth, request.memo)
        guard let record = try Self.record(owner: owner, host: host) else {
            if request.id != nil { throw PluginFailure.notFound("customer not found") }
            return Reply(status: "NEEDS_INFO", fields: Dictionary(uniqueKeysWithValues: Self.required.map { ($0.name, $0.spec) }))
        }
        if let id = request.id, id != record.id { throw PluginFailure.notFound("customer not found") }
        return Self.reply(record)
    }

    static func put(_ request: PutRequest, host: HostServices) throws -> PutReply {
        let owner = Self.owner(request.auth, request.memo)
        var record = try Self.record(owner: owner, host: host) ?? Record(id: Self.newID(host: host), fields: [:], files: [:])
        if let id = request.id, id != record.id { throw PluginFailure.notFound("customer not found") }
        record.fields.merge(request.fields) { $1 }
        record.files.merge(request.files ?? [:]) { $1 }
        try host.setValue(record, forKey: "customer:\(owner)")
        return PutReply(id: record.id)
    }

    static func delete(_ request: DeleteRequest, host: HostServices) throws -> Empty {
        let owner = Self.owner(request.auth, request.memo)
        guard try Self.record(owner: owner, host: host) != nil else { throw PluginFailure.notFound("customer not found") }
        try host.removeValue(forKey: "customer:\(owner)")
        return Empty()
    }

    /// The host keeps the URL and sends callbacks; nothing to do but accept.
    static func callback(_ request: CallbackRequest) -> Empty { Empty() }

    private static func record(owner: String, host: HostServices) throws -> Record? {
        try host.value(Record.self, forKey: "customer:\(owner)")
    }

    private static func reply(_ record: Record) -> Reply {
        var missing: [String: FieldSpec] = [:]
        var provided: [String: FieldSpec] = [:]
        for (name, spec) in Self.required {
            if record.fields[name] != nil || record.files[name] != nil {
                var accepted = spec
                accepted.status = "ACCEPTED"
                provided[name] = accepted
            } else {
                missing[name] = spec
            }
        }
        return Reply(id: record.id, status: missing.isEmpty ? "ACCEPTED" : "NEEDS_INFO", fields: missing.isEmpty ? nil : missing,
                     provided_fields: provided.isEmpty ? nil : provided)
    }

    /// Ids from a counter in the kv store: unique per anchor, and not guessable from an account.
    private static func newID(host: HostServices) throws -> String {
        let next = (try host.value(Int.self, forKey: "customer-sequence") ?? 0) + 1
        try host.setValue(next, forKey: "customer-sequence")
        var generator = SystemRandomNumberGenerator()
        return "cus-\(next)-\(String(generator.next(), radix: 36))"
    }
}
