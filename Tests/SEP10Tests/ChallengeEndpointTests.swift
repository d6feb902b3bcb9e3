import CapstanHTTP
import Foundation
import HTTPTypes
import HummingbirdTesting
import StellarKit
import Testing

@testable import SEP10

/// `GET /auth`: the challenge as SEP-10 "Challenge" describes it, and every parameter rule.
@Suite struct ChallengeEndpointTests {
    @Test func challengeForAGAccountHasEveryRequiredPart() async throws {
        let fixture = try SEP10Fixture()
        let client = KeyPair.random()
        try await fixture.withClient { http in
            let (status, json, envelope) = try await http.getChallenge("account=\(client.accountId)")
            #expect(status == .ok)
            // anchor-tests: no keys other than `transaction` and `network_passphrase`.
            #expect(Set(json.keys) == ["transaction", "network_passphrase"])
            #expect(json["network_passphrase"] as? String == Network.testnet.passphrase)
            let challenge = try #require(envelope)
            guard case .v1 = challenge else { Issue.record("challenge must be a v1 envelope"); return }
            let tx = challenge.transaction
            #expect(tx.sourceAccount == MuxedAccount(ed25519: fixture.server.publicKey))
            #expect(tx.sequenceNumber == 0)
            #expect(tx.preconditions.timeBounds == TimeBounds(minTime: UInt64(SEP10Fixture.now), maxTime: UInt64(SEP10Fixture.now + 900)))
            #expect(tx.memo == .none)
            #expect(tx.operations.count == 2)
            let auth = try #require(tx.operations.first)
            #expect(auth.sourceAccount == MuxedAccount(ed25519: client.publicKey))
            guard case .manageData(let data) = auth.body else { Issue.record("op 0 must be ManageData"); return }
            #expect(data.name == "anchor.example auth")
            let nonce = try #require(data.value)
            #expect(nonce.count == 64)
            #expect(Data(base64Encoded: Data(nonce))?.count == 48)
            let webAuth = tx.operations[1]
            #expect(webAuth.sourceAccount == MuxedAccount(ed25519: fixture.server.publicKey))
            #expect(webAuth.body == .manageData(ManageDataOp(name: "web_auth_domain", value: Array("auth.anchor.example:8443".utf8))))
            #expect(challenge.signatures.count == 1)
            #expect(challenge.signatureIsValid(challenge.signatures[0], for: fixture.server.publicKey, network: .testnet))
        }
    }

    @Test func everyChallengeHasAFreshNonce() async throws {
        let fixture = try SEP10Fixture()
        let account = KeyPair.random().accountId
        try await fixture.withClient { http in
            let first = try #require(try await http.getChallenge("account=\(account)").envelope)
            let second = try #require(try await http.getChallenge("account=\(account)").envelope)
            #expect(first.transaction.operations[0] != second.transaction.operations[0])
        }
    }

    @Test func memoBecomesAnIDMemo() async throws {
        let fixture = try SEP10Fixture()
        try await fixture.withClient { http in
            let (status, _, envelope) = try await http.getChallenge("account=\(KeyPair.random().accountId)&memo=18446744073709551615")
            #expect(status == .ok)
            #expect(envelope?.transaction.memo == .id(UInt64.max))
        }
    }

    @Test func muxedAccountIsTheFirstOperationsSource() async throws {
        let fixture = try SEP10Fixture()
        let muxed = MuxedAccount(ed25519: KeyPair.random().publicKey, id: 7)
        try await fixture.withClient { http in
            let (status, _, envelope) = try await http.getChallenge("account=\(muxed.strKey)")
            #expect(status == .ok)
            #expect(envelope?.transaction.operations.first?.sourceAccount == muxed)
            #expect(envelope?.transaction.memo == Memo.none)
        }
    }

    @Test func homeDomainPicksOneOfTheConfiguredOnes() async throws {
        let fixture = try SEP10Fixture()
        try await fixture.withClient { http in
            let (status, _, envelope) = try await http.getChallenge("account=\(KeyPair.random().accountId)&home_domain=other.example")
            #expect(status == .ok)
            guard case .manageData(let data)? = envelope?.transaction.operations.first?.body else { Issue.record("no ManageData"); return }
            #expect(data.name == "other.example auth")
        }
    }

    @Test func clientDomainAddsAnOperationSourcedByItsSigningKey() async throws {
        var fixture = try SEP10Fixture()
        let walletKey = KeyPair.random()
        fixture.clientDomains.keys["wallet.example"] = walletKey.publicKey
        try await fixture.withClient { http in
            let (status, _, envelope) = try await http.getChallenge("account=\(KeyPair.random().accountId)&client_domain=wallet.example")
            #expect(status == .ok)
            let operations = try #require(envelope?.transaction.operations)
            #expect(operations.count == 3)
            #expect(operations[2].sourceAccount == MuxedAccount(ed25519: walletKey.publicKey))
            #expect(operations[2].body == .manageData(ManageDataOp(name: "client_domain", value: Array("wallet.example".utf8))))
        }
    }

    @Test(arguments: [
        ("", "account is required"),
        ("account=", "account is required"),
        ("account=invalid-account", "account must be a G… or M… address"),
        ("account=SB73NXCCJF5KECTI47ZMPO73N5L6X7J5WBXCAH5ZCFAE33LBE7N4R6TZ", "account must be a G… or M… address"),
        ("account=GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7&memo=text", "memo must be an id memo: a decimal unsigned 64-bit integer"),
        ("account=GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7&memo=-1", "memo must be an id memo: a decimal unsigned 64-bit integer"),
        ("account=GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7&memo=18446744073709551616", "memo must be an id memo: a decimal unsigned 64-bit integer"),
        ("account=MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUQ&memo=5", "memo is not permitted with a muxed (M…) account"),
        ("account=GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7&home_domain=evil.example", "home_domain is not one this server issues challenges for"),
        ("account=GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7&client_domain=https://wallet.example", "client_domain must be a host name with an optional port, at most 64 characters"),
        ("account=GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7&client_domain=wallet.example/x", "client_domain must be a host name with an optional port, at most 64 characters"),
        ("account=GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7&client_domain=unknown.example", "could not read SIGNING_KEY from the client_domain's stellar.toml"),
        ("account=GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7&account=GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7", "account is given more than once"),
    ])
    func badParametersAre400WithTheReason(query: String, error: String) async throws {
        let fixture = try SEP10Fixture()
        try await fixture.withClient { http in
            let (status, json, envelope) = try await http.getChallenge(query)
            #expect(status == .badRequest)
            #expect(json["error"] as? String == error)
            #expect(envelope == nil)
        }
    }

    @Test func errorsCarryCORSAndPreflightIsAnswered() async throws {
        let fixture = try SEP10Fixture()
        try await fixture.withClient { http in
            try await http.execute(uri: "/auth", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
            try await http.execute(uri: "/auth", method: .options, headers: [.accessControlRequestMethod: "POST"]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(response.headers[.accessControlAllowMethods] == "GET, POST, OPTIONS")
            }
            try await http.execute(uri: "/auth", method: .put) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, POST, OPTIONS")
            }
        }
    }

    @Test func responseJSONIsEscapedAndSorted() throws {
        let value = "quote \" backslash \\ newline \n bell \u{7}"
        let text = SEP10Routes.jsonText(["b": "plain+/=", "a": value])
        #expect(text == #"{"a":"quote \" backslash \\ newline \n bell \u0007","b":"plain+/="}"#)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(object == ["a": value, "b": "plain+/="])
    }
}
