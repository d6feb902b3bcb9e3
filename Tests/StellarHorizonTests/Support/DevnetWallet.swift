import AsyncHTTPClient
import Foundation
import StellarHorizon
import StellarKit
@testable import CapstanDevnet

/// A devnet on a loopback port, a `HorizonClient` for it, and transaction building with StellarKit.
struct DevnetWallet: Sendable {
    let ledger: DevnetLedger
    let server: LiveServer
    let client: HorizonClient
    let network = Network.standalone

    /// Starts a fresh devnet (a ledger per accepted submission) and a client for it.
    static func start(configuration: HorizonClientConfiguration = HorizonClientConfiguration()) async throws -> DevnetWallet {
        let ledger = try DevnetLedger(closesOnSubmit: true)
        let server = LiveServer.devnet(ledger)
        let url = try await server.start()
        return DevnetWallet(ledger: ledger, server: server, client: HorizonClient(baseURL: url, configuration: configuration))
    }

    /// Runs `body` with a fresh devnet, stopping it afterwards whatever happens.
    static func with<Value: Sendable>(
        configuration: HorizonClientConfiguration = HorizonClientConfiguration(), _ body: (DevnetWallet) async throws -> Value
    ) async throws -> Value {
        let wallet = try await DevnetWallet.start(configuration: configuration)
        do {
            let value = try await body(wallet)
            await wallet.server.stop()
            return value
        } catch {
            await wallet.server.stop()
            throw error
        }
    }

    /// A friendbot-funded key pair (10,000 XLM).
    func funded(_ keyPair: KeyPair = .random()) async throws -> KeyPair {
        var request = HTTPClientRequest(url: self.server.url + "/friendbot?addr=\(keyPair.accountId)")
        request.method = .GET
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw WalletError.friendbot(Int(response.status.code)) }
        return keyPair
    }

    /// A signed envelope from `source` with its next sequence number (unless given).
    func envelope(_ source: KeyPair, _ operations: [TransactionOperation], memo: Memo = .none, sequence: Int64? = nil) async throws -> TransactionEnvelope {
        let next: Int64
        if let sequence {
            next = sequence
        } else {
            next = (try await self.client.account(source.accountId)?.sequence ?? 0) + 1
        }
        let transaction = StellarKit.Transaction(
            sourceAccount: MuxedAccount(ed25519: source.publicKey), fee: UInt32(100 * operations.count), sequenceNumber: next, memo: memo,
            operations: operations
        )
        return try TransactionEnvelope(transaction).signed(with: source, network: self.network)
    }

    /// Builds, signs and submits through the client.
    @discardableResult
    func submit(_ source: KeyPair, _ operations: [TransactionOperation], memo: Memo = .none, sequence: Int64? = nil) async throws -> HorizonTransaction {
        try await self.client.submit(try await self.envelope(source, operations, memo: memo, sequence: sequence), network: self.network)
    }

    /// Pays `stroops` of `asset`.
    @discardableResult
    func pay(_ source: KeyPair, to destination: KeyPair, _ stroops: Int64, asset: StellarKit.Asset = .native, memo: Memo = .none) async throws -> HorizonTransaction {
        try await self.submit(source, [.payment(destination: MuxedAccount(ed25519: destination.publicKey), asset: asset, amount: stroops)], memo: memo)
    }
}

enum WalletError: Error {
    case friendbot(Int)
}

/// Whole lumens in stroops.
func xlm(_ units: Int64) -> Int64 { units * 10_000_000 }
