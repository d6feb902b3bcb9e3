import CapstanCore
import CapstanHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import SEP12

/// Accounts with valid strkeys (generated with the Python stellar-sdk).
enum Accounts {
    static let alice = "GDROSCVCMNFQBN5QQ3BIX64JNYPYHZKPREX3DVMZF7CEQV6H7TTDGB6Q"
    static let bob = "GCDM6V7FVYMSNJIZE2VDMJ3A7L7VTTVV5ZQZECGTLXGOT6U27S5LZPF2"
    static let issuer = "GBH6LI2KWW3EBLWCDHURQ4NHSNUHWWOXMZJHH2S7T24GOVWNVMCQHPBT"
    /// `issuer` with mux id 7.
    static let muxed = "MBH6LI2KWW3EBLWCDHURQ4NHSNUHWWOXMZJHH2S7T24GOVWNVMCQGAAAAAAAAAAAA6LJY"
}

/// A plugin stand-in that behaves like the reference plugin: customers keyed by `sub` + memo, ACCEPTED once
/// name, email and a photo id are present. It deliberately trusts whatever `id` it is given, so the tests prove
/// the host (not the plugin) stops one owner reaching another's record.
final class FakeCustomers: SEP12Hooks, Sendable {
    struct Record: Sendable { var owner: String; var fields: [String: String]; var files: [String: CustomerFile] }
    let records = Mutex<[String: Record]>([:])
    let puts = Mutex<[CustomerPutRequest]>([])
    let callbacks = Mutex<[CustomerCallbackRequest]>([])

    static func key(_ auth: HookAuth, _ memo: String?) -> String { memo.map { "\(auth.account):\($0)" } ?? auth.sub }

    func get(_ request: CustomerGetRequest) async throws(CustomerHookError) -> CustomerReply? {
        let owner = Self.key(request.auth, request.memo)
        let found = self.records.withLock { records in
            request.id.flatMap { records[$0].map { (request.id!, $0) } } ?? records.first { $0.value.owner == owner }.map { ($0.key, $0.value) }
        }
        guard let found else {
            if request.id != nil { throw .notFound }
            return CustomerReply(status: .needsInfo, fields: Self.missing([:], [:]))
        }
        let (id, record) = found
        let missing = Self.missing(record.fields, record.files)
        return CustomerReply(id: id, status: missing.isEmpty ? .accepted : .needsInfo, fields: missing.isEmpty ? nil : missing)
    }

    func put(_ request: CustomerPutRequest) async throws(CustomerHookError) -> CustomerPutReply? {
        self.puts.withLock { $0.append(request) }
        if request.fields["first_name"] == "reject" { throw .invalid("we cannot serve you") }
        let owner = Self.key(request.auth, request.memo)
        return self.records.withLock { records in
            let id = request.id ?? records.first { $0.value.owner == owner }?.key ?? UUID().uuidString
            var record = records[id] ?? Record(owner: owner, fields: [:], files: [:])
            record.fields.merge(request.fields) { $1 }
            record.files.merge(request.files) { $1 }
            records[id] = record
            return CustomerPutReply(id: id)
        }
    }

    func delete(_ request: CustomerDeleteRequest) async throws(CustomerHookError) -> Bool? {
        let owner = Self.key(request.auth, request.memo)
        let removed = self.records.withLock { records in
            let ids = records.filter { $0.value.owner == owner }.map(\.key)
            for id in ids { records[id] = nil }
            return !ids.isEmpty
        }
        if !removed { throw .notFound }
        return true
    }

    func callback(_ request: CustomerCallbackRequest) async throws(CustomerHookError) -> Bool? {
        self.callbacks.withLock { $0.append(request) }
        return true
    }

    func verification(_ request: CustomerVerificationRequest) async throws(CustomerHookError) -> CustomerReply? {
        guard request.fields["mobile_number_verification"] == "123456" else { throw .invalid("wrong code") }
        return try await self.get(CustomerGetRequest(auth: request.auth, id: request.id))
    }

    static func missing(_ fields: [String: String], _ files: [String: CustomerFile]) -> [String: CustomerReply.Field] {
        var missing: [String: CustomerReply.Field] = [:]
        if fields["first_name"] == nil { missing["first_name"] = .init(type: "string", description: "first name") }
        if fields["email_address"] == nil { missing["email_address"] = .init(type: "string", description: "email") }
        if files["photo_id_front"] == nil { missing["photo_id_front"] = .init(type: "binary", description: "photo id") }
        return missing
    }
}

/// Every status change SEP-12 reported, in order.
final class RecordedStatuses: CustomerStatusSink, Sendable {
    let changes = Mutex<[CustomerStatusChange]>([])

    func customerStatusChanged(_ change: CustomerStatusChange) async throws {
        self.changes.withLock { $0.append(change) }
    }

    var transitions: [String] {
        self.changes.withLock { $0.map { "\($0.previous?.rawValue ?? "none")->\($0.reply.status.rawValue)" } }
    }
}

/// SEP-12 mounted as SEP12Wiring mounts it, driven through the router (no sockets).
struct SEP12Fixture: Sendable {
    static let secret = "sep12-test-secret-sep12-test-secret-0123"
    let hooks = FakeCustomers()
    let keyValues = InMemoryPluginKeyValueStore()
    let statuses = RecordedStatuses()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-sep12-\(UUID().uuidString)")
    var maxFileBytes = 6 << 20

    static func with(maxFileBytes: Int = 6 << 20, _ body: @Sendable (SEP12Fixture, Wallet) async throws -> Void) async throws {
        var fixture = SEP12Fixture()
        fixture.maxFileBytes = maxFileBytes
        let ready = fixture
        defer { try? FileManager.default.removeItem(at: ready.directory) }
        let routes = RouteTable()
        let router = Router(context: CapstanRequestContext.self)
        // The server-wide default (1 MiB): SEP-12's upload routes raise their own limit, and bound each file themselves.
        router.add(middleware: SEPMiddleware(routes: routes, maxBodyBytes: 1 << 20) { context, limit in context.maxBodyBytes = limit })
        let tokens = await SessionTokens(secret: Self.secret)
        let sep12 = SEP12Routes(
            settings: SEP12Settings(filesDirectory: ready.directory.path, maxFileBytes: maxFileBytes), hooks: ready.hooks,
            keyValues: ready.keyValues, statusSink: ready.statuses)
        sep12.register(on: router, routes: routes, authenticator: SEP10Authenticator(tokens: tokens))
        try await Application(router: router).test(.router) { client in
            try await body(ready, Wallet(client: client, tokens: tokens, routes: sep12))
        }
    }
}

/// Requests as a wallet with a SEP-10 token for a given `sub`.
struct Wallet: Sendable {
    let client: any TestClientProtocol
    let tokens: SessionTokens
    /// The mounted routes, for what a plugin reaches through the host rather than HTTP.
    let routes: SEP12Routes

    func token(_ sub: String) async throws -> String {
        let now = Int64(Date().timeIntervalSince1970)
        return try await self.tokens.sign(SEP10Claims(issuer: "http://anchor.test/auth", subject: sub, issuedAt: now, expiresAt: now + 3600, tokenID: "t"))
    }

    func call(
        _ method: HTTPRequest.Method, _ uri: String, sub: String? = nil, json: [String: Any]? = nil, form: String? = nil,
        multipart: [Part]? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let sub { headers[.authorization] = "Bearer \(try await self.token(sub))" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form)
        } else if let multipart {
            headers[.contentType] = "multipart/form-data; boundary=\(Part.boundary)"
            body = Part.encode(multipart)
        }
        return try await self.client.execute(uri: uri, method: method, headers: headers, body: body)
    }
}

/// One multipart part; binary parts go last, as SEP-12 asks.
struct Part: Sendable {
    static let boundary = "capstan-test-boundary-7f3a"
    var name: String
    var value: [UInt8]
    var filename: String?
    var contentType: String?

    static func text(_ name: String, _ value: String) -> Part { Part(name: name, value: Array(value.utf8)) }
    static func file(_ name: String, bytes: Int) -> Part {
        Part(name: name, value: [UInt8](repeating: 0xAB, count: bytes), filename: "\(name).jpg", contentType: "image/jpeg")
    }

    static func encode(_ parts: [Part]) -> ByteBuffer {
        var buffer = ByteBuffer()
        for part in parts {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"")
            if let filename = part.filename { buffer.writeString("; filename=\"\(filename)\"") }
            buffer.writeString("\r\n")
            if let type = part.contentType { buffer.writeString("Content-Type: \(type)\r\n") }
            buffer.writeString("\r\n")
            buffer.writeBytes(part.value)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }
}

extension TestResponse {
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(self.body.readableBytesView)) as? [String: Any])
    }
}
