import CapstanHTTP

/// The server signatures of the challenges this process issued recently, by transaction hash.
///
/// Recognising our own signature otherwise means signing the hash again (28 µs, a sixteenth of a `POST /auth`).
/// A challenge issued by another instance, or one forgotten under load, still takes that path, so nothing depends
/// on the challenge having been seen here. An entry is a 32-byte key and a 64-byte signature with the dictionary's and
/// the array's overhead, about 200 bytes: the capacity bounds what a flood of `GET /auth` can make it hold to about 2 MB.
final class IssuedChallenges: Sendable {
    /// A transaction hash as four words: hashing `[UInt8]` feeds the hasher byte by byte, which made recording a
    /// challenge a few percent of a `GET /auth`.
    private struct Hash: Hashable {
        let words: (UInt64, UInt64, UInt64, UInt64)

        init?(_ bytes: [UInt8]) {
            guard bytes.count == 32 else { return nil }
            self.words = bytes.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                 raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            }
        }

        static func == (lhs: Hash, rhs: Hash) -> Bool { lhs.words == rhs.words }

        func hash(into hasher: inout Hasher) {
            hasher.combine(self.words.0)
            hasher.combine(self.words.1)
            hasher.combine(self.words.2)
            hasher.combine(self.words.3)
        }
    }

    /// How many challenges are remembered at most (at least half of them at any time).
    static let capacity = 8_192

    private let signatures = RecentCache<Hash, [UInt8]>(capacity: IssuedChallenges.capacity)

    func record(hash: [UInt8], signature: [UInt8]) {
        guard let key = Hash(hash) else { return }
        self.signatures.set(signature, for: key)
    }

    /// True when `signature` is, byte for byte, what this server signed `hash` with; compared in constant time.
    func isIssued(_ signature: [UInt8], of hash: [UInt8]) -> Bool {
        guard let key = Hash(hash), let issued = self.signatures.value(for: key), issued.count == signature.count else {
            return false
        }
        var difference: UInt8 = 0
        for index in issued.indices { difference |= issued[index] ^ signature[index] }
        return difference == 0
    }
}
