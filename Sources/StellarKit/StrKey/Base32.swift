/// RFC 4648 base32 without padding, strict in the ways SEP-23 requires.
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Maps an ASCII byte to its 5-bit value; 0xff marks bytes outside the (uppercase) alphabet,
    /// so lowercase and `=` padding are rejected, not folded.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (index, char) in alphabet.enumerated() { table[Int(char)] = UInt8(index) }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 0x1f)])
            }
        }
        if bits > 0 {
            out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) throws(StrKeyError) -> [UInt8] {
        let chars = Array(text.utf8)
        // 5n bits leave 5, 7 or 6 spare bits when n ≡ 1, 3, 6 (mod 8): no canonical encoder
        // ever writes such a length, so accepting it would give one key two spellings.
        switch chars.count % 8 {
        case 1, 3, 6: throw .invalidLength(chars.count)
        default: break
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for char in chars {
            let value = values[Int(char)]
            guard value != 0xff else { throw .invalidCharacter }
            buffer = (buffer << 5 | UInt32(value)) & 0xffff
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        // The unused low bits of the last symbol must be zero, for the same canonical-form reason.
        if bits > 0, buffer & ((1 << UInt32(bits)) - 1) != 0 {
            throw .nonZeroTrailingBits
        }
        return out
    }
}
