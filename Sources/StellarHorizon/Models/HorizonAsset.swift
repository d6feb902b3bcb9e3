/// An asset as Horizon names it: `asset_type` plus, for credit assets, `asset_code` and `asset_issuer`.
///
/// Named apart from StellarKit's and CapstanCore's `Asset`; this one is the wire form Horizon prints.
public struct HorizonAsset: Sendable, Hashable, CustomStringConvertible {
    /// `native`, `credit_alphanum4`, `credit_alphanum12` or `liquidity_pool_shares`.
    public var type: String
    public var code: String?
    /// The issuer's `G…` account id.
    public var issuer: String?

    public init(type: String, code: String? = nil, issuer: String? = nil) {
        self.type = type
        self.code = code
        self.issuer = issuer
    }

    /// Lumens.
    public static let native = HorizonAsset(type: "native")

    /// A credit asset; the type follows from the code's length as on the ledger.
    public static func credit(code: String, issuer: String) -> HorizonAsset {
        HorizonAsset(type: code.utf8.count <= 4 ? "credit_alphanum4" : "credit_alphanum12", code: code, issuer: issuer)
    }

    public var isNative: Bool { self.type == "native" }

    /// `native`, or `CODE:ISSUER`.
    public var description: String {
        guard let code, let issuer else { return self.type }
        return "\(code):\(issuer)"
    }
}

extension KeyedDecodingContainer where Key == HorizonKey {
    /// The asset spelled by `<prefix>type`, `<prefix>code` and `<prefix>issuer`, or nil when the type is absent.
    func asset(prefix: String) throws -> HorizonAsset? {
        guard let type = try self.optional(String.self, prefix + "type") else { return nil }
        let asset = HorizonAsset(type: type, code: try self.optional(String.self, prefix + "code"), issuer: try self.optional(String.self, prefix + "issuer"))
        if type.hasPrefix("credit_alphanum"), asset.code == nil || asset.issuer == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: self.codingPath, debugDescription: "\(prefix)type \(type) without code and issuer"))
        }
        return asset
    }
}
