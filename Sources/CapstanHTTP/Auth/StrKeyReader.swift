/// The minimum of SEP-23 that `SEP10Subject` needs: `G…` and `M…` strkeys.
enum StrKeyReader {
    static let accountVersion: UInt8 = 6 << 3
    static let muxedVersion: UInt8 = 12 << 3
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// The payload of a strkey with this version byte and payload size; nil on any defect.
    static func decode(_ text: String, version: UInt8, payloadCount: Int) -> [UInt8]? {
        let rawCount = 1 + payloadCount + 2
        guard text.utf8.count == (rawCount * 8 + 4) / 5 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rawCount)
        var buffer: UInt32 = 0
        var bits = 0
        for char in text.utf8 {
            guard let value = self.value(char) else { return nil }
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        // Unused trailing bits must be zero, so that every key has exactly one spelling.
        guard bytes.count == rawCount, buffer & ((1 << UInt32(bits)) - 1) == 0, bytes[0] == version else { return nil }
        let checksum = UInt16(bytes[rawCount - 1]) << 8 | UInt16(bytes[rawCount - 2])
        guard self.crc16(bytes[0..<(rawCount - 2)]) == checksum else { return nil }
        return Array(bytes[1..<(rawCount - 2)])
    }

    static func encode(_ payload: [UInt8], version: UInt8) -> String {
        var raw = [version] + payload
        let checksum = self.crc16(raw[...])
        raw.append(UInt8(checksum & 0xff))
        raw.append(UInt8(checksum >> 8))
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in raw {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(self.alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 { out.append(self.alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func value(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): char - UInt8(ascii: "A")
        case UInt8(ascii: "2")...UInt8(ascii: "7"): char - UInt8(ascii: "2") + 26
        default: nil
        }
    }

    private static func crc16(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? crc << 1 ^ 0x1021 : crc << 1 }
        }
        return crc
    }
}
