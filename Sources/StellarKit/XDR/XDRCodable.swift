/// A value with an XDR encoding.
public protocol XDREncodable: Sendable {
    /// Appends this value's XDR to `encoder`, throwing if a field breaks the schema's limits.
    func encode(to encoder: inout XDREncoder) throws(XDRError)
}

/// A value that can be read from XDR.
public protocol XDRDecodable: Sendable {
    /// Reads one value from `decoder`, leaving it just after the value's last byte.
    init(from decoder: inout XDRDecoder) throws(XDRError)
}

/// A value that can be written to and read from XDR.
public typealias XDRCodable = XDREncodable & XDRDecodable

extension XDREncodable {
    /// This value's XDR bytes.
    public func xdrBytes() throws(XDRError) -> [UInt8] {
        var encoder = XDREncoder()
        try encode(to: &encoder)
        return encoder.bytes
    }

    /// This value's XDR, base64-encoded as Horizon and the SEPs carry it.
    public var xdrBase64: String {
        get throws(XDRError) { Sodium.base64Encode(try xdrBytes()) }
    }
}

extension XDRDecodable {
    /// Decodes a value that must span all of `xdr`.
    public init(xdr: [UInt8], maxDepth: Int = XDRDecoder.defaultMaxDepth) throws(XDRError) {
        var decoder = XDRDecoder(bytes: xdr, maxDepth: maxDepth)
        self = try Self(from: &decoder)
        try decoder.finish()
    }

    /// Decodes a value from base64 XDR that must span all of the decoded bytes.
    public init(xdrBase64: String) throws(XDRError) {
        guard let bytes = Sodium.base64Decode(xdrBase64) else { throw .invalidBase64 }
        try self.init(xdr: bytes)
    }
}

extension Int32: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) { encoder.encode(self) }
    public init(from decoder: inout XDRDecoder) throws(XDRError) { self = try decoder.decodeInt32() }
}

extension UInt32: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) { encoder.encode(self) }
    public init(from decoder: inout XDRDecoder) throws(XDRError) { self = try decoder.decodeUInt32() }
}

extension Int64: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) { encoder.encode(self) }
    public init(from decoder: inout XDRDecoder) throws(XDRError) { self = try decoder.decodeInt64() }
}

extension UInt64: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) { encoder.encode(self) }
    public init(from decoder: inout XDRDecoder) throws(XDRError) { self = try decoder.decodeUInt64() }
}

extension Bool: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) { encoder.encode(self) }
    public init(from decoder: inout XDRDecoder) throws(XDRError) { self = try decoder.decodeBool() }
}
