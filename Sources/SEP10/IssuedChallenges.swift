import CapstanHTTP

/// The server signatures of the challenges this process issued recently, by transaction hash.
///
/// Recognising our own signature otherwise means signing the hash again (29 µs, a twentieth of a `POST /auth`).
/// A challenge issued by another instance, or one forgotten under load, still takes that path, so nothing depends
/// on the challenge having been seen here. Entries are 32 + 64 bytes; the capacity bounds what a flood of
/// `GET /auth` can make it hold to about 2 MB.
final class IssuedChallenges: Sendable {
    private let signatures = RecentCache<[UInt8], [UInt8]>(capacity: 8_192)

    func record(hash: [UInt8], signature: [UInt8]) {
        self.signatures.set(signature, for: hash)
    }

    /// True when `signature` is, byte for byte, what this server signed `hash` with; compared in constant time.
    func isIssued(_ signature: [UInt8], of hash: [UInt8]) -> Bool {
        guard let issued = self.signatures.value(for: hash), issued.count == signature.count else { return false }
        var difference: UInt8 = 0
        for index in issued.indices { difference |= issued[index] ^ signature[index] }
        return difference == 0
    }
}
