import CapstanHTTP
import StellarKit
import Testing

@testable import SEP10

/// The record of issued challenges that lets `POST /auth` recognise the server's signature without signing again.
@Suite struct IssuedChallengesTests {
    private let server = KeyPair.random()

    private func issued(_ count: Int) -> [(hash: [UInt8], signature: [UInt8])] {
        (0..<count).map { index in
            let hash = StellarHash.sha256(Array("challenge \(index)".utf8))
            return (hash, self.server.sign(hash))
        }
    }

    @Test func anIssuedSignatureIsRecognisedExactly() {
        let challenges = IssuedChallenges()
        let (hash, signature) = self.issued(1)[0]
        #expect(!challenges.isIssued(signature, of: hash))
        challenges.record(hash: hash, signature: signature)
        #expect(challenges.isIssued(signature, of: hash))

        var flipped = signature
        flipped[17] ^= 0x40
        #expect(!challenges.isIssued(flipped, of: hash))
        #expect(!challenges.isIssued(Array(signature.dropLast()), of: hash))
        #expect(!challenges.isIssued(signature + [0], of: hash))
        var otherHash = hash
        otherHash[31] ^= 0x01
        #expect(!challenges.isIssued(signature, of: otherHash))
        #expect(!challenges.isIssued(signature, of: Array(hash.dropLast())))
    }

    @Test func onlyThirtyTwoByteHashesAreRecorded() {
        let challenges = IssuedChallenges()
        let signature = self.server.sign([1, 2, 3])
        challenges.record(hash: [1, 2, 3], signature: signature)
        #expect(!challenges.isIssued(signature, of: [1, 2, 3]))
    }

    /// Bounded: a flood of `GET /auth` pushes the oldest challenges out (they then take the signing path).
    @Test func theOldestAreForgottenPastTheCapacity() {
        let challenges = IssuedChallenges()
        let all = self.issued(IssuedChallenges.capacity + 1)
        for (hash, signature) in all { challenges.record(hash: hash, signature: signature) }
        #expect(!challenges.isIssued(all[0].signature, of: all[0].hash))
        #expect(challenges.isIssued(all[all.count - 1].signature, of: all[all.count - 1].hash))
        #expect(challenges.isIssued(all[IssuedChallenges.capacity / 2 + 1].signature, of: all[IssuedChallenges.capacity / 2 + 1].hash))
    }
}

/// The two-generation cache under `IssuedChallenges`, SEP-10 session tokens and rendered SEP-24 transactions.
@Suite struct RecentCacheTests {
    @Test func keepsBetweenHalfAndAllOfItsCapacity() {
        let cache = RecentCache<Int, String>(capacity: 8)
        for key in 0..<4 { cache.set("\(key)", for: key) }
        #expect(cache.count == 4)
        cache.set("4", for: 4)  // the young generation was full: it becomes the old one
        #expect(cache.count == 5)
        for key in 5..<8 { cache.set("\(key)", for: key) }
        #expect(cache.count == 8)
        cache.set("8", for: 8)  // 0–3 are dropped
        #expect(cache.count == 5)
        #expect((0..<4).allSatisfy { cache.value(for: $0) == nil })
        #expect((4..<9).allSatisfy { cache.value(for: $0) == "\($0)" })
    }

    @Test func aHitInTheOldGenerationStays() {
        let cache = RecentCache<Int, String>(capacity: 4)
        cache.set("a", for: 1)
        cache.set("b", for: 2)
        cache.set("c", for: 3)  // 1 and 2 are now old
        #expect(cache.value(for: 1) == "a")  // back to the young generation
        cache.set("d", for: 4)  // young (3, 1) was full: it becomes old, and 2 is dropped
        #expect(cache.value(for: 2) == nil)
        #expect(cache.value(for: 1) == "a")
        #expect(cache.value(for: 3) == "c")
    }

    @Test func replacesDecidesWhetherAKeptValueIsOverwritten() {
        let cache = RecentCache<String, Int>(capacity: 4)
        cache.set(1, for: "k")
        cache.set(0, for: "k", replaces: { $0 < 0 })
        #expect(cache.value(for: "k") == 1)
        cache.set(2, for: "k", replaces: { $0 < 2 })
        #expect(cache.value(for: "k") == 2)
    }
}
