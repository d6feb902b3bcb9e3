import CapstanCore
import CapstanHTTP
import CapstanStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import SEP24

/// Accounts with valid strkeys (generated with the Python stellar-sdk).
enum Accounts {
    static let alice = "GDROSCVCMNFQBN5QQ3BIX64JNYPYHZKPREX3DVMZF7CEQV6H7TTDGB6Q"
    static let bob = "GCDM6V7FVYMSNJIZE2VDMJ3A7L7VTTVV5ZQZECGTLXGOT6U27S5LZPF2"
    static let carol = "GB4RUDS6ZSC3TX7CBCKNK4DOM5345LJUUEE6QA3MDDXKDFOJSOMUZPPG"
    static let distribution = "GCYTDJW72PGC55LMK76XJ7G5CBQQAIQ4VISJV4IN2Y5D5SYSOSR54QKU"
    static let issuer = "GBH6LI2KWW3EBLWCDHURQ4NHSNUHWWOXMZJHH2S7T24GOVWNVMCQHPBT"
    /// `issuer` with mux id 7.
    static let muxed = "MBH6LI2KWW3EBLWCDHURQ4NHSNUHWWOXMZJHH2S7T24GOVWNVMCQGAAAAAAAAAAAA6LJY"
}

/// A clock tests can move.
final class TestClock: Sendable {
    private let seconds: Mutex<Int64>
    init(_ start: Int64 = Int64(Date().timeIntervalSince1970)) { self.seconds = Mutex(start) }
    var now: Int64 { self.seconds.withLock { $0 } }
    func advance(_ by: Int64) { self.seconds.withLock { $0 += by } }
    var unixClock: UnixClock { UnixClock { self.now } }
}

/// Hooks whose answers a test scripts; records what the host sent.
final class ScriptedHooks: SEP24Hooks, Sendable {
    let formHandler: @Sendable (FormRequest) throws -> FormReply?
    let submitHandler: @Sendable (FormSubmission) throws -> SubmitReply?
    let sep9Handler: (@Sendable (SEP9Submission) throws -> Void)?
    let instructionsHandler: @Sendable (InstructionsRequest) throws -> InstructionsReply?
    let log = Mutex<[String]>([])
    let sep9 = Mutex<[SEP9Submission]>([])
    let submissions = Mutex<[FormSubmission]>([])

    init(
        form: @escaping @Sendable (FormRequest) throws -> FormReply? = { _ in nil },
        submit: @escaping @Sendable (FormSubmission) throws -> SubmitReply? = { _ in nil },
        sep9: (@Sendable (SEP9Submission) throws -> Void)? = nil,
        instructions: @escaping @Sendable (InstructionsRequest) throws -> InstructionsReply? = { _ in nil }
    ) {
        self.formHandler = form
        self.submitHandler = submit
        self.sep9Handler = sep9
        self.instructionsHandler = instructions
    }

    func form(_ request: FormRequest) async throws -> FormReply? { try self.formHandler(request) }
    func submit(_ request: FormSubmission) async throws -> SubmitReply? {
        self.submissions.withLock { $0.append(request) }
        return try self.submitHandler(request)
    }
    func saveSEP9(_ request: SEP9Submission) async throws -> Bool {
        guard let handler = self.sep9Handler else { return false }
        self.sep9.withLock { $0.append(request) }
        try handler(request)
        return true
    }
    func depositInstructions(_ request: InstructionsRequest) async throws -> InstructionsReply? { try self.instructionsHandler(request) }
}

/// A fee provider that charges a flat 3 of anything.
struct FlatFee: FeeProvider {
    func fee(_ request: FeeRequest) async throws -> FeeQuote? { FeeQuote(total: Amount("3")!) }
}

/// SEP-24 wired as SEP24Wiring wires it, on a temporary SQLite store, driven through the router (no sockets).
struct SEP24Fixture: Sendable {
    static let secret = "sep24-test-secret-sep24-test-secret-0123"
    static let publicURL = "http://anchor.test"

    let store: SQLStore
    let directory: URL
    let clock: TestClock
    var hooks: any SEP24Hooks = BuiltInSEP24Hooks()
    var feeProvider: (any FeeProvider)?
    var uiDirectory: String?
    var maxLimit = 200

    /// SRT: SEP-24 both ways, limits 1–10000, table fees (deposit 1 + 1 %, withdraw 0.5 + 0.5 %);
    /// DEP: deposits only; OLD: SEP-6 only.
    static func make() async throws -> SEP24Fixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-sep24-\(UUID().uuidString)")
        var logger = Logger(label: "sep24.tests")
        logger.logLevel = .error
        let store = try await SQLStore.openSQLite(path: directory.appendingPathComponent("db.sqlite").path, logger: logger)
        try await store.migrate()
        try await store.assets.insert(Asset(
            code: "SRT", issuer: Accounts.issuer, distributionAccount: Accounts.distribution, significantDecimals: 2, seps: [.sep6, .sep24],
            deposit: .init(enabled: true, minAmount: Amount("1"), maxAmount: Amount("10000"), feeFixed: Amount("1"), feePercent: Amount("1")),
            withdraw: .init(enabled: true, minAmount: Amount("1"), maxAmount: Amount("10000"), feeFixed: Amount("0.5"), feePercent: Amount("0.5"))))
        try await store.assets.insert(Asset(
            code: "DEP", issuer: Accounts.issuer, significantDecimals: 2, seps: [.sep24],
            deposit: .init(enabled: true), withdraw: .init(enabled: false)))
        try await store.assets.insert(Asset(code: "OLD", issuer: Accounts.issuer, seps: [.sep6], deposit: .init(enabled: true)))
        return SEP24Fixture(store: store, directory: directory, clock: TestClock())
    }

    func close() async {
        try? await self.store.close()
        try? FileManager.default.removeItem(at: self.directory)
    }

    var settings: SEP24Settings {
        SEP24Settings(
            publicURL: Self.publicURL, interactiveTokenSeconds: 30, sessionMinutes: 30, transactionsMaxLimit: self.maxLimit,
            secret: Array(Self.secret.utf8), uiDirectory: self.uiDirectory, brand: .init(name: "Test Anchor"))
    }

    func routes() throws -> SEP24Routes {
        try SEP24Routes(
            settings: self.settings, transactions: self.store.transactions, assets: self.store.assets, hooks: self.hooks,
            feeProvider: self.feeProvider, flowState: self.store.pluginKeyValues, clock: self.clock.unixClock)
    }

    /// Runs `body` against the router; `body` gets a `Wallet` for requests.
    func run(_ body: @Sendable (Wallet) async throws -> Void) async throws {
        let routes = RouteTable()
        let router = Router(context: CapstanRequestContext.self)
        router.add(middleware: SEPMiddleware(routes: routes, maxBodyBytes: 1 << 20) { context, limit in context.maxBodyBytes = limit })
        let tokens = await SessionTokens(secret: Self.secret, clock: self.clock.unixClock)
        let sep24 = try self.routes()
        self.store.setPresenter(sep24.presenter, for: .sep24)
        sep24.register(on: router, routes: routes, authenticator: SEP10Authenticator(tokens: tokens))
        try await Application(router: router).test(.router) { client in
            try await body(Wallet(client: client, tokens: tokens, clock: self.clock))
        }
    }

    /// Makes a fixture, runs `body` with it, always cleans up.
    static func with(
        _ configure: (inout SEP24Fixture) -> Void = { _ in }, _ body: @Sendable (SEP24Fixture, Wallet) async throws -> Void
    ) async throws {
        var fixture = try await SEP24Fixture.make()
        configure(&fixture)
        let ready = fixture
        do {
            try await ready.run { wallet in try await body(ready, wallet) }
        } catch {
            await ready.close()
            throw error
        }
        await ready.close()
    }
}

/// Requests as a wallet (API, with a SEP-10 token) and as its user's browser (pages, with the session cookie).
struct Wallet: Sendable {
    let client: any TestClientProtocol
    let tokens: SessionTokens
    let clock: TestClock

    func token(_ sub: String) async throws -> String {
        try await self.tokens.sign(SEP10Claims(
            issuer: "http://anchor.test/auth", subject: sub, issuedAt: self.clock.now, expiresAt: self.clock.now + 3600, tokenID: "test"))
    }

    /// A JSON API call; `sub` nil sends no token.
    func api(
        _ method: HTTPRequest.Method, _ uri: String, sub: String? = nil, json: [String: Any]? = nil, form: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let sub { headers[.authorization] = "Bearer \(try await self.token(sub))" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form)
        }
        return try await self.client.execute(uri: uri, method: method, headers: headers, body: body)
    }

    /// Starts a deposit or withdrawal and returns its id and interactive URL (path and query only).
    func start(_ kind: String = "deposit", sub: String = Accounts.alice, _ fields: [String: Any] = [:]) async throws -> (id: String, url: String) {
        var body: [String: Any] = ["asset_code": "SRT"]
        body.merge(fields) { _, new in new }
        let response = try await self.api(.post, "/sep24/transactions/\(kind)/interactive", sub: sub, json: body)
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        let object = try response.object()
        let url = try #require(object["url"] as? String)
        return (try #require(object["id"] as? String), String(url.dropFirst(SEP24Fixture.publicURL.count)))
    }

    /// Opens the interactive URL and returns the session cookie (`name=value`).
    func open(_ url: String) async throws -> String {
        let response = try await self.client.execute(uri: url, method: .get)
        #expect(response.status == .seeOther)
        let setCookie = try #require(response.headers[.setCookie])
        return String(setCookie.split(separator: ";")[0])
    }

    /// A page as the user's browser gets it.
    func page(_ uri: String, cookie: String? = nil, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if let cookie { headers[.cookie] = cookie }
        return try await self.client.execute(uri: uri, method: .get, headers: headers)
    }

    /// Submits a form as a browser does.
    func submit(_ uri: String, cookie: String, _ fields: [String: String]) async throws -> TestResponse {
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await self.client.execute(
            uri: uri, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// The CSRF value and form id of a form page.
    static func formFields(_ html: String) throws -> (csrf: String, formID: String) {
        let csrf = try #require(html.firstMatch(of: /name="csrf_token" value="([^"]+)"/)?.1)
        let form = try #require(html.firstMatch(of: /name="form_id" value="([^"]+)"/)?.1)
        return (String(csrf), String(form))
    }

    /// The transaction as `GET /transaction` shows it to `sub`.
    func transaction(_ id: String, sub: String = Accounts.alice) async throws -> [String: Any] {
        let response = try await self.api(.get, "/sep24/transaction?id=\(id)", sub: sub)
        #expect(response.status == .ok)
        return try #require(try response.object()["transaction"] as? [String: Any])
    }
}

extension TestResponse {
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(self.body.readableBytesView)) as? [String: Any])
    }

    var text: String { String(buffer: self.body) }
}
