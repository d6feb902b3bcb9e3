import CapstanHTTP
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import StellarHorizon
import StellarKit
import Testing

@testable import SEP10

/// `POST /auth`: the signed challenge as a wallet sends it, and the token with the claims SEP-10 "Token" lists.
@Suite struct TokenEndpointTests {
    /// GETs a challenge for `query`, signs it with `signers` and posts it as JSON.
    private func roundTrip(
        _ fixture: SEP10Fixture, query: String, signers: [KeyPair], http: any TestClientProtocol
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any], challenge: TransactionEnvelope) {
        var challenge = try #require(try await http.getChallenge(query).envelope)
        for signer in signers { try challenge.sign(with: signer, network: fixture.network) }
        let (status, json) = try await http.postToken(challenge)
        return (status, json, challenge)
    }

    @Test func unfundedGAccountGetsATokenWithTheSpecClaims() async throws {
        let fixture = try SEP10Fixture()
        let client = KeyPair.random()
        try await fixture.withClient { [fixture] http in
            let (status, json, challenge) = try await self.roundTrip(fixture, query: "account=\(client.accountId)", signers: [client], http: http)
            #expect(status == .ok)
            #expect(Set(json.keys) == ["token"])
            let claims = try jwtPayload(try #require(json["token"] as? String))
            #expect(claims["iss"] as? String == SEP10Fixture.endpoint)
            #expect(claims["sub"] as? String == client.accountId)
            // Deterministic per challenge: iat is the challenge's minTime, jti its hash.
            #expect(claims["iat"] as? Int == Int(SEP10Fixture.now))
            #expect(claims["exp"] as? Int == Int(SEP10Fixture.now) + 3600)
            #expect(claims["jti"] as? String == (try challenge.hashHex(network: .testnet)))
            #expect(claims["home_domain"] as? String == "anchor.example")
            #expect(claims["client_domain"] == nil)
        }
    }

    @Test func memoMakesTheSubjectAccountColonMemo() async throws {
        let fixture = try SEP10Fixture()
        let client = KeyPair.random()
        try await fixture.withClient { [fixture] http in
            let (status, json, _) = try await self.roundTrip(fixture, query: "account=\(client.accountId)&memo=1234", signers: [client], http: http)
            #expect(status == .ok)
            #expect(try jwtPayload(try #require(json["token"] as? String))["sub"] as? String == "\(client.accountId):1234")
        }
    }

    @Test func muxedAccountIsTheSubjectAndTheMasterKeyOfItsGAccountSigns() async throws {
        let fixture = try SEP10Fixture()
        let client = KeyPair.random()
        let muxed = MuxedAccount(ed25519: client.publicKey, id: 9_007_199_254_740_993)
        try await fixture.withClient { [fixture] http in
            let (status, json, _) = try await self.roundTrip(fixture, query: "account=\(muxed.strKey)", signers: [client], http: http)
            #expect(status == .ok)
            #expect(try jwtPayload(try #require(json["token"] as? String))["sub"] as? String == muxed.strKey)
        }
    }

    @Test func fundedAccountWithMasterKeyMeetingTheMediumThreshold() async throws {
        var fixture = try SEP10Fixture()
        let client = KeyPair.random()
        fixture.ledger.accounts[client.accountId] = FakeLedger.funded(client, weight: 1, threshold: 1)
        try await fixture.withClient { [fixture] http in
            let (status, _, _) = try await self.roundTrip(fixture, query: "account=\(client.accountId)", signers: [client], http: http)
            #expect(status == .ok)
        }
    }

    @Test func multisigAccountNeedsBothSignersForMediumThresholdTwo() async throws {
        var fixture = try SEP10Fixture()
        let client = KeyPair.random()
        let second = KeyPair.random()
        let third = KeyPair.random()
        // Master key disabled (weight 0): only the two extra signers count, each weighing 1, medium threshold 2.
        fixture.ledger.accounts[client.accountId] = FakeLedger.funded(client, weight: 0, threshold: 2, extraSigners: [(second, 1), (third, 1)])
        try await fixture.withClient { [fixture] http in
            let both = try await self.roundTrip(fixture, query: "account=\(client.accountId)", signers: [second, third], http: http)
            #expect(both.status == .ok)
            let claims = try jwtPayload(try #require(both.json["token"] as? String))
            #expect(claims["sub"] as? String == client.accountId)

            let one = try await self.roundTrip(fixture, query: "account=\(client.accountId)", signers: [second], http: http)
            #expect(one.status == .badRequest)
            #expect(one.json["error"] as? String == ChallengeRejection.thresholdNotMet(weight: 1, threshold: 2).message)
        }
    }

    @Test func aNonMasterSignerAloneSucceedsWhenItsWeightIsEnough() async throws {
        var fixture = try SEP10Fixture()
        let client = KeyPair.random()
        let signer = KeyPair.random()
        fixture.ledger.accounts[client.accountId] = FakeLedger.funded(client, weight: 1, threshold: 1, extraSigners: [(signer, 1)])
        try await fixture.withClient { [fixture] http in
            let (status, _, _) = try await self.roundTrip(fixture, query: "account=\(client.accountId)", signers: [signer], http: http)
            #expect(status == .ok)
        }
    }

    @Test func clientDomainIsProvedBySignatureAndBecomesAClaim() async throws {
        var fixture = try SEP10Fixture()
        let client = KeyPair.random()
        let wallet = KeyPair.random()
        fixture.clientDomains.keys["wallet.example:8000"] = wallet.publicKey
        try await fixture.withClient { [fixture] http in
            let (status, json, _) = try await self.roundTrip(
                fixture, query: "account=\(client.accountId)&client_domain=wallet.example:8000", signers: [client, wallet], http: http
            )
            #expect(status == .ok)
            let claims = try jwtPayload(try #require(json["token"] as? String))
            #expect(claims["client_domain"] as? String == "wallet.example:8000")
        }
    }

    @Test func clientDomainWithAFundedAccount() async throws {
        var fixture = try SEP10Fixture()
        let client = KeyPair.random()
        let wallet = KeyPair.random()
        fixture.clientDomains.keys["wallet.example"] = wallet.publicKey
        fixture.ledger.accounts[client.accountId] = FakeLedger.funded(client, weight: 1, threshold: 1)
        try await fixture.withClient { [fixture] http in
            let signed = try await self.roundTrip(fixture, query: "account=\(client.accountId)&client_domain=wallet.example", signers: [client, wallet], http: http)
            #expect(signed.status == .ok)
        }
    }

    @Test func theSameChallengeAlwaysYieldsTheSameToken() async throws {
        let fixture = try SEP10Fixture()
        let client = KeyPair.random()
        try await fixture.withClient { [fixture] http in
            let (_, first, challenge) = try await self.roundTrip(fixture, query: "account=\(client.accountId)", signers: [client], http: http)
            let (status, second) = try await http.postToken(challenge)
            #expect(status == .ok)
            #expect(first["token"] as? String == second["token"] as? String)
        }
    }

    @Test func formEncodingIsAcceptedLikeJSON() async throws {
        let fixture = try SEP10Fixture()
        let client = KeyPair.random()
        try await fixture.withClient { http in
            var challenge = try #require(try await http.getChallenge("account=\(client.accountId)").envelope)
            try challenge.sign(with: client, network: .testnet)
            let xdr = try challenge.xdrBase64
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let encoded = try #require(xdr.addingPercentEncoding(withAllowedCharacters: allowed))
            for body in ["transaction=\(encoded)", "other=1&transaction=\(encoded)", "transaction=\(xdr)"] {
                try await http.execute(
                    uri: "/auth", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .ok, "\(body.prefix(20))")
                }
            }
        }
    }

    @Test func aV0EnvelopeOfTheSameChallengeIsAccepted() async throws {
        let fixture = try SEP10Fixture()
        let client = KeyPair.random()
        let transaction = fixture.template(client: MuxedAccount(ed25519: client.publicKey))
        let v0 = try #require(TransactionV0(transaction))
        var envelope = TransactionEnvelope.v0(TransactionV0Envelope(tx: v0))
        try envelope.sign(with: fixture.server, network: .testnet)
        try envelope.sign(with: client, network: .testnet)
        try await fixture.withClient { [envelope] http in
            let (status, _) = try await http.postToken(envelope)
            #expect(status == .ok)
        }
    }

    @Test func ledgerOutageIs503AndNeverFallsBackToTheMasterKeyRule() async throws {
        var fixture = try SEP10Fixture()
        fixture.ledger.unavailable = true
        let client = KeyPair.random()
        try await fixture.withClient { [fixture] http in
            let (status, json, _) = try await self.roundTrip(fixture, query: "account=\(client.accountId)", signers: [client], http: http)
            #expect(status == .serviceUnavailable)
            #expect(json["error"] as? String == "the ledger is unavailable; try again later")
        }
    }
}
