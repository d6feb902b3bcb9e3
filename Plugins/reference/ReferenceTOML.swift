import CapstanPluginKit

/// The reference anchor's part of stellar.toml; the host adds the server keys and each asset's
/// issuer from its own configuration.
enum ReferenceTOML {
    static let documentation: [String: TOMLValue] = [
        "ORG_NAME": "Capstan Reference Anchor",
        "ORG_URL": "https://capstan.example",
        "ORG_DESCRIPTION": "A demonstration anchor for the SRT test asset, run by the Capstan reference plugin.",
        "ORG_OFFICIAL_EMAIL": "info@capstan.example",
        "ORG_SUPPORT_EMAIL": "support@capstan.example",
    ]

    static let srt = TOMLCurrency(code: "SRT", fields: [
        "status": "test",
        "is_asset_anchored": true,
        "anchor_asset_type": "fiat",
        "anchor_asset": "USD",
        "name": "Stellar Reference Token",
        "desc": "A test token pegged to US dollars, for trying out SEP-6, SEP-24 and SEP-31 flows.",
        "display_decimals": 2,
    ])

    static func response(for request: TOMLRequest) -> TOMLResponse {
        TOMLResponse(documentation: documentation, currencies: [srt])
    }
}
