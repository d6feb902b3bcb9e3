import StellarKit

/// Assets as the devnet stores and Horizon prints them: `native` or `CODE:ISSUER`.
enum AssetText {
    /// `native`, or `CODE:G…`.
    static func canonical(_ asset: Asset) -> String {
        guard let code = asset.code, let issuer = asset.issuer else { return "native" }
        return "\(code):\(issuer.strKey)"
    }

    /// The asset named by `canonical(_:)`'s form, or nil when the text is not one.
    static func asset(_ text: String) -> Asset? {
        if text == "native" { return .native }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let issuer = try? PublicKey(strKey: String(parts[1])) else { return nil }
        return try? Asset(code: String(parts[0]), issuer: issuer)
    }

    /// Horizon's `asset_type`.
    static func type(_ asset: Asset) -> String {
        switch asset {
        case .native: "native"
        case .creditAlphanum4: "credit_alphanum4"
        case .creditAlphanum12: "credit_alphanum12"
        }
    }
}
