/// Changes an account's flags, thresholds, home domain or signers; every field is optional.
public struct SetOptionsOp: Sendable, Hashable {
    /// The XDR bound on the home domain (`string32`).
    public static let maximumHomeDomainLength = 32

    /// The account to receive inflation (a historical field).
    public var inflationDestination: PublicKey?
    /// Account flags to clear.
    public var clearFlags: UInt32?
    /// Account flags to set.
    public var setFlags: UInt32?
    /// The weight of the account's own key.
    public var masterWeight: UInt32?
    /// The low threshold.
    public var lowThreshold: UInt32?
    /// The medium threshold.
    public var mediumThreshold: UInt32?
    /// The high threshold.
    public var highThreshold: UInt32?
    /// The home domain, at most 32 bytes.
    public var homeDomain: String?
    /// A signer to add, reweigh or (weight 0) remove.
    public var signer: Signer?

    /// Options; nil leaves a setting unchanged.
    public init(
        inflationDestination: PublicKey? = nil, clearFlags: UInt32? = nil, setFlags: UInt32? = nil,
        masterWeight: UInt32? = nil, lowThreshold: UInt32? = nil, mediumThreshold: UInt32? = nil,
        highThreshold: UInt32? = nil, homeDomain: String? = nil, signer: Signer? = nil
    ) {
        self.inflationDestination = inflationDestination
        self.clearFlags = clearFlags
        self.setFlags = setFlags
        self.masterWeight = masterWeight
        self.lowThreshold = lowThreshold
        self.mediumThreshold = mediumThreshold
        self.highThreshold = highThreshold
        self.homeDomain = homeDomain
        self.signer = signer
    }
}

extension SetOptionsOp: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encodeOptional(inflationDestination)
        try encoder.encodeOptional(clearFlags)
        try encoder.encodeOptional(setFlags)
        try encoder.encodeOptional(masterWeight)
        try encoder.encodeOptional(lowThreshold)
        try encoder.encodeOptional(mediumThreshold)
        try encoder.encodeOptional(highThreshold)
        if let homeDomain {
            encoder.encode(true)
            try encoder.encodeString(homeDomain, maxCount: Self.maximumHomeDomainLength, field: "homeDomain")
        } else {
            encoder.encode(false)
        }
        try encoder.encodeOptional(signer)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        inflationDestination = try decoder.decodeOptional()
        clearFlags = try decoder.decodeOptional()
        setFlags = try decoder.decodeOptional()
        masterWeight = try decoder.decodeOptional()
        lowThreshold = try decoder.decodeOptional()
        mediumThreshold = try decoder.decodeOptional()
        highThreshold = try decoder.decodeOptional()
        homeDomain = try decoder.decodeBool()
            ? try decoder.decodeString(maxCount: Self.maximumHomeDomainLength, field: "homeDomain") : nil
        signer = try decoder.decodeOptional()
    }
}
