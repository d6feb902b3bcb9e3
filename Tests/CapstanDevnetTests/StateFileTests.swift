import Foundation
import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct StateFileTests {
    @Test func ledgerSurvivesARestartAndCursorsContinue() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("devnet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        let alice = KeyPair.random(), bob = KeyPair.random()

        let (cursor, sequence) = try await DevnetHarness(stateFile: path).run { session in
            try await session.funded(alice)
            try await session.funded(bob)
            #expect(try await session.pay(alice, to: bob, xlm(5), memo: .text("before")).status == .ok)
            let last = try await session.json("/accounts/\(bob.accountId)/payments?order=desc&limit=1").records[0]
            return (try #require(last["paging_token"].string), await session.sequence(of: alice))
        }
        #expect(FileManager.default.fileExists(atPath: path))

        try await DevnetHarness(stateFile: path).run { session in
            #expect(await session.sequence(of: alice) == sequence)
            #expect(try await session.balance(bob) == "10005.0000000")
            #expect(try await session.pay(alice, to: bob, xlm(6)).status == .ok)
            let after = try await session.json("/accounts/\(bob.accountId)/payments?cursor=\(cursor)").records
            #expect(after.map { $0["amount"].string } == ["6.0000000"])
            #expect(try await session.json("/accounts/\(bob.accountId)/payments").records.count == 3)
        }
    }

    @Test func stateFromAnotherNetworkIsRefused() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("devnet-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ledger = try DevnetLedger(closesOnSubmit: true, stateFile: StateFile(path: path))
        await ledger.persist()
        #expect(throws: DevnetError.self) {
            try DevnetLedger(parameters: DevnetParameters(network: .testnet), closesOnSubmit: true, stateFile: StateFile(path: path))
        }
        try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DevnetError.self) { try DevnetLedger(closesOnSubmit: true, stateFile: StateFile(path: path)) }
    }
}
