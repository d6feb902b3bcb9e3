/// Someone who may claim a claimable balance, and when.
public struct Claimant: Sendable, Hashable {
    /// The account that may claim.
    public var destination: PublicKey
    /// When it may.
    public var predicate: ClaimPredicate

    /// A claimant; unconditional unless a predicate is given.
    public init(destination: PublicKey, predicate: ClaimPredicate = .unconditional) {
        self.destination = destination
        self.predicate = predicate
    }
}

/// `Claimant` union on `ClaimantType` with the single arm `CLAIMANT_TYPE_V0 = 0`.
extension Claimant: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encode(Int32(0))
        try encoder.encode(destination)
        try encoder.encode(predicate)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        guard type == 0 else { throw .invalidDiscriminant(type: "ClaimantType", value: type) }
        self.init(destination: try decoder.decode(), predicate: try decoder.decode())
    }
}
