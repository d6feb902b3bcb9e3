/// Creates, changes or (limit 0) removes a trustline.
public struct ChangeTrustOp: Sendable, Hashable {
    /// The largest limit, which SDKs use when none is given.
    public static let maximumLimit = Int64.max

    /// What the trustline is for.
    public var line: ChangeTrustAsset
    /// The most the account will hold, in stroops; 0 removes the trustline.
    public var limit: Int64

    /// A trustline to `line` with `limit` stroops (default: the maximum).
    public init(line: ChangeTrustAsset, limit: Int64 = ChangeTrustOp.maximumLimit) {
        self.line = line
        self.limit = limit
    }
}

extension ChangeTrustOp: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(line)
        encoder.encode(limit)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(line: try decoder.decode(), limit: try decoder.decodeInt64())
    }
}
