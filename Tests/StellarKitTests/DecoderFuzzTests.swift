import Testing
@testable import StellarKit

/// SplitMix64: small, fast and seedable, so a failing fuzz case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Feeds the envelope decoder random and mutated input: it must decode or throw `XDRError`, never trap,
/// and whatever it accepts must re-encode to exactly the bytes it was given.
@Suite struct DecoderFuzzTests {
    static let iterations = 100_000

    @Test func mutatedEnvelopesNeverTrap() {
        var rng = SeededGenerator(seed: 0x5eed_cafe)
        let corpus: [[UInt8]] = VectorFile.shared.transactions.map { vector in
            (try? TransactionEnvelope(xdrBase64: vector.envelope_xdr).xdrBytes()) ?? []
        }
        var decoded = 0
        var failures: [String: Int] = [:]
        let clock = ContinuousClock()
        let started = clock.now
        for iteration in 0..<Self.iterations {
            let input = Self.mutate(corpus[rng.below(corpus.count)], iteration: iteration, rng: &rng)
            do throws(XDRError) {
                let envelope = try TransactionEnvelope(xdr: input)
                decoded += 1
                let reencoded = try envelope.xdrBytes()
                if reencoded != input {
                    Issue.record("iteration \(iteration): accepted input does not re-encode identically")
                }
            } catch {
                failures[Self.kind(of: error), default: 0] += 1
            }
        }
        print("fuzz: \(Self.iterations) inputs, \(decoded) decoded, in \(clock.now - started); errors: \(failures)")
        // Most mutations must be caught, and a fair share must still decode, or the fuzzer is not exercising the decoder.
        #expect(decoded > Self.iterations / 100)
        #expect(failures.values.reduce(0, +) > Self.iterations / 2)
        #expect(failures.keys.count >= 6, "error kinds seen: \(failures)")
    }

    /// A cheap label per error case: describing an error through reflection would dominate the run time.
    static func kind(of error: XDRError) -> String {
        switch error {
        case .unexpectedEnd: "unexpectedEnd"
        case .lengthExceedsMaximum: "lengthExceedsMaximum"
        case .invalidFixedLength: "invalidFixedLength"
        case .nonZeroPadding: "nonZeroPadding"
        case .invalidBool: "invalidBool"
        case .invalidDiscriminant: "invalidDiscriminant"
        case .invalidUTF8: "invalidUTF8"
        case .invalidAssetCode: "invalidAssetCode"
        case .invalidValue: "invalidValue"
        case .unsupportedOperation: "unsupportedOperation"
        case .unsupportedExtension: "unsupportedExtension"
        case .depthLimitExceeded: "depthLimitExceeded"
        case .trailingBytes: "trailingBytes"
        case .invalidBase64: "invalidBase64"
        }
    }

    static func mutate(_ original: [UInt8], iteration: Int, rng: inout SeededGenerator) -> [UInt8] {
        if iteration % 50 == 0 {
            // Pure noise, sometimes with a plausible envelope type up front.
            var noise: [UInt8] = []
            for _ in 0..<rng.below(512) { noise.append(rng.byte()) }
            if noise.count >= 4, rng.below(2) == 0 { noise.replaceSubrange(0..<4, with: [0, 0, 0, [0, 2, 5][rng.below(3)]]) }
            return noise
        }
        var bytes = original
        for _ in 0...rng.below(3) {
            guard !bytes.isEmpty else { break }
            switch rng.below(7) {
            case 0:  // bit flip
                bytes[rng.below(bytes.count)] ^= 1 << UInt8(rng.below(8))
            case 1:  // random byte
                bytes[rng.below(bytes.count)] = rng.byte()
            case 2:  // truncation
                bytes.removeLast(1 + rng.below(bytes.count))
            case 3:  // a huge or off-by-a-little length field at an aligned offset
                let offset = rng.below(bytes.count / 4 + 1) * 4
                guard offset + 4 <= bytes.count else { break }
                let values: [UInt32] = [0xffff_ffff, 0x7fff_ffff, 0x8000_0000, 0x0001_0000, 101, 65, 29, 21]
                let old = UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
                let value = rng.below(2) == 0 ? values[rng.below(values.count)] : old &+ UInt32(1 + rng.below(8))
                bytes[offset] = UInt8(truncatingIfNeeded: value >> 24)
                bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 16)
                bytes[offset + 2] = UInt8(truncatingIfNeeded: value >> 8)
                bytes[offset + 3] = UInt8(truncatingIfNeeded: value)
            case 4:  // duplicated chunk
                let start = rng.below(bytes.count)
                let end = min(bytes.count, start + 1 + rng.below(64))
                bytes.insert(contentsOf: bytes[start..<end], at: rng.below(bytes.count + 1))
            case 5:  // deleted chunk
                let start = rng.below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + rng.below(16)))
            default:  // a small discriminant or flag value at an aligned offset
                let offset = rng.below(bytes.count / 4 + 1) * 4
                guard offset + 4 <= bytes.count else { break }
                bytes[offset] = 0
                bytes[offset + 1] = 0
                bytes[offset + 2] = 0
                bytes[offset + 3] = UInt8(rng.below(31))
            }
        }
        return bytes
    }
}

extension SeededGenerator {
    /// A value in `0..<bound`; the tiny modulo bias does not matter here, and the stdlib's generic
    /// `random(in:using:)` is slow enough in debug builds to dominate the run.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
}
