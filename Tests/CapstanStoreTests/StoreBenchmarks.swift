import CapstanCore
import Foundation
import Testing
@testable import CapstanStore

/// Throughput figures for choosing the reader count. Off unless `CAPSTAN_STORE_BENCH` is set; prints, never asserts.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CAPSTAN_STORE_BENCH"] != nil), .serialized)
struct StoreBenchmarks {
    @Test(arguments: [1, 2, 4, 8])
    func insertAndFindThroughput(readers: Int) async throws {
        let directory = try TemporaryStore.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await SQLStore.openSQLite(path: directory.appendingPathComponent("bench.sqlite").path, readerCount: readers, logger: TemporaryStore.logger)
        try await store.migrate()
        let transactions = store.transactions
        let count = 4000
        let clock = ContinuousClock()

        let inserted = try await clock.measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        for index in stride(from: worker, to: count, by: 16) {
                            var tx = TransactionStoreTests.everything(id: "tx-\(index)")
                            tx.withdrawMemo = "memo-\(index)"
                            tx.sub = "GSUB\(index % 50)"
                            try await transactions.insert(tx)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let found = try await clock.measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        for index in stride(from: worker, to: count, by: 16) {
                            _ = try await transactions.transaction(id: "tx-\(index)")
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let listed = try await clock.measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        for index in 0..<50 { _ = try await transactions.transactions(owner: "GSUB\((index + worker) % 50)", limit: 20) }
                    }
                }
                try await group.waitForAll()
            }
        }
        try await store.close()
        func rate(_ n: Int, _ d: Duration) -> Int { Int(Double(n) / (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)) }
        print("readers=\(readers) insert/s=\(rate(count, inserted)) find/s=\(rate(count, found)) list20/s=\(rate(800, listed))")
    }
}
