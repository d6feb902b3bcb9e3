/// The id of a claimable balance: a version and a 32-byte hash.
public struct ClaimableBalanceID: Sendable, Hashable {
    /// The hash (the only version is `CLAIMABLE_BALANCE_ID_TYPE_V0`).
    public var hash: [UInt8]

    /// A v0 id from its 32-byte hash.
    public init(hash: [UInt8]) throws(XDRError) {
        guard hash.count == 32 else { throw .invalidFixedLength(field: "claimableBalanceID", expected: 32, actual: hash.count) }
        self.hash = hash
    }

    /// Parses the hex of the XDR union (`00000000` and 64 hex digits), the form Horizon and SEP responses use.
    public init(hex: String) throws(XDRError) {
        guard let bytes = Hex.decode(hex) else { throw .invalidValue(field: "claimableBalanceID") }
        self = try ClaimableBalanceID(xdr: bytes)
    }

    /// Parses a `B…` strkey.
    public init(strKey: String) throws(StrKeyError) {
        hash = Array(try StrKey.decode(strKey, as: .claimableBalance).dropFirst())
    }

    /// The hex of the XDR union, as Horizon and SEP responses show it.
    public var hex: String {
        "00000000" + Hex.encode(hash)
    }

    /// The `B…` strkey.
    public func strKey() throws(StrKeyError) -> String {
        try StrKey.encode([0] + hash, as: .claimableBalance)
    }
}

/// `ClaimableBalanceID` union on `ClaimableBalanceIDType` with the single arm `V0 = 0 → Hash`.
extension ClaimableBalanceID: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encode(Int32(0))
        try encoder.encodeFixedOpaque(hash, count: 32, field: "claimableBalanceID")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        guard type == 0 else { throw .invalidDiscriminant(type: "ClaimableBalanceIDType", value: type) }
        hash = try decoder.decodeFixedOpaque(count: 32)
    }
}
