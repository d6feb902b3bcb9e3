import CapstanCore
import SEP1
import Testing

@Suite struct StellarTOMLBuilderTests {
    let settings = StellarTOMLSettings(
        homeDomain: "anchor.example.com",
        networkPassphrase: "Test SDF Network ; September 2015",
        signingKey: "GBSIGNINGKEY",
        horizonURL: "https://horizon-testnet.stellar.org",
        endpoints: [.init(key: "WEB_AUTH_ENDPOINT", url: "https://anchor.example.com/auth")],
        accounts: ["GEXTRA"]
    )
    let srt = Asset(code: "SRT", issuer: "GISSUER", distributionAccount: "GDIST", significantDecimals: 2, seps: [.sep24],
                    deposit: .init(enabled: true, minAmount: nil, maxAmount: nil, feeFixed: nil, feePercent: nil),
                    withdraw: .init(enabled: true, minAmount: nil, maxAmount: nil, feeFixed: nil, feePercent: nil))

    @Test func hostKeysCurrenciesAndPluginFieldsAreMerged() throws {
        let contribution = TOMLContribution(
            documentation: ["ORG_NAME": .string("Acme"), "ORG_URL": .string("https://acme.example")],
            currencies: [["code": .string("SRT"), "desc": .string("Demo"), "is_asset_anchored": .bool(true), "issuer": .string("GPLUGINLIES")]]
        )
        let text = try StellarTOMLBuilder().build(settings: self.settings, assets: [self.srt], contribution: contribution)
        #expect(text.contains("NETWORK_PASSPHRASE = \"Test SDF Network ; September 2015\"\n"))
        #expect(text.contains("SIGNING_KEY = \"GBSIGNINGKEY\"\n"))
        #expect(text.contains("WEB_AUTH_ENDPOINT = \"https://anchor.example.com/auth\"\n"))
        #expect(text.contains("ACCOUNTS = [\"GEXTRA\", \"GDIST\"]\n"))
        #expect(text.contains("\n[DOCUMENTATION]\nORG_NAME = \"Acme\"\nORG_URL = \"https://acme.example\"\n"))
        // The asset table, not the plugin, decides the issuer wallets trust.
        #expect(text.contains("[[CURRENCIES]]\ncode = \"SRT\"\nissuer = \"GISSUER\"\ndisplay_decimals = 2\ndesc = \"Demo\"\nis_asset_anchored = true\n"))
        #expect(!text.contains("GPLUGINLIES"))
    }

    @Test func pluginCannotOverrideHostKeys() throws {
        let contribution = TOMLContribution(topLevel: ["SIGNING_KEY": .string("GEVIL"), "FEDERATION_SERVER": .string("https://fed.example")])
        let text = try StellarTOMLBuilder().build(settings: self.settings, assets: [], contribution: contribution)
        #expect(!text.contains("GEVIL"))
        #expect(text.contains("FEDERATION_SERVER = \"https://fed.example\"\n"))
    }

    @Test func stringsAndKeysAreEscaped() throws {
        let contribution = TOMLContribution(documentation: ["ORG_DESCRIPTION": .string("Quote \" backslash \\ newline \n tab \t <script>\u{01}"), "odd key": .integer(1)])
        let text = try StellarTOMLBuilder().build(settings: self.settings, assets: [], contribution: contribution)
        #expect(text.contains(#"ORG_DESCRIPTION = "Quote \" backslash \\ newline \n tab \t <script>\u0001""#))
        #expect(text.contains("\"odd key\" = 1\n"))
    }

    @Test func nullAndNonFiniteValuesAreLeftOut() throws {
        let contribution = TOMLContribution(documentation: ["ORG_DBA": .null, "RATIO": .float(.infinity), "SHARE": .float(0.5), "N": .float(2)])
        let text = try StellarTOMLBuilder().build(settings: self.settings, assets: [], contribution: contribution)
        #expect(!text.contains("ORG_DBA"))
        #expect(!text.contains("RATIO"))
        #expect(text.contains("SHARE = 0.5\n"))
        #expect(text.contains("N = 2.0\n"))
    }

    @Test func aFileOver100KBIsRefused() {
        let big = TOMLContribution(documentation: ["ORG_DESCRIPTION": .string(String(repeating: "x", count: 100_001))])
        #expect(throws: StellarTOMLError.self) {
            try StellarTOMLBuilder().build(settings: self.settings, assets: [], contribution: big)
        }
    }
}
