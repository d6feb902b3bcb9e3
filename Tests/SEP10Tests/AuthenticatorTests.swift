import CapstanHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StellarKit
import Synchronization
import Testing

/// `SEP10Authenticator` and `AuthenticatedContext`: what later SEPs put in front of their routes.
@Suite struct AuthenticatorTests {
    static let now: Int64 = 1_750_000_000

    /// `/open` reports the claims if any; `/private` requires them and echoes the owner key.
    private func withApp(clock: UnixClock = .fixed(Self.now), _ body: @Sendable (any TestClientProtocol, SessionTokens) async throws -> Void) async throws {
        let routes = RouteTable()
        let tokens = await SessionTokens(secret: SEP10Fixture.secret, clock: clock)
        let router = Router(context: CapstanRequestContext.self)
        router.add(middleware: SEPMiddleware(routes: routes, maxBodyBytes: 1 << 20) { context, limit in context.maxBodyBytes = limit })
        let group = router.group().add(middleware: SEP10Authenticator<CapstanRequestContext>(tokens: tokens))
        group.get("open") { _, context in context.sep10?.owner ?? "anonymous" }
        group.group(context: AuthenticatedContext.self).get("private") { _, context in context.claims.owner }
        try await Application(router: router).test(.router) { client in try await body(client, tokens) }
    }

    private func claims(subject: String = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7:7", expiresAt: Int64 = now + 60) -> SEP10Claims {
        SEP10Claims(issuer: "https://a.example/auth", subject: subject, issuedAt: Self.now - 10, expiresAt: expiresAt, tokenID: "00")
    }

    @Test func validTokenFillsTheClaims() async throws {
        try await self.withApp { client, tokens in
            let token = try await tokens.sign(self.claims())
            try await client.execute(uri: "/private", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7:7")
            }
            try await client.execute(uri: "/open", method: .get, headers: [.authorization: "bearer \(token)"]) { response in
                #expect(String(buffer: response.body) == "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7:7")
            }
        }
    }

    @Test func missingTokenIs403AuthenticationRequiredOnlyWhereAuthIsRequired() async throws {
        try await self.withApp { client, _ in
            try await client.execute(uri: "/private", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: String]
                #expect(json == ["error": "authentication_required", "type": "authentication_required"])
            }
            try await client.execute(uri: "/open", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "anonymous")
            }
        }
    }

    @Test func expiredTokenIs403() async throws {
        try await self.withApp { client, tokens in
            // exp is the first instant at which the token is no longer accepted.
            let token = try await tokens.sign(self.claims(expiresAt: Self.now))
            try await client.execute(uri: "/open", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains(#""type":"authentication_required""#))
            }
        }
    }

    /// Verified tokens are remembered, but expiry is checked on every use: a token accepted a moment ago is refused
    /// once the clock reaches its `exp`, and a token one byte away from a remembered one is checked afresh.
    @Test func aRememberedTokenStillExpiresAndItsNeighboursAreStillChecked() async throws {
        let now = Mutex(Self.now)
        let tokens = await SessionTokens(secret: SEP10Fixture.secret, clock: UnixClock { now.withLock { $0 } })
        let token = try await tokens.sign(self.claims(expiresAt: Self.now + 60))
        #expect(try await tokens.verify(token) == self.claims(expiresAt: Self.now + 60))
        #expect(try await tokens.verify(token) == self.claims(expiresAt: Self.now + 60))
        var tampered = Array(token.utf8)
        tampered[tampered.count - 2] = tampered[tampered.count - 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        await #expect(throws: SessionTokenError.invalid) { try await tokens.verify(String(decoding: tampered, as: UTF8.self)) }
        now.withLock { $0 = Self.now + 60 }
        await #expect(throws: SessionTokenError.expired) { try await tokens.verify(token) }
    }

    @Test func tokenSignedWithAnotherSecretIs403() async throws {
        let other = await SessionTokens(secret: "another-secret-another-secret-another-secret", clock: .fixed(Self.now))
        let forged = try await other.sign(self.claims())
        try await self.withApp { client, _ in
            try await client.execute(uri: "/private", method: .get, headers: [.authorization: "Bearer \(forged)"]) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func tokenFromAnotherIssuerIsRefusedWhenTheIssuerIsPinned() async throws {
        let pinned = await SessionTokens(secret: SEP10Fixture.secret, issuer: "https://b.example/auth", clock: .fixed(Self.now))
        let token = try await pinned.sign(self.claims())
        await #expect(throws: SessionTokenError.invalid) { try await pinned.verify(token) }
        var ours = self.claims()
        ours.issuer = "https://b.example/auth"
        let accepted = try await pinned.verify(try await pinned.sign(ours))
        #expect(accepted == ours)
    }

    @Test(arguments: ["Basic dXNlcjpwYXNz", "Bearer", "Bearer not.a.jwt", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJHIn0."])
    func malformedCredentialsAre403(header: String) async throws {
        try await self.withApp { client, _ in
            try await client.execute(uri: "/open", method: .get, headers: [.authorization: header]) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func unsignedAlgNoneTokenIsRefused() async throws {
        try await self.withApp { client, tokens in
            let genuine = try await tokens.sign(self.claims())
            let parts = genuine.split(separator: ".")
            let none = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString()
                .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            for forged in ["\(none).\(parts[1]).", "\(none).\(parts[1]).\(parts[2])"] {
                try await client.execute(uri: "/private", method: .get, headers: [.authorization: "Bearer \(forged)"]) { response in
                    #expect(response.status == .forbidden)
                }
            }
        }
    }
}

/// `SEP10Claims`' view of `sub`: what later SEPs scope by and what they ask the ledger about.
@Suite struct SEP10ClaimsTests {
    @Test func plainAccount() throws {
        let key = KeyPair.random()
        let claims = SEP10Claims(issuer: "i", subject: key.accountId, issuedAt: 0, expiresAt: 1, tokenID: "")
        #expect(claims.owner == key.accountId)
        #expect(claims.account == key.accountId)
        #expect(claims.memo == nil)
        #expect(claims.muxedAccount == nil)
    }

    @Test func accountWithMemoKeepsTheMemoInTheOwnerKey() throws {
        let key = KeyPair.random()
        let claims = SEP10Claims(issuer: "i", subject: "\(key.accountId):18446744073709551615", issuedAt: 0, expiresAt: 1, tokenID: "")
        #expect(claims.owner == "\(key.accountId):18446744073709551615")
        #expect(claims.account == key.accountId)
        #expect(claims.memo == UInt64.max)
    }

    @Test(arguments: [0, 1, 255, (1 << 53) + 1, .max] as [UInt64])
    func muxedAccountResolvesToItsGAccount(id: UInt64) throws {
        let key = KeyPair.random()
        let muxed = MuxedAccount(ed25519: key.publicKey, id: id)
        let claims = SEP10Claims(issuer: "i", subject: muxed.strKey, issuedAt: 0, expiresAt: 1, tokenID: "")
        #expect(claims.owner == muxed.strKey)
        #expect(claims.account == key.accountId)
        #expect(claims.muxedAccount == muxed.strKey)
        #expect(SEP10Subject(muxed.strKey)?.muxedID == id)
        #expect(claims.memo == nil)
    }

    @Test(arguments: [
        "", "G", "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN8", "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7:",
        "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7:007", "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7:-1",
        "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7:1:2", "MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUR",
        "SBSE4ILAKMYW7XMM7BVH5NAUWE2SCAO3LSHPETQS2MQCRU4BFXAFLW3R",
    ])
    func malformedSubjectsDoNotParse(subject: String) {
        #expect(SEP10Subject(subject) == nil)
    }
}
