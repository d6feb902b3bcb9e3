import CapstanHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StellarHorizon
import StellarKit
import Testing

@testable import SEP10

/// A ledger held in memory; `unavailable` makes every lookup fail as a Horizon outage would.
struct FakeLedger: LedgerReader {
    var accounts: [String: LedgerAccount] = [:]
    var unavailable = false

    func account(_ accountID: String) async throws(LedgerError) -> LedgerAccount? {
        if self.unavailable { throw .unavailable(reason: "test outage") }
        return self.accounts[accountID]
    }

    /// An account whose only signer is its master key with `weight`, thresholds all `threshold`.
    static func funded(_ key: KeyPair, weight: Int = 1, threshold: Int = 0, extraSigners: [(KeyPair, Int)] = []) -> LedgerAccount {
        var signers = [LedgerAccount.Signer(key: key.accountId, weight: weight, type: .ed25519PublicKey)]
        for (signer, signerWeight) in extraSigners {
            signers.append(.init(key: signer.accountId, weight: signerWeight, type: .ed25519PublicKey))
        }
        return LedgerAccount(
            id: key.accountId, sequence: 42, thresholds: .init(low: threshold, medium: threshold, high: threshold), signers: signers
        )
    }
}

/// Answers for client domains from a table, as a wallet's stellar.toml would.
struct FakeClientDomains: ClientDomainResolver {
    var keys: [String: PublicKey] = [:]

    func signingKey(for domain: String) async throws(ClientDomainError) -> PublicKey {
        guard let key = self.keys[domain] else { throw .unreachable("no such test domain") }
        return key
    }
}

/// The server under test, wired as CapstanServer wires it, on a fixed clock.
struct SEP10Fixture: Sendable {
    static let now: Int64 = 1_750_000_000
    static let secret = "test-secret-test-secret-test-secret-0123"
    static let homeDomain = "anchor.example"
    static let endpoint = "https://auth.anchor.example:8443/auth"
    static let webAuthDomain = "auth.anchor.example:8443"

    let server: KeyPair
    let settings: SEP10Settings
    var ledger = FakeLedger()
    var clientDomains = FakeClientDomains()
    var clock = UnixClock.fixed(SEP10Fixture.now)

    init() throws {
        self.server = KeyPair.random()
        self.settings = try SEP10Settings(
            signingKey: self.server, network: .testnet, homeDomains: [Self.homeDomain, "other.example"],
            authEndpoint: Self.endpoint, challengeTimeoutSeconds: 900, tokenTimeoutSeconds: 3600
        )
    }

    var network: Network { .testnet }

    /// Runs `body` against the router (no sockets).
    func withClient(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let routes = RouteTable()
        let router = Router(context: CapstanRequestContext.self)
        router.add(middleware: SEPMiddleware(routes: routes, maxBodyBytes: 1 << 20) { context, limit in context.maxBodyBytes = limit })
        let tokens = await SessionTokens(secret: Self.secret, clock: self.clock)
        SEP10Routes(settings: self.settings, ledger: self.ledger, clientDomains: self.clientDomains, tokens: tokens, clock: self.clock)
            .register(on: router, routes: routes)
        try await Application(router: router).test(.router, body)
    }

    /// A challenge built by hand as SEP-10 describes it, for tests to break one rule at a time.
    func template(client: MuxedAccount, memo: Memo = .none, homeDomain: String = SEP10Fixture.homeDomain) -> Transaction {
        let serverAccount = MuxedAccount(ed25519: self.server.publicKey)
        let nonce = Array(Data((0..<48).map { _ in UInt8.random(in: 0...255) }).base64EncodedString().utf8)
        return Transaction(
            sourceAccount: serverAccount, fee: 200, sequenceNumber: 0,
            preconditions: .time(TimeBounds(minTime: UInt64(Self.now), maxTime: UInt64(Self.now + 900))), memo: memo,
            operations: [
                .manageData(name: "\(homeDomain) auth", value: nonce, source: client),
                .manageData(name: "web_auth_domain", value: Array(Self.webAuthDomain.utf8), source: serverAccount),
            ]
        )
    }

    /// `transaction` signed by the server and then by each of `signers`.
    func sign(_ transaction: Transaction, by signers: [KeyPair], server: Bool = true) throws -> TransactionEnvelope {
        var envelope = TransactionEnvelope(transaction)
        if server { try envelope.sign(with: self.server, network: self.network) }
        for signer in signers { try envelope.sign(with: signer, network: self.network) }
        return envelope
    }
}

extension TestClientProtocol {
    /// `GET /auth?<query>`: the status, the decoded JSON object and the decoded envelope when there is one.
    func getChallenge(_ query: String) async throws -> (status: HTTPResponse.Status, json: [String: Any], envelope: TransactionEnvelope?) {
        let response = try await self.execute(uri: "/auth?\(query)", method: .get)
        let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
        let envelope = try (json["transaction"] as? String).map { try TransactionEnvelope(xdrBase64: $0) }
        return (response.status, json, envelope)
    }

    /// `POST /auth` with a JSON body.
    func postJSON(_ body: String) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        let response = try await self.execute(
            uri: "/auth", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
        )
        let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
        return (response.status, json)
    }

    /// `POST /auth` with the envelope as JSON.
    func postToken(_ envelope: TransactionEnvelope) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await self.postJSON(#"{"transaction":"\#(try envelope.xdrBase64)"}"#)
    }

    /// Posts `envelope` and expects a 400 whose `error` is `rejection`'s message.
    func expectRejection(_ envelope: TransactionEnvelope, _ rejection: ChallengeRejection, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (status, json) = try await self.postToken(envelope)
        #expect(status == .badRequest, sourceLocation: sourceLocation)
        #expect(json["error"] as? String == rejection.message, sourceLocation: sourceLocation)
        #expect(json.count == 1, sourceLocation: sourceLocation)
    }
}

/// The payload of a JWT, decoded without verification (as a wallet reads it).
func jwtPayload(_ token: String) throws -> [String: Any] {
    let parts = token.split(separator: ".")
    #expect(parts.count == 3)
    var base64 = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    let data = try #require(Data(base64Encoded: base64))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}
