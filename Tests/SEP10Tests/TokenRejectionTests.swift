import CapstanHTTP
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import StellarKit
import Testing

@testable import SEP10

/// One negative test per verification rule, in checklist order. SEP-10 "Token": "If any of the listed
/// steps fail, then the authentication request must be rejected — that is, treated by the application
/// as an invalid input", so every case is a 400 with its own `error` text.
@Suite struct TokenRejectionTests {
    let fixture: SEP10Fixture
    let client = KeyPair.random()
    var account: MuxedAccount { MuxedAccount(ed25519: self.client.publicKey) }

    init() throws {
        self.fixture = try SEP10Fixture()
    }

    /// The template with `change` applied, signed by the server and the client.
    private func challenge(_ change: (inout Transaction) -> Void = { _ in }) throws -> TransactionEnvelope {
        var transaction = self.fixture.template(client: self.account)
        change(&transaction)
        return try self.fixture.sign(transaction, by: [self.client])
    }

    private func expect(_ envelope: TransactionEnvelope, _ rejection: ChallengeRejection, fixture: SEP10Fixture? = nil) async throws {
        try await (fixture ?? self.fixture).withClient { http in try await http.expectRejection(envelope, rejection) }
    }

    // MARK: the body

    @Test func missingTransactionKey() async throws {
        try await self.fixture.withClient { http in
            let (status, json) = try await http.postJSON("{}")
            #expect(status == .badRequest)
            #expect(json["error"] as? String == ChallengeRejection.missingTransaction.message)
        }
    }

    @Test(arguments: [#"{"transaction": {"not a transaction string": true}}"#, #"{"transaction": 12}"#, #"{"transaction": ["x"]}"#])
    func transactionThatIsNotAStringIs400Not500(body: String) async throws {
        try await self.fixture.withClient { http in
            let (status, json) = try await http.postJSON(body)
            #expect(status == .badRequest)
            #expect(json["error"] as? String == ChallengeRejection.transactionNotString.message)
        }
    }

    @Test(arguments: ["[1]", "not json", #"{"transaction": "#])
    func bodyThatIsNotAJSONObject(body: String) async throws {
        try await self.fixture.withClient { http in
            let (status, json) = try await http.postJSON(body)
            #expect(status == .badRequest)
            #expect(json["error"] as? String == ChallengeRejection.malformedBody.message)
        }
    }

    @Test func oversizeBodyIsRefusedBeforeDecoding() async throws {
        try await self.fixture.withClient { http in
            let body = #"{"transaction": ""# + String(repeating: "A", count: 70_000) + #""}"#
            let (status, json) = try await http.postJSON(body)
            #expect(status == .badRequest)
            #expect(json["error"] as? String == ChallengeRejection.bodyTooLarge(limit: 65_536).message)
        }
    }

    @Test func transactionLongerThan50000Characters() async throws {
        try await self.fixture.withClient { http in
            let (status, json) = try await http.postJSON(#"{"transaction": ""# + String(repeating: "A", count: 50_004) + #""}"#)
            #expect(status == .badRequest)
            #expect(json["error"] as? String == ChallengeRejection.transactionTooLong(limit: 50_000).message)
        }
    }

    @Test func unsupportedContentType() async throws {
        try await self.fixture.withClient { http in
            try await http.execute(uri: "/auth", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(ChallengeRejection.unsupportedBody.message))
            }
        }
    }

    @Test(arguments: ["not base64!", "AAAA", "AAAAAgAAAAA="])
    func transactionThatIsNotAnEnvelope(xdr: String) async throws {
        try await self.fixture.withClient { http in
            let (status, json) = try await http.postJSON(#"{"transaction": "\#(xdr)"}"#)
            #expect(status == .badRequest)
            #expect(json["error"] as? String == ChallengeRejection.notAnEnvelope.message)
        }
    }

    // MARK: the transaction

    @Test func feeBumpEnvelope() async throws {
        guard case .v1(let inner) = try self.challenge() else { Issue.record("template must be v1"); return }
        let bump = try TransactionBuilder.feeBump(inner, feeSource: self.account, baseFee: 200).signed(with: self.client, network: .testnet)
        try await self.expect(bump, .feeBump)
    }

    @Test func sourceAccountIsNotTheServer() async throws {
        try await self.expect(try self.challenge { $0.sourceAccount = self.account }, .wrongSourceAccount)
    }

    @Test func sourceAccountIsAMuxedSpellingOfTheServer() async throws {
        try await self.expect(try self.challenge { $0.sourceAccount.id = 1 }, .wrongSourceAccount)
    }

    @Test func sequenceNumberIsNotZero() async throws {
        try await self.expect(try self.challenge { $0.sequenceNumber = 1 }, .nonZeroSequence)
    }

    @Test(arguments: [Memo.text("hi"), .hash([UInt8](repeating: 1, count: 32)), .returnHash([UInt8](repeating: 2, count: 32))])
    func memoThatIsNotAnID(memo: Memo) async throws {
        try await self.expect(try self.challenge { $0.memo = memo }, .memoNotID)
    }

    @Test func memoWithAMuxedClient() async throws {
        try await self.expect(try self.challenge {
            $0.memo = .id(5)
            $0.operations[0].sourceAccount = MuxedAccount(ed25519: self.client.publicKey, id: 5)
        }, .memoWithMuxedAccount)
    }

    @Test func noTimeBounds() async throws {
        try await self.expect(try self.challenge { $0.preconditions = .none }, .noTimeBounds)
    }

    @Test func infiniteTimeBounds() async throws {
        try await self.expect(try self.challenge { $0.preconditions = .time(TimeBounds(minTime: UInt64(SEP10Fixture.now), maxTime: 0)) }, .infiniteTimeBounds)
    }

    @Test func expiredChallenge() async throws {
        var late = self.fixture
        late.clock = .fixed(SEP10Fixture.now + 901)
        try await self.expect(try self.challenge(), .expired, fixture: late)
    }

    @Test func lastSecondOfTheChallengeIsStillValid() async throws {
        var late = self.fixture
        late.clock = .fixed(SEP10Fixture.now + 900)
        let envelope = try self.challenge()
        try await late.withClient { http in
            let (status, _) = try await http.postToken(envelope)
            #expect(status == .ok)
        }
    }

    @Test func notYetValidBeyondTheGracePeriod() async throws {
        // py-stellar-base and java-stellar-sdk allow 300 s of clock skew on the minTime side, and so do we.
        let start = UInt64(SEP10Fixture.now)
        try await self.expect(try self.challenge { $0.preconditions = .time(TimeBounds(minTime: start + 301, maxTime: start + 1200)) }, .notYetValid)
        let withinGrace = try self.challenge { $0.preconditions = .time(TimeBounds(minTime: start + 300, maxTime: start + 1200)) }
        try await self.fixture.withClient { http in
            let (status, _) = try await http.postToken(withinGrace)
            #expect(status == .ok)
        }
    }

    // MARK: the operations

    @Test func noOperations() async throws {
        try await self.expect(try self.challenge { $0.operations = [] }, .noOperations)
    }

    @Test func firstOperationIsNotManageData() async throws {
        try await self.expect(try self.challenge {
            $0.operations[0] = .payment(destination: self.account, asset: .native, amount: 1, source: self.account)
        }, .firstOperationNotManageData)
    }

    @Test func firstOperationHasNoSource() async throws {
        try await self.expect(try self.challenge { $0.operations[0].sourceAccount = nil }, .firstOperationWithoutSource)
    }

    @Test func firstOperationNamesAnotherHomeDomain() async throws {
        try await self.expect(try self.challenge {
            $0.operations[0] = self.fixture.template(client: self.account, homeDomain: "evil.example").operations[0]
        }, .wrongHomeDomain)
    }

    @Test func nonceThatIsNot64Bytes() async throws {
        try await self.expect(try self.challenge {
            $0.operations[0] = .manageData(name: "anchor.example auth", value: Array(repeating: UInt8(ascii: "A"), count: 63), source: self.account)
        }, .nonceNot64Bytes)
        try await self.expect(try self.challenge {
            $0.operations[0] = .manageData(name: "anchor.example auth", value: nil, source: self.account)
        }, .nonceNot64Bytes)
    }

    @Test func nonceThatIsNotBase64Of48Bytes() async throws {
        try await self.expect(try self.challenge {
            $0.operations[0] = .manageData(name: "anchor.example auth", value: Array(repeating: UInt8(ascii: "!"), count: 64), source: self.account)
        }, .nonceNotBase64Of48Bytes)
    }

    @Test func laterOperationIsNotManageData() async throws {
        try await self.expect(try self.challenge {
            $0.operations.append(.payment(destination: self.account, asset: .native, amount: 1, source: MuxedAccount(ed25519: self.fixture.server.publicKey)))
        }, .operationNotManageData(index: 2))
    }

    @Test func laterOperationHasNoSource() async throws {
        try await self.expect(try self.challenge { $0.operations[1].sourceAccount = nil }, .operationWithoutSource(index: 1))
    }

    @Test func laterOperationFromAForeignSource() async throws {
        try await self.expect(try self.challenge {
            $0.operations.append(.manageData(name: "reserved", value: nil, source: self.account))
        }, .operationFromForeignSource(index: 2))
    }

    @Test func webAuthDomainThatIsNotOurs() async throws {
        try await self.expect(try self.challenge {
            $0.operations[1] = .manageData(name: "web_auth_domain", value: Array("evil.example".utf8), source: MuxedAccount(ed25519: self.fixture.server.publicKey))
        }, .wrongWebAuthDomain)
        try await self.expect(try self.challenge {
            $0.operations[1] = .manageData(name: "web_auth_domain", value: nil, source: MuxedAccount(ed25519: self.fixture.server.publicKey))
        }, .wrongWebAuthDomain)
    }

    @Test func twoClientDomainOperations() async throws {
        let wallet = KeyPair.random()
        var transaction = self.fixture.template(client: self.account)
        for _ in 0..<2 {
            transaction.operations.append(.manageData(name: "client_domain", value: Array("wallet.example".utf8), source: MuxedAccount(ed25519: wallet.publicKey)))
        }
        try await self.expect(try self.fixture.sign(transaction, by: [self.client, wallet]), .repeatedClientDomain)
    }

    // MARK: the signatures

    @Test func notSignedByTheServer() async throws {
        try await self.expect(try self.fixture.sign(self.fixture.template(client: self.account), by: [self.client], server: false), .missingServerSignature)
    }

    @Test func serverSignatureThatDoesNotVerify() async throws {
        var envelope = try self.challenge()
        var signatures = envelope.signatures
        signatures[0].signature[0] ^= 0xff
        envelope.signatures = signatures
        try await self.expect(envelope, .missingServerSignature)
    }

    /// An issued challenge is recognised by the signature recorded when it was issued (`IssuedChallenges`): a
    /// changed byte of that signature is still no server signature, and the unchanged one still signs in.
    @Test func issuedChallengeWithItsServerSignatureChanged() async throws {
        try await self.fixture.withClient { http in
            let issued = try #require(try await http.getChallenge("account=\(self.client.accountId)").envelope)
            let hash = try issued.hash(network: self.fixture.settings.network)
            var tampered = issued
            var signatures = tampered.signatures
            signatures[0].signature[63] ^= 0x01
            tampered.signatures = signatures + [self.client.signDecorated(hash)]
            try await http.expectRejection(tampered, .missingServerSignature)
            var signed = issued
            signed.signatures = issued.signatures + [self.client.signDecorated(hash)]
            #expect(try await http.postToken(signed).status == .ok)
        }
    }

    @Test func signedByTheWrongNetworkPassphrase() async throws {
        var envelope = TransactionEnvelope(self.fixture.template(client: self.account))
        try envelope.sign(with: self.fixture.server, network: .publicNetwork)
        try envelope.sign(with: self.client, network: .publicNetwork)
        try await self.expect(envelope, .missingServerSignature)
    }

    @Test func notSignedByTheClient() async throws {
        var funded = self.fixture
        funded.ledger.accounts[self.client.accountId] = FakeLedger.funded(self.client)
        try await self.expect(try self.fixture.sign(self.fixture.template(client: self.account), by: []), .notSignedByClient, fixture: funded)
    }

    @Test func extraSignatureFromAKeyThatIsNotASigner() async throws {
        var funded = self.fixture
        funded.ledger.accounts[self.client.accountId] = FakeLedger.funded(self.client)
        try await self.expect(try self.fixture.sign(self.fixture.template(client: self.account), by: [self.client, .random()]), .unrecognizedSignature, fixture: funded)
    }

    @Test func duplicateSignatureBySameSignerDoesNotCountTwice() async throws {
        // anchor-tests "fails for challenges signed more than once by the same signer": thresholds 2, the
        // signer weighs 1 and signs twice.
        var funded = self.fixture
        let signer = KeyPair.random()
        funded.ledger.accounts[self.client.accountId] = FakeLedger.funded(self.client, weight: 1, threshold: 2, extraSigners: [(signer, 1)])
        try await self.expect(try self.fixture.sign(self.fixture.template(client: self.account), by: [signer, signer]), .duplicateSignature, fixture: funded)
    }

    @Test func thresholdNotMet() async throws {
        var funded = self.fixture
        funded.ledger.accounts[self.client.accountId] = FakeLedger.funded(self.client, weight: 1, threshold: 2)
        try await self.expect(try self.challenge(), .thresholdNotMet(weight: 1, threshold: 2), fixture: funded)
    }

    @Test func serverKeyAsASignerOfTheAccountDoesNotHelp() async throws {
        // SEP-10 "Verification": "the server's signature should be explicitly excluded".
        var funded = self.fixture
        funded.ledger.accounts[self.client.accountId] = FakeLedger.funded(self.client, weight: 1, threshold: 2, extraSigners: [(self.fixture.server, 5)])
        try await self.expect(try self.challenge(), .thresholdNotMet(weight: 1, threshold: 2), fixture: funded)
    }

    @Test func disabledMasterKeyProvesNothing() async throws {
        var funded = self.fixture
        funded.ledger.accounts[self.client.accountId] = FakeLedger.funded(self.client, weight: 0, threshold: 0)
        try await self.expect(try self.challenge(), .unrecognizedSignature, fixture: funded)
    }

    @Test func clientDomainSignatureMissing() async throws {
        let wallet = KeyPair.random()
        var funded = self.fixture
        funded.ledger.accounts[self.client.accountId] = FakeLedger.funded(self.client)
        var transaction = self.fixture.template(client: self.account)
        transaction.operations.append(.manageData(name: "client_domain", value: Array("wallet.example".utf8), source: MuxedAccount(ed25519: wallet.publicKey)))
        try await self.expect(try self.fixture.sign(transaction, by: [self.client]), .missingClientDomainSignature, fixture: funded)
    }

    @Test func unfundedAccountSignedByAnExtraKey() async throws {
        // v3.4.1 "Verifying Accounts that Do Not Exist": exactly the server's and the master key's signatures.
        try await self.expect(
            try self.fixture.sign(self.fixture.template(client: self.account), by: [self.client, .random()]),
            .wrongSignatureCountForMissingAccount(expected: 2, actual: 3)
        )
    }

    @Test func unfundedAccountSignedByAnotherKeyInsteadOfItsMaster() async throws {
        try await self.expect(try self.fixture.sign(self.fixture.template(client: self.account), by: [.random()]), .unrecognizedSignature)
    }

    @Test func unfundedAccountWithoutTheClientsSignature() async throws {
        try await self.expect(
            try self.fixture.sign(self.fixture.template(client: self.account), by: []),
            .wrongSignatureCountForMissingAccount(expected: 2, actual: 1)
        )
    }

    @Test func unfundedAccountWithClientDomainNeedsExactlyThreeSignatures() async throws {
        let wallet = KeyPair.random()
        var transaction = self.fixture.template(client: self.account)
        transaction.operations.append(.manageData(name: "client_domain", value: Array("wallet.example".utf8), source: MuxedAccount(ed25519: wallet.publicKey)))
        try await self.expect(try self.fixture.sign(transaction, by: [self.client]), .wrongSignatureCountForMissingAccount(expected: 3, actual: 2))
        try await self.expect(try self.fixture.sign(transaction, by: [self.client, self.client]), .duplicateSignature)
        let signed = try self.fixture.sign(transaction, by: [self.client, wallet])
        try await self.fixture.withClient { http in
            let (status, _) = try await http.postToken(signed)
            #expect(status == .ok)
        }
    }
}
