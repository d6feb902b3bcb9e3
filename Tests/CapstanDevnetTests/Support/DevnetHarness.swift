import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import StellarKit
@testable import CapstanDevnet

/// A devnet on the router test framework, where every accepted submission closes its own ledger.
struct DevnetHarness: Sendable {
    let ledger: DevnetLedger
    let clock: TestClock

    init(stateFile: String? = nil, clock: TestClock = TestClock(), parameters: DevnetParameters = DevnetParameters()) throws {
        self.clock = clock
        self.ledger = try DevnetLedger(
            parameters: parameters, closesOnSubmit: true, stateFile: stateFile.map(StateFile.init(path:)), clock: { clock.now },
            logger: Logger(label: "devnet-test")
        )
    }

    /// Runs `body` against the devnet's HTTP routes.
    func run<Value: Sendable>(_ body: @escaping @Sendable (DevnetSession) async throws -> Value) async throws -> Value {
        let app = DevnetServer.application(
            ledger: self.ledger, configuration: DevnetConfiguration(port: 0, ledgerInterval: .zero), logger: Logger(label: "devnet-test")
        )
        return try await app.test(.router) { client in try await body(DevnetSession(client: client, ledger: self.ledger)) }
    }
}

/// Requests against a running devnet, plus transaction building with StellarKit.
struct DevnetSession: Sendable {
    let client: any TestClientProtocol
    let ledger: DevnetLedger
    let network = Network.standalone

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await self.client.execute(uri: uri, method: .get, headers: headers)
    }

    func json(_ uri: String) async throws -> JSON {
        JSON(try await self.get(uri).body)
    }

    /// Friendbot-funds a fresh key pair (10,000 XLM) and returns it.
    @discardableResult
    func funded(_ keyPair: KeyPair = .random()) async throws -> KeyPair {
        let response = try await self.get("/friendbot?addr=\(keyPair.accountId)")
        guard response.status == .ok else { throw HarnessError.unexpected("friendbot: \(response.status) \(String(buffer: response.body))") }
        return keyPair
    }

    func sequence(of account: KeyPair) async -> Int64 {
        await self.ledger.account(account.accountId)?.sequence ?? 0
    }

    /// Builds, signs (by default with the source) and submits a transaction.
    func submit(
        _ source: KeyPair, _ operations: [TransactionOperation], signers: [KeyPair]? = nil, memo: Memo = .none,
        sequence: Int64? = nil, fee: UInt32? = nil, sourceAccount: MuxedAccount? = nil, preconditions: Preconditions = .none,
        network: Network = .standalone
    ) async throws -> TestResponse {
        let next = await self.sequence(of: source) + 1
        let transaction = Transaction(
            sourceAccount: sourceAccount ?? MuxedAccount(ed25519: source.publicKey), fee: fee ?? UInt32(100 * max(1, operations.count)),
            sequenceNumber: sequence ?? next, preconditions: preconditions, memo: memo, operations: operations
        )
        var envelope = TransactionEnvelope(transaction)
        for signer in signers ?? [source] { try envelope.sign(with: signer, network: network) }
        return try await self.post(envelope: try envelope.xdrBase64)
    }

    /// `POST /transactions` with the form field `tx`.
    func post(envelope: String) async throws -> TestResponse {
        let encoded = envelope.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? envelope
        return try await self.client.execute(
            uri: "/transactions", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "tx=\(encoded)")
        )
    }

    /// A payment of `amount` stroops.
    func pay(_ source: KeyPair, to destination: MuxedAccount, _ amount: Int64, asset: Asset = .native, memo: Memo = .none) async throws -> TestResponse {
        try await self.submit(source, [.payment(destination: destination, asset: asset, amount: amount)], memo: memo)
    }

    func pay(_ source: KeyPair, to destination: KeyPair, _ amount: Int64, asset: Asset = .native, memo: Memo = .none) async throws -> TestResponse {
        try await self.pay(source, to: MuxedAccount(ed25519: destination.publicKey), amount, asset: asset, memo: memo)
    }

    /// The account's balance line for `asset` (`native` or the code).
    func balance(_ account: KeyPair, _ asset: String = "native") async throws -> String? {
        let json = try await self.json("/accounts/\(account.accountId)")
        return json["balances"].array.first { ($0["asset_code"].string ?? $0["asset_type"].string) == asset }?["balance"].string
    }
}

enum HarnessError: Error {
    case unexpected(String)
}

/// Whole lumens in stroops.
func xlm(_ units: Int64) -> Int64 { units * 10_000_000 }

/// A credit asset issued by `issuer`.
func credit(_ code: String, _ issuer: KeyPair) throws -> Asset {
    try Asset(code: code, issuer: issuer.publicKey)
}
