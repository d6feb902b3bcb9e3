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

@testable import SEP6

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

/// Hooks whose answers a test scripts; records what the host sent.
final class ScriptedHooks: SEP6Hooks, Sendable {
    typealias Handler = @Sendable (SEP6TransferRequest) throws -> SEP6TransferReply?
    let infoReply: SEP6InfoReply?
    let depositHandler: Handler
    let withdrawHandler: Handler
    let requests = Mutex<[SEP6TransferRequest]>([])

    init(info: SEP6InfoReply? = ScriptedHooks.standardInfo, deposit: @escaping Handler = ScriptedHooks.instructions, withdraw: @escaping Handler = { _ in SEP6TransferReply(eta: 600) }) {
        self.infoReply = info
        self.depositHandler = deposit
        self.withdrawHandler = withdraw
    }

    func info(_ request: SEP6InfoRequest) async throws -> SEP6InfoReply? { self.infoReply }
    func deposit(_ request: SEP6TransferRequest) async throws -> SEP6TransferReply? {
        self.requests.withLock { $0.append(request) }
        return try self.depositHandler(request)
    }
    func withdraw(_ request: SEP6TransferRequest) async throws -> SEP6TransferReply? {
        self.requests.withLock { $0.append(request) }
        return try self.withdrawHandler(request)
    }

    static let standardInfo = SEP6InfoReply(
        deposit: ["SRT": .init(fundingMethods: ["SEPA", "SWIFT"], fields: ["email_address": .init(description: "your email", optional: true)])],
        withdraw: ["SRT": .init(fundingMethods: ["bank_account", "cash"], types: [
            "bank_account": .init(fields: ["dest": .init(description: "IBAN"), "dest_extra": .init(description: "BIC", optional: true)]),
            "cash": .init(fields: [:]),
        ])])

    static let instructions: Handler = { _ in
        SEP6TransferReply(
            instructions: ["organization.bank_number": .init(value: "121000358", description: "Routing number")], eta: 3600,
            extraInfo: .init(message: "Include the reference"))
    }
}

/// A fee provider that charges a flat 3 of anything.
struct FlatFee: FeeProvider {
    func fee(_ request: FeeRequest) async throws -> FeeQuote? { FeeQuote(total: Amount("3")!) }
}

/// Quotes a test lists.
struct FixedQuotes: SEP6QuoteResolver {
    let quotes: [String: (owner: String, quote: SEP6Quote)]
    func quote(id: String, owner: String) async throws -> SEP6Quote? {
        guard let entry = self.quotes[id], entry.owner == owner else { return nil }
        return entry.quote
    }
}

/// SEP-6 wired as SEP6Wiring wires it, on a temporary SQLite store, driven through the router (no sockets).
struct SEP6Fixture: Sendable {
    static let secret = "sep6-test-secret-sep6-test-secret-012345"

    let store: SQLStore
    let directory: URL
    var hooks: any SEP6Hooks = ScriptedHooks()
    var feeProvider: (any FeeProvider)?
    var quotes: any SEP6QuoteResolver = NoSEP6Quotes()
    var settings = SEP6Settings()

    /// SRT: SEP-6 both ways, limits 1–10000, table fees (deposit 1 + 1 %, withdraw 0.5 + 0.5 %), paid to a
    /// distribution account; DEP: SEP-6 deposits only; WEB: SEP-24 only.
    static func make() async throws -> SEP6Fixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-sep6-\(UUID().uuidString)")
        var logger = Logger(label: "sep6.tests")
        logger.logLevel = .error
        let store = try await SQLStore.openSQLite(path: directory.appendingPathComponent("db.sqlite").path, logger: logger)
        try await store.migrate()
        try await store.assets.insert(Asset(
            code: "SRT", issuer: Accounts.issuer, distributionAccount: Accounts.distribution, significantDecimals: 2, seps: [.sep6, .sep24],
            deposit: .init(enabled: true, minAmount: Amount("1"), maxAmount: Amount("10000"), feeFixed: Amount("1"), feePercent: Amount("1")),
            withdraw: .init(enabled: true, minAmount: Amount("1"), maxAmount: Amount("10000"), feeFixed: Amount("0.5"), feePercent: Amount("0.5"))))
        try await store.assets.insert(Asset(
            code: "DEP", issuer: Accounts.issuer, significantDecimals: 2, seps: [.sep6], deposit: .init(enabled: true), withdraw: .init(enabled: false)))
        try await store.assets.insert(Asset(code: "WEB", issuer: Accounts.issuer, seps: [.sep24], deposit: .init(enabled: true)))
        return SEP6Fixture(store: store, directory: directory)
    }

    func close() async {
        try? await self.store.close()
        try? FileManager.default.removeItem(at: self.directory)
    }

    func routes() -> SEP6Routes {
        SEP6Routes(
            settings: self.settings, transactions: self.store.transactions, assets: self.store.assets, hooks: self.hooks,
            feeProvider: self.feeProvider, quotes: self.quotes, keyValues: self.store.pluginKeyValues)
    }

    /// Runs `body` against the router.
    func run(_ body: @Sendable (Wallet) async throws -> Void) async throws {
        let routes = RouteTable()
        let router = Router(context: CapstanRequestContext.self)
        router.add(middleware: SEPMiddleware(routes: routes, maxBodyBytes: 1 << 20) { context, limit in context.maxBodyBytes = limit })
        let tokens = await SessionTokens(secret: Self.secret)
        let sep6 = self.routes()
        self.store.setPresenter(sep6.presenter, for: .sep6)
        sep6.register(on: router, routes: routes, authenticator: SEP10Authenticator(tokens: tokens))
        try await Application(router: router).test(.router) { client in
            try await body(Wallet(client: client, tokens: tokens))
        }
    }

    /// Makes a fixture, runs `body` with it, always cleans up.
    static func with(
        _ configure: (inout SEP6Fixture) -> Void = { _ in }, _ body: @Sendable (SEP6Fixture, Wallet) async throws -> Void
    ) async throws {
        var fixture = try await SEP6Fixture.make()
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

/// Requests as a wallet with a SEP-10 token for `sub`.
struct Wallet: Sendable {
    let client: any TestClientProtocol
    let tokens: SessionTokens

    func token(_ sub: String) async throws -> String {
        let now = Int64(Date().timeIntervalSince1970)
        return try await self.tokens.sign(SEP10Claims(issuer: "http://anchor.test/auth", subject: sub, issuedAt: now, expiresAt: now + 3600, tokenID: "test"))
    }

    /// A call; `sub` nil sends no token.
    func api(_ method: HTTPRequest.Method, _ uri: String, sub: String? = Accounts.alice, json: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let sub { headers[.authorization] = "Bearer \(try await self.token(sub))" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        }
        return try await self.client.execute(uri: uri, method: method, headers: headers, body: body)
    }

    /// `GET /sep6/<path>?<query>` as `sub`, expecting 200; the body's object.
    func ok(_ path: String, _ query: String, sub: String = Accounts.alice) async throws -> [String: Any] {
        let response = try await self.api(.get, "/sep6/\(path)?\(query)", sub: sub)
        #expect(response.status == .ok, "\(path)?\(query): \(response.text)")
        return try response.object()
    }

    /// Starts a deposit (or withdrawal) of SRT and returns its id.
    func start(_ kind: String = "deposit", sub: String = Accounts.alice, _ query: String = "") async throws -> String {
        let extra = kind == "withdraw" ? "&type=bank_account&dest=DE89370400440532013000" : ""
        let body = try await self.ok(kind, "asset_code=SRT\(extra)\(query.isEmpty ? "" : "&" + query)", sub: sub)
        return try #require(body["id"] as? String)
    }

    /// The transaction as `GET /transaction` shows it to `sub`.
    func transaction(_ id: String, sub: String = Accounts.alice) async throws -> [String: Any] {
        try #require(try await self.ok("transaction", "id=\(id)", sub: sub)["transaction"] as? [String: Any])
    }
}

extension TestResponse {
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(self.body.readableBytesView)) as? [String: Any])
    }

    var text: String { String(buffer: self.body) }
}
