import CSodium

/// The one place StellarKit touches libsodium's global state and its byte-level helpers.
enum Sodium {
    /// libsodium must be initialised before `randombytes_buf` is used; a global `let` is
    /// initialised exactly once, thread-safely, the first time it is read.
    private static let initialised: Bool = sodium_init() >= 0

    static func ensureInitialised() {
        // sodium_init returns -1 only when the platform has no usable entropy source,
        // and then no key this module could produce would be safe to use.
        guard initialised else { fatalError("libsodium failed to initialise") }
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        ensureInitialised()
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        bytes.withUnsafeBufferPointer { input in
            _ = crypto_hash_sha256(&digest, input.baseAddress, UInt64(input.count))
        }
        return digest
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        ensureInitialised()
        var buffer = [UInt8](repeating: 0, count: count)
        buffer.withUnsafeMutableBytes { raw in
            if let base = raw.baseAddress { randombytes_buf(base, raw.count) }
        }
        return buffer
    }

    /// Strict RFC 4648 base64 with padding: anything else (whitespace, URL alphabet, garbage
    /// after the padding) is rejected rather than silently skipped.
    static func base64Decode(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        if input.isEmpty { return [] }
        guard input.count % 4 == 0 else { return nil }
        var output = [UInt8](repeating: 0, count: input.count / 4 * 3)
        var written = 0
        var end: UnsafePointer<CChar>? = nil
        let status = input.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { chars in
                sodium_base642bin(
                    &output, output.count, chars.baseAddress, chars.count,
                    nil, &written, &end, sodium_base64_VARIANT_ORIGINAL
                )
            }
        }
        guard status == 0, let end else { return nil }
        let consumed = input.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { chars in chars.baseAddress!.distance(to: end) }
        }
        guard consumed == input.count else { return nil }
        output.removeLast(output.count - written)
        return output
    }

    static func base64Encode(_ bytes: [UInt8]) -> String {
        let variant = sodium_base64_VARIANT_ORIGINAL
        let length = sodium_base64_encoded_len(bytes.count, variant)
        var output = [CChar](repeating: 0, count: length)
        bytes.withUnsafeBufferPointer { input in
            _ = sodium_bin2base64(&output, length, input.baseAddress, input.count, variant)
        }
        // The encoded length includes the C string's terminator.
        return String(decoding: output.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
