/// What a trustline is for: an asset, or shares of a liquidity pool.
public enum ChangeTrustAsset: Sendable, Hashable {
    /// Lumens (never valid in a trustline, but representable as the XDR allows).
    case native
    /// A credit whose code has 1–4 characters.
    case creditAlphanum4(code: String, issuer: PublicKey)
    /// A credit whose code has 5–12 characters.
    case creditAlphanum12(code: String, issuer: PublicKey)
    /// Shares of a constant-product liquidity pool.
    case poolShare(LiquidityPoolParameters)

    /// The trustline form of an ordinary asset.
    public init(_ asset: Asset) {
        switch asset {
        case .native: self = .native
        case .creditAlphanum4(let code, let issuer): self = .creditAlphanum4(code: code, issuer: issuer)
        case .creditAlphanum12(let code, let issuer): self = .creditAlphanum12(code: code, issuer: issuer)
        }
    }

    /// The ordinary asset, or nil for pool shares.
    public var asset: Asset? {
        switch self {
        case .native: .native
        case .creditAlphanum4(let code, let issuer): .creditAlphanum4(code: code, issuer: issuer)
        case .creditAlphanum12(let code, let issuer): .creditAlphanum12(code: code, issuer: issuer)
        case .poolShare: nil
        }
    }
}

/// `ChangeTrustAsset` union on `AssetType`, adding `POOL_SHARE = 3` to `Asset`'s arms.
extension ChangeTrustAsset: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        if case .poolShare(let parameters) = self {
            encoder.encode(Int32(3))
            try encoder.encode(parameters)
        } else if let asset {
            try encoder.encode(asset)
        }
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        switch type {
        case 0: self = .native
        case 1: self = .creditAlphanum4(code: try AssetCode.decode(width: 4, from: &decoder), issuer: try decoder.decode())
        case 2: self = .creditAlphanum12(code: try AssetCode.decode(width: 12, from: &decoder), issuer: try decoder.decode())
        case 3: self = .poolShare(try decoder.decode())
        default: throw .invalidDiscriminant(type: "AssetType", value: type)
        }
    }
}

/// The parameters that identify a liquidity pool (`LiquidityPoolParameters`, constant product only).
public struct LiquidityPoolParameters: Sendable, Hashable {
    /// The lesser asset of the pair, in Stellar's asset order.
    public var assetA: Asset
    /// The greater asset of the pair.
    public var assetB: Asset
    /// The pool fee in basis points (30 on the network today).
    public var fee: Int32

    /// Constant-product pool parameters; the assets must already be in Stellar's order.
    public init(assetA: Asset, assetB: Asset, fee: Int32 = 30) {
        self.assetA = assetA
        self.assetB = assetB
        self.fee = fee
    }
}

/// Union on `LiquidityPoolType` with the single arm `LIQUIDITY_POOL_CONSTANT_PRODUCT = 0`.
extension LiquidityPoolParameters: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encode(Int32(0))
        try encoder.encode(assetA)
        try encoder.encode(assetB)
        encoder.encode(fee)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        let type = try decoder.decodeInt32()
        guard type == 0 else { throw .invalidDiscriminant(type: "LiquidityPoolType", value: type) }
        self.init(assetA: try decoder.decode(), assetB: try decoder.decode(), fee: try decoder.decodeInt32())
    }
}
