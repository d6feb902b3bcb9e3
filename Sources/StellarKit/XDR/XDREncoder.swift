/// Writes XDR (RFC 4506): big-endian, every item padded with zeros to a multiple of four bytes.
public struct XDREncoder: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty encoder.
    public init() {
        bytes.reserveCapacity(256)
    }

    public mutating func encode(_ value: Int32) {
        encode(UInt32(bitPattern: value))
    }

    public mutating func encode(_ value: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    public mutating func encode(_ value: Int64) {
        encode(UInt64(bitPattern: value))
    }

    public mutating func encode(_ value: UInt64) {
        encode(UInt32(truncatingIfNeeded: value >> 32))
        encode(UInt32(truncatingIfNeeded: value))
    }

    public mutating func encode(_ value: Bool) {
        encode(UInt32(value ? 1 : 0))
    }

    public mutating func encode<Value: XDREncodable>(_ value: Value) throws(XDRError) {
        try value.encode(to: &self)
    }

    /// `T*` in XDR: a 0/1 flag, then the value when present.
    public mutating func encodeOptional<Value: XDREncodable>(_ value: Value?) throws(XDRError) {
        if let value {
            encode(true)
            try value.encode(to: &self)
        } else {
            encode(false)
        }
    }

    /// `opaque[count]`: exactly `count` bytes, then zero padding.
    public mutating func encodeFixedOpaque(_ data: [UInt8], count: Int, field: String = "opaque") throws(XDRError) {
        guard data.count == count else { throw .invalidFixedLength(field: field, expected: count, actual: data.count) }
        appendPadded(data)
    }

    /// `opaque<maxCount>`: a length, the bytes, then zero padding.
    public mutating func encodeVariableOpaque(_ data: [UInt8], maxCount: Int, field: String = "opaque") throws(XDRError) {
        guard data.count <= maxCount else {
            throw .lengthExceedsMaximum(field: field, length: UInt64(data.count), maximum: maxCount)
        }
        encode(UInt32(data.count))
        appendPadded(data)
    }

    /// `string<maxCount>`: the UTF-8 bytes as variable-length opaque data.
    public mutating func encodeString(_ string: String, maxCount: Int, field: String = "string") throws(XDRError) {
        try encodeVariableOpaque(Array(string.utf8), maxCount: maxCount, field: field)
    }

    /// `T items<maxCount>`: a count, then each item.
    public mutating func encodeArray<Value: XDREncodable>(_ items: [Value], maxCount: Int, field: String = "array") throws(XDRError) {
        guard items.count <= maxCount else {
            throw .lengthExceedsMaximum(field: field, length: UInt64(items.count), maximum: maxCount)
        }
        encode(UInt32(items.count))
        for item in items { try item.encode(to: &self) }
    }

    /// For 32-byte values whose length the owning type already guarantees.
    mutating func encodeUInt256(_ data: [UInt8]) {
        bytes.append(contentsOf: data)
    }

    private mutating func appendPadded(_ data: [UInt8]) {
        bytes.append(contentsOf: data)
        let padding = (4 - data.count % 4) % 4
        for _ in 0..<padding { bytes.append(0) }
    }
}
