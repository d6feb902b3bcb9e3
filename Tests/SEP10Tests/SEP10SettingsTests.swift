import StellarKit
import Testing

@testable import SEP10

/// Configuration that SEP-10 refuses at start-up, and what it derives from the rest.
@Suite struct SEP10SettingsTests {
    private func settings(
        homeDomains: [String] = ["anchor.example"], endpoint: String = "https://anchor.example/auth", challenge: Int = 900, token: Int = 86_400
    ) throws(SEP10SettingsError) -> SEP10Settings {
        try SEP10Settings(
            signingKey: .random(), network: .testnet, homeDomains: homeDomains, authEndpoint: endpoint,
            challengeTimeoutSeconds: challenge, tokenTimeoutSeconds: token
        )
    }

    @Test(arguments: [
        ("https://anchor.example/auth", "anchor.example"),
        ("http://127.0.0.1:8000/auth", "127.0.0.1:8000"),
        ("https://auth.anchor.example:8443/prefix/auth", "auth.anchor.example:8443"),
    ])
    func webAuthDomainIsHostAndPortOfTheEndpoint(endpoint: String, domain: String) throws {
        #expect(try self.settings(endpoint: endpoint).webAuthDomain == domain)
    }

    @Test func firstHomeDomainIsTheDefault() throws {
        #expect(try self.settings(homeDomains: ["b.example", "a.example"]).defaultHomeDomain == "b.example")
    }

    @Test func homeDomainMustFitAManageDataName() {
        // "<home_domain> auth" must fit the 64-byte ManageData name.
        #expect(throws: SEP10SettingsError.homeDomainTooLong(String(repeating: "a", count: 60))) {
            try self.settings(homeDomains: [String(repeating: "a", count: 60)])
        }
        #expect(throws: SEP10SettingsError.noHomeDomain) { try self.settings(homeDomains: []) }
    }

    @Test func endpointMustBeAnAbsoluteURL() {
        #expect(throws: SEP10SettingsError.invalidAuthEndpoint("/auth")) { try self.settings(endpoint: "/auth") }
    }

    @Test func tokensMustOutliveTheChallengePlusClockSkew() {
        // iat is the challenge's minTime: with a shorter token lifetime, a challenge signed late would
        // yield a token that is already expired.
        #expect(throws: SEP10SettingsError.tokenOutlivedByChallenge) { try self.settings(challenge: 900, token: 1200) }
        #expect(throws: Never.self) { try self.settings(challenge: 900, token: 1201) }
    }
}
