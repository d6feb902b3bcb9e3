/// Reads XDR from untrusted bytes: every read is bounds-checked, every length is checked against
/// its field's maximum and the bytes left before anything is allocated, and recursion is capped.
public struct XDRDecoder: Sendable {
    /// Deep enough for any valid claim predicate (stellar-core allows depth 4), shallow enough
    /// that hostile nesting cannot exhaust the stack.
    public static let defaultMaxDepth = 32

    private let bytes: [UInt8]
    private let end: Int
    /// Where the next read starts, as an index into the input.
    public private(set) var offset: Int
    /// How deeply nested recursive values may be.
    public let maxDepth: Int
    private var depth = 0

    /// A decoder over `bytes`.
    public init(bytes: [UInt8], maxDepth: Int = XDRDecoder.defaultMaxDepth) {
        self.bytes = bytes
        self.offset = 0
        self.end = bytes.count
        self.maxDepth = maxDepth
    }

    /// A decoder over a slice; `offset` counts from the slice's first byte.
    public init(bytes: ArraySlice<UInt8>, maxDepth: Int = XDRDecoder.defaultMaxDepth) {
        self.bytes = Array(bytes)
        self.offset = 0
        self.end = bytes.count
        self.maxDepth = maxDepth
    }

    /// The number of bytes not yet read.
    public var remaining: Int { end - offset }

    /// Throws unless every byte has been read.
    public func finish() throws(XDRError) {
        guard remaining == 0 else { throw .trailingBytes(remaining) }
    }

    public mutating func decodeUInt32() throws(XDRError) -> UInt32 {
        guard remaining >= 4 else { throw .unexpectedEnd(needed: 4, remaining: remaining) }
        let value = UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
        offset += 4
        return value
    }

    public mutating func decodeInt32() throws(XDRError) -> Int32 {
        Int32(bitPattern: try decodeUInt32())
    }

    public mutating func decodeUInt64() throws(XDRError) -> UInt64 {
        guard remaining >= 8 else { throw .unexpectedEnd(needed: 8, remaining: remaining) }
        let high = try decodeUInt32()
        let low = try decodeUInt32()
        return UInt64(high) << 32 | UInt64(low)
    }

    public mutating func decodeInt64() throws(XDRError) -> Int64 {
        Int64(bitPattern: try decodeUInt64())
    }

    public mutating func decodeBool() throws(XDRError) -> Bool {
        switch try decodeUInt32() {
        case 0: return false
        case 1: return true
        case let other: throw .invalidBool(other)
        }
    }

    public mutating func decode<Value: XDRDecodable>(_ type: Value.Type = Value.self) throws(XDRError) -> Value {
        try Value(from: &self)
    }

    /// `T*`: a 0/1 flag, then the value when present.
    public mutating func decodeOptional<Value: XDRDecodable>(_ type: Value.Type = Value.self) throws(XDRError) -> Value? {
        try decodeBool() ? try Value(from: &self) : nil
    }

    /// `opaque[count]`: exactly `count` bytes, then zero padding.
    public mutating func decodeFixedOpaque(count: Int) throws(XDRError) -> [UInt8] {
        try readPadded(count)
    }

    /// `opaque<maxCount>`: a length no greater than `maxCount`, the bytes, then zero padding.
    public mutating func decodeVariableOpaque(maxCount: Int, field: String = "opaque") throws(XDRError) -> [UInt8] {
        let length = try decodeUInt32()
        guard length <= maxCount else {
            throw .lengthExceedsMaximum(field: field, length: UInt64(length), maximum: maxCount)
        }
        return try readPadded(Int(length))
    }

    /// `string<maxCount>`, which must be valid UTF-8 so that re-encoding gives back the same bytes.
    public mutating func decodeString(maxCount: Int, field: String = "string") throws(XDRError) -> String {
        let raw = try decodeVariableOpaque(maxCount: maxCount, field: field)
        guard let string = String(validating: raw, as: UTF8.self) else { throw .invalidUTF8(field: field) }
        return string
    }

    /// `T items<maxCount>`: a count no greater than `maxCount`, then each item.
    public mutating func decodeArray<Value: XDRDecodable>(
        _ type: Value.Type = Value.self, maxCount: Int, field: String = "array"
    ) throws(XDRError) -> [Value] {
        let count = try decodeUInt32()
        guard count <= maxCount else {
            throw .lengthExceedsMaximum(field: field, length: UInt64(count), maximum: maxCount)
        }
        // Every XDR item this codec reads takes at least four bytes, so a count the input
        // cannot hold is refused before any storage is reserved for it.
        guard Int(count) <= remaining / 4 else { throw .unexpectedEnd(needed: Int(count) * 4, remaining: remaining) }
        var items: [Value] = []
        items.reserveCapacity(Int(count))
        while items.count < Int(count) { items.append(try Value(from: &self)) }
        return items
    }

    /// Runs `body` one nesting level deeper, refusing to go past `maxDepth`; recursive types
    /// decode their children through this.
    public mutating func nested<Value>(_ body: (inout XDRDecoder) throws(XDRError) -> Value) throws(XDRError) -> Value {
        guard depth < maxDepth else { throw .depthLimitExceeded(maxDepth) }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func readPadded(_ count: Int) throws(XDRError) -> [UInt8] {
        let padded = (count + 3) & ~3
        guard padded <= remaining else { throw .unexpectedEnd(needed: padded, remaining: remaining) }
        let data = Array(bytes[offset..<offset + count])
        // A plain loop: this runs for every field, and range iteration is slow in debug builds.
        var index = offset + count
        while index < offset + padded {
            guard bytes[index] == 0 else { throw .nonZeroPadding }
            index += 1
        }
        offset += padded
        return data
    }
}
