import CapstanCore
import CapstanHTTP
import Testing

/// The cache behind `GET /sep24/transactions`: exact versions only, bounded, recently used entries kept.
@Suite struct RenderedTransactionCacheTests {
    @Test func answersOnlyForTheVersionItHolds() {
        let cache = RenderedTransactionCache(capacity: 8)
        cache.store("v1", for: TransactionVersion(id: "a", version: 1))
        #expect(cache.json(for: TransactionVersion(id: "a", version: 1)) == "v1")
        #expect(cache.json(for: TransactionVersion(id: "a", version: 2)) == nil)
        #expect(cache.json(for: TransactionVersion(id: "b", version: 1)) == nil)
        cache.store("v2", for: TransactionVersion(id: "a", version: 2))
        #expect(cache.json(for: TransactionVersion(id: "a", version: 2)) == "v2")
        #expect(cache.json(for: TransactionVersion(id: "a", version: 1)) == nil)
        // A slow reader that rendered an older version cannot push the newer one out.
        cache.store("v1 again", for: TransactionVersion(id: "a", version: 1))
        #expect(cache.json(for: TransactionVersion(id: "a", version: 2)) == "v2")
        #expect(cache.count == 1)
    }

    @Test func staysWithinItsCapacityAndKeepsWhatIsUsed() {
        let cache = RenderedTransactionCache(capacity: 4)
        cache.store("kept", for: TransactionVersion(id: "hot", version: 1))
        for index in 0..<100 {
            cache.store("\(index)", for: TransactionVersion(id: "cold-\(index)", version: 1))
            #expect(cache.json(for: TransactionVersion(id: "hot", version: 1)) == "kept", "after \(index)")
            #expect(cache.count <= 4)
        }
        #expect(cache.json(for: TransactionVersion(id: "cold-0", version: 1)) == nil)
        #expect(cache.json(for: TransactionVersion(id: "cold-99", version: 1)) == "99")
    }

    @Test func concurrentReadersAndWritersAgree() async {
        let cache = RenderedTransactionCache(capacity: 64)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for round in 0..<2_000 {
                        let key = TransactionVersion(id: "t\((worker + round) % 40)", version: Int64(round % 5))
                        cache.store("\(key.id)@\(key.version)", for: key)
                        if let json = cache.json(for: key) { precondition(json == "\(key.id)@\(key.version)") }
                    }
                }
            }
        }
        #expect(cache.count <= 64)
    }
}
