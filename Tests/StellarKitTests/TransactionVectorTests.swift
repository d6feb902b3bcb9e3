import Testing
@testable import StellarKit

/// The Python stellar-sdk's envelopes are the oracle: same bytes, same hash, same signatures.
@Suite struct TransactionVectorTests {
    static let vectors = VectorFile.shared.transactions

    @Test func coverage() {
        let kinds = Set(Self.vectors.map(\.kind))
        #expect(kinds == ["v0", "v1", "fee_bump"])
        let operations = Set(Self.vectors.flatMap { $0.operations.map(\.type) })
        #expect(operations == [
            "create_account", "payment", "path_payment_strict_receive", "path_payment_strict_send", "manage_data",
            "set_options", "change_trust", "create_claimable_balance", "claim_claimable_balance", "account_merge",
        ])
        #expect(Set(Self.vectors.map(\.memo.type)) == ["none", "text", "id", "hash", "return"])
        #expect(Set(Self.vectors.map(\.preconditions.type)) == ["none", "time", "v2"])
    }

    @Test(arguments: vectors)
    func builderMatchesSDK(_ vector: TransactionVector) throws {
        let envelope = try VectorBuilder.envelope(for: vector)
        #expect(try envelope.xdrBase64 == vector.envelope_xdr)
        #expect(try envelope.hashHex(network: Network(passphrase: vector.network)) == vector.hash)
    }

    @Test(arguments: vectors)
    func decodeAndReencode(_ vector: TransactionVector) throws {
        let envelope = try TransactionEnvelope(xdrBase64: vector.envelope_xdr)
        #expect(try envelope.xdrBase64 == vector.envelope_xdr)
        #expect(try envelope.hashHex(network: Network(passphrase: vector.network)) == vector.hash)
        #expect(envelope == (try VectorBuilder.envelope(for: vector)))
    }

    @Test(arguments: vectors)
    func signaturesVerify(_ vector: TransactionVector) throws {
        let network = Network(passphrase: vector.network)
        let envelope = try TransactionEnvelope(xdrBase64: vector.envelope_xdr)
        let seeds = vector.fee_bump?.signers ?? vector.signers
        #expect(envelope.signatures.count == seeds.count)
        for (signature, seed) in zip(envelope.signatures, seeds) {
            let key = try KeyPair(secretSeed: seed).publicKey
            #expect(envelope.signatureIsValid(signature, for: key, network: network))
            #expect(!envelope.signatureIsValid(signature, for: KeyPair.random().publicKey, network: network))
            #expect(!envelope.signatureIsValid(signature, for: key, network: Network.futurenet))
        }
        if case .feeBump(let bump) = envelope {
            let inner = TransactionEnvelope.v1(bump.tx.innerTransaction)
            for (signature, seed) in zip(inner.signatures, vector.signers) {
                #expect(inner.signatureIsValid(signature, for: try KeyPair(secretSeed: seed).publicKey, network: network))
            }
        }
    }

    /// A v0 envelope is hashed as the equivalent v1 transaction, so converting keeps its id and signatures.
    @Test func v0HashesAsV1() throws {
        for vector in Self.vectors where vector.kind == "v0" {
            let envelope = try TransactionEnvelope(xdrBase64: vector.envelope_xdr)
            guard case .v0(let v0) = envelope else {
                Issue.record("\(vector.name) is not a v0 envelope")
                continue
            }
            let v1 = TransactionEnvelope.v1(TransactionV1Envelope(tx: v0.tx.v1, signatures: v0.signatures))
            let network = Network(passphrase: vector.network)
            #expect(try v1.hashHex(network: network) == vector.hash)
            #expect(TransactionV0(v0.tx.v1) == v0.tx)
            #expect(envelope.transaction == v0.tx.v1)
        }
    }
}

@Suite struct TransactionBuilderTests {
    let source = KeyPair.random()

    @Test func feeIsBaseFeeTimesOperations() throws {
        let builder = TransactionBuilder(sourceAccount: MuxedAccount(ed25519: source.publicKey), sequenceNumber: 7, baseFee: 150)
            .adding(.manageData(name: "a", value: [1]))
            .adding(.manageData(name: "b", value: nil))
            .withMemo(.id(9))
            .withTimeBounds(minTime: 1, maxTime: 2)
        let transaction = try builder.build()
        #expect(transaction.fee == 300)
        #expect(transaction.sequenceNumber == 7)
        #expect(transaction.memo == .id(9))
        #expect(transaction.preconditions == .time(TimeBounds(minTime: 1, maxTime: 2)))
    }

    @Test func timeBoundsKeepOtherV2Conditions() throws {
        let conditions = PreconditionsV2(minSequenceAge: 60)
        let builder = TransactionBuilder(sourceAccount: MuxedAccount(ed25519: source.publicKey), sequenceNumber: 1)
            .withPreconditions(.v2(conditions))
            .withTimeBounds(minTime: 0, maxTime: 100)
        guard case .v2(let result) = builder.preconditions else {
            Issue.record("expected v2 preconditions")
            return
        }
        #expect(result.minSequenceAge == 60)
        #expect(result.timeBounds == TimeBounds(minTime: 0, maxTime: 100))
    }

    @Test func refusesWhatTheNetworkWould() {
        let account = MuxedAccount(ed25519: source.publicKey)
        let empty = TransactionBuilder(sourceAccount: account, sequenceNumber: 1)
        #expect(throws: TransactionBuilderError.noOperations) { try empty.build() }

        var tooMany = empty
        for _ in 0...100 { tooMany.add(.manageData(name: "x", value: nil)) }
        #expect(throws: TransactionBuilderError.tooManyOperations(101)) { try tooMany.build() }

        var expensive = TransactionBuilder(sourceAccount: account, sequenceNumber: 1, baseFee: .max)
        expensive.add(.manageData(name: "x", value: nil))
        expensive.add(.manageData(name: "y", value: nil))
        #expect(throws: TransactionBuilderError.feeOverflow) { try expensive.build() }

        let longMemo = empty.adding(.manageData(name: "x", value: nil)).withMemo(.text(String(repeating: "m", count: 29)))
        #expect(throws: TransactionBuilderError.invalid(.lengthExceedsMaximum(field: "memo.text", length: 29, maximum: 28))) {
            try longMemo.build()
        }
        let longValue = empty.adding(.manageData(name: "x", value: [UInt8](repeating: 0, count: 65)))
        #expect(throws: TransactionBuilderError.invalid(.lengthExceedsMaximum(field: "manageData.value", length: 65, maximum: 64))) {
            try longValue.build()
        }
    }

    @Test func feeBumpChargesOneMoreOperation() throws {
        let inner = try TransactionBuilder(sourceAccount: MuxedAccount(ed25519: source.publicKey), sequenceNumber: 1, baseFee: 200)
            .adding(.manageData(name: "x", value: nil))
            .build()
        let signed = try TransactionEnvelope(inner).signed(with: source, network: .testnet)
        guard case .v1(let v1) = signed else {
            Issue.record("expected a v1 envelope")
            return
        }
        let sponsor = KeyPair.random()
        let bump = try TransactionBuilder.feeBump(v1, feeSource: MuxedAccount(ed25519: sponsor.publicKey), baseFee: 300)
        guard case .feeBump(let envelope) = bump else {
            Issue.record("expected a fee bump")
            return
        }
        #expect(envelope.tx.fee == 600)
        #expect(bump.transaction == inner)
        #expect(throws: TransactionBuilderError.feeBumpBaseFeeTooLow(minimum: 200)) {
            try TransactionBuilder.feeBump(v1, feeSource: MuxedAccount(ed25519: sponsor.publicKey), baseFee: 150)
        }
    }

    @Test func signingIsBoundToTheNetwork() throws {
        var envelope = try TransactionBuilder(sourceAccount: MuxedAccount(ed25519: source.publicKey), sequenceNumber: 1)
            .adding(.payment(destination: MuxedAccount(ed25519: KeyPair.random().publicKey), asset: .native, amount: 1))
            .buildEnvelope()
        try envelope.sign(with: source, network: .standalone)
        let signature = try #require(envelope.signatures.first)
        #expect(signature.hint == source.signatureHint)
        #expect(envelope.signatureIsValid(signature, for: source.publicKey, network: .standalone))
        #expect(!envelope.signatureIsValid(signature, for: source.publicKey, network: .testnet))
        #expect(try envelope.hash(network: .standalone) != envelope.hash(network: .testnet))

        for _ in 1..<20 { try envelope.sign(with: source, network: .standalone) }
        #expect(throws: XDRError.lengthExceedsMaximum(field: "signatures", length: 21, maximum: 20)) {
            try envelope.sign(with: source, network: .standalone)
        }
    }
}
