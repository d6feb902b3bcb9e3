/// Sets or (with no value) deletes a named data entry on the source account; SEP-10 challenges are made of these.
public struct ManageDataOp: Sendable, Hashable {
    /// The XDR bound on names (`string64`) and values (`DataValue`, `opaque<64>`).
    public static let maximumLength = 64

    /// The entry's name, at most 64 bytes of UTF-8.
    public var name: String
    /// The value, at most 64 bytes; nil deletes the entry.
    public var value: [UInt8]?

    /// Sets `name` to `value`, or deletes it when `value` is nil.
    public init(name: String, value: [UInt8]?) {
        self.name = name
        self.value = value
    }
}

extension ManageDataOp: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encodeString(name, maxCount: Self.maximumLength, field: "manageData.name")
        if let value {
            encoder.encode(true)
            try encoder.encodeVariableOpaque(value, maxCount: Self.maximumLength, field: "manageData.value")
        } else {
            encoder.encode(false)
        }
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let name = try decoder.decodeString(maxCount: Self.maximumLength, field: "manageData.name")
        let value = try decoder.decodeBool()
            ? try decoder.decodeVariableOpaque(maxCount: Self.maximumLength, field: "manageData.value") : nil
        self.init(name: name, value: value)
    }
}
