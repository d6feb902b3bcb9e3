@testable import CapstanHTTP
import Foundation
import JWTKit
import Testing

/// `SessionTokenJSONEncoder` must write exactly what `JSONEncoder.sorted` writes, or tokens would change with it.
@Suite struct SessionTokenJSONTests {
    static let strings = [
        "plain", "https://a.example/auth", "quote\" back\\slash", "line\nfeed\rtab\t", "bell\u{07} bs\u{08} ff\u{0C} us\u{1F}",
        "ünïcødé ✓ 🚀", "",
    ]

    @Test(arguments: strings) func claimsMatchFoundation(_ text: String) throws {
        let full = SEP10Claims(
            issuer: text, subject: "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7:7\(text)", issuedAt: -5,
            expiresAt: Int64.max, tokenID: text, clientDomain: text, homeDomain: "home\(text)"
        )
        let bare = SEP10Claims(issuer: text, subject: text, issuedAt: 1_750_000_000, expiresAt: 1_750_086_400, tokenID: "ab")
        for claims in [full, bare] {
            let ours = try SessionTokenJSONEncoder().encode(claims)
            #expect(String(decoding: ours, as: UTF8.self) == String(decoding: try JSONEncoder.sorted.encode(claims), as: UTF8.self))
        }
    }

    @Test func hmacHeaderMatchesFoundationAndOtherHeadersFallBack() throws {
        let header: JWTHeader = ["alg": .string("HS256"), "typ": .string("JWT")]
        #expect(SessionTokenJSONEncoder.text(header) == #"{"alg":"HS256","typ":"JWT"}"#)
        #expect(try SessionTokenJSONEncoder().encode(header) == (try JSONEncoder.sorted.encode(header)))
        let withKey: JWTHeader = ["alg": .string("HS256"), "typ": .string("JWT"), "kid": .string("k1")]
        #expect(SessionTokenJSONEncoder.text(withKey) == nil)
        #expect(try SessionTokenJSONEncoder().encode(withKey) == (try JSONEncoder.sorted.encode(withKey)))
    }

    @Test func tokensAreTheOnesFoundationWouldHaveMade() async throws {
        let claims = SEP10Claims(
            issuer: "https://a.example/auth", subject: "MAAAAAAAAAAAAAB7BQ2L7E5NBWMXDUCMZSIPOBKRDSBYVLMXGSSKF6YNPIB7Y77ITLVL6",
            issuedAt: 1_750_000_000, expiresAt: 1_750_086_400, tokenID: "0a1b", clientDomain: "wallet.example", homeDomain: "a.example"
        )
        let secret = String(repeating: "s", count: 32)
        let foundation = JWTKeyCollection()
        await foundation.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, serializer: DefaultJWTSerializer(jsonEncoder: JSONEncoder.sorted))
        let ours = await SessionTokens(secret: secret)
        #expect(try await ours.sign(claims) == (try await foundation.sign(claims)))
    }
}
