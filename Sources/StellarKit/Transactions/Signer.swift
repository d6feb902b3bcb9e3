/// An account signer and its weight, as `SetOptions` adds, changes or (weight 0) removes it.
public struct Signer: Sendable, Hashable {
    /// Who signs.
    public var key: SignerKey
    /// The signature's weight towards thresholds; 0 removes the signer.
    public var weight: UInt32

    /// A signer with a weight.
    public init(key: SignerKey, weight: UInt32) {
        self.key = key
        self.weight = weight
    }
}

extension Signer: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(key)
        encoder.encode(weight)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(key: try decoder.decode(), weight: try decoder.decodeUInt32())
    }
}
