import Testing
@testable import StellarKit

@Suite struct XDRCodecTests {
    @Test func primitivesAreBigEndian() throws {
        var encoder = XDREncoder()
        encoder.encode(Int32(-2))
        encoder.encode(UInt32(0x0102_0304))
        encoder.encode(Int64(-1))
        encoder.encode(UInt64(0x0102_0304_0506_0708))
        encoder.encode(true)
        #expect(encoder.bytes == [
            0xff, 0xff, 0xff, 0xfe, 1, 2, 3, 4,
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 1,
        ])
        var decoder = XDRDecoder(bytes: encoder.bytes)
        #expect(try decoder.decodeInt32() == -2)
        #expect(try decoder.decodeUInt32() == 0x0102_0304)
        #expect(try decoder.decodeInt64() == -1)
        #expect(try decoder.decodeUInt64() == 0x0102_0304_0506_0708)
        #expect(try decoder.decodeBool())
        try decoder.finish()
    }

    @Test func opaqueIsPaddedWithZeros() throws {
        var encoder = XDREncoder()
        try encoder.encodeVariableOpaque([1, 2, 3, 4, 5], maxCount: 8)
        try encoder.encodeString("ab", maxCount: 4)
        #expect(encoder.bytes == [0, 0, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0, 0, 0, 0, 2, 0x61, 0x62, 0, 0])

        var decoder = XDRDecoder(bytes: encoder.bytes)
        #expect(try decoder.decodeVariableOpaque(maxCount: 8) == [1, 2, 3, 4, 5])
        #expect(try decoder.decodeString(maxCount: 4) == "ab")
        try decoder.finish()

        var dirty = XDRDecoder(bytes: [0, 0, 0, 1, 9, 0, 1, 0])
        #expect(throws: XDRError.nonZeroPadding) { try dirty.decodeVariableOpaque(maxCount: 4) }
    }

    @Test func lengthsAreCheckedBeforeAnythingIsAllocated() {
        // A 4 GiB length claim on an 8-byte input must fail on the maximum, not on allocation.
        var huge = XDRDecoder(bytes: [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0])
        #expect(throws: XDRError.lengthExceedsMaximum(field: "opaque", length: 0xffff_ffff, maximum: 64)) {
            try huge.decodeVariableOpaque(maxCount: 64)
        }
        var short = XDRDecoder(bytes: [0, 0, 0, 60, 1, 2, 3, 4])
        #expect(throws: XDRError.unexpectedEnd(needed: 60, remaining: 4)) { try short.decodeVariableOpaque(maxCount: 64) }
        var array = XDRDecoder(bytes: [0, 0, 0, 100, 0, 0, 0, 0])
        #expect(throws: XDRError.unexpectedEnd(needed: 400, remaining: 4)) {
            try array.decodeArray(TransactionOperation.self, maxCount: 100)
        }
        var tooMany = XDRDecoder(bytes: [0, 0, 0, 101])
        #expect(throws: XDRError.lengthExceedsMaximum(field: "operations", length: 101, maximum: 100)) {
            try tooMany.decodeArray(TransactionOperation.self, maxCount: 100, field: "operations")
        }
    }

    @Test func booleansAndDiscriminantsAreStrict() {
        var flag = XDRDecoder(bytes: [0, 0, 0, 2])
        #expect(throws: XDRError.invalidBool(2)) { try flag.decodeOptional(UInt32.self) }
        #expect(throws: XDRError.invalidDiscriminant(type: "MemoType", value: 5)) { try Memo(xdr: [0, 0, 0, 5]) }
        #expect(throws: XDRError.invalidDiscriminant(type: "EnvelopeType", value: 1)) { try TransactionEnvelope(xdr: [0, 0, 0, 1]) }
        #expect(throws: XDRError.unexpectedEnd(needed: 4, remaining: 0)) { try TransactionEnvelope(xdr: []) }
    }

    @Test func trailingBytesAreRejected() {
        #expect(throws: XDRError.trailingBytes(4)) { try Memo(xdr: [0, 0, 0, 0, 0, 0, 0, 0]) }
    }

    @Test func memoLimits() throws {
        #expect(try Memo(xdr: Memo.text("28 bytes of memo text, yes!!").xdrBytes()) == .text("28 bytes of memo text, yes!!"))
        #expect(throws: XDRError.lengthExceedsMaximum(field: "memo.text", length: 29, maximum: 28)) {
            try Memo.text("29 bytes of memo text, yes!!!").xdrBytes()
        }
        #expect(throws: XDRError.invalidFixedLength(field: "memo.hash", expected: 32, actual: 31)) {
            try Memo.hash([UInt8](repeating: 1, count: 31)).xdrBytes()
        }
        // Text that is not UTF-8 would not survive a round trip through String, so it is refused.
        #expect(throws: XDRError.invalidUTF8(field: "memo.text")) { try Memo(xdr: [0, 0, 0, 1, 0, 0, 0, 1, 0xff, 0, 0, 0]) }
    }

    @Test func assetCodes() throws {
        let issuer = KeyPair.random().publicKey
        #expect(try Asset(code: "USD", issuer: issuer) == .creditAlphanum4(code: "USD", issuer: issuer))
        #expect(try Asset(code: "USDCX", issuer: issuer) == .creditAlphanum12(code: "USDCX", issuer: issuer))
        #expect(throws: XDRError.invalidAssetCode) { try Asset(code: "", issuer: issuer) }
        #expect(throws: XDRError.invalidAssetCode) { try Asset(code: "THIRTEENCHARS", issuer: issuer) }
        #expect(throws: XDRError.invalidAssetCode) { try Asset(code: "US D", issuer: issuer) }
        #expect(throws: XDRError.invalidAssetCode) { try Asset.creditAlphanum12(code: "USD", issuer: issuer).xdrBytes() }
        for asset in [Asset.native, try Asset(code: "A", issuer: issuer), try Asset(code: "ABCDEFGHIJKL", issuer: issuer)] {
            #expect(try Asset(xdr: asset.xdrBytes()) == asset)
        }
        // A zero byte inside the code, or a 12-character code too short for its kind, is not canonical.
        let key = issuer.rawBytes
        #expect(throws: XDRError.invalidAssetCode) { try Asset(xdr: [0, 0, 0, 1, 0x41, 0, 0x42, 0, 0, 0, 0, 0] + key) }
        let shortTwelve = [0, 0, 0, 2] + Array("ABC".utf8) + [UInt8](repeating: 0, count: 9) + [0, 0, 0, 0] + key
        #expect(throws: XDRError.invalidAssetCode) { try Asset(xdr: shortTwelve) }
    }

    @Test func claimPredicateDepthIsBounded() throws {
        var predicate = ClaimPredicate.unconditional
        for _ in 0..<10 { predicate = .not(predicate) }
        #expect(try ClaimPredicate(xdr: predicate.xdrBytes()) == predicate)

        // 10,000 nested NOTs: the decoder must stop at its depth limit, not overflow the stack.
        var hostile: [UInt8] = []
        for _ in 0..<10_000 { hostile += [0, 0, 0, 3, 0, 0, 0, 1] }
        hostile += [0, 0, 0, 0]
        #expect(throws: XDRError.depthLimitExceeded(XDRDecoder.defaultMaxDepth)) { try ClaimPredicate(xdr: hostile) }
        #expect(throws: XDRError.depthLimitExceeded(4)) { try ClaimPredicate(xdr: predicate.xdrBytes(), maxDepth: 4) }
    }

    @Test func unsupportedOperationsThrow() throws {
        let source = KeyPair.random().publicKey
        var encoder = XDREncoder()
        try encoder.encode(MuxedAccount(ed25519: source))
        encoder.encode(UInt32(100))
        encoder.encode(Int64(1))
        try encoder.encode(Preconditions.none)
        try encoder.encode(Memo.none)
        encoder.encode(UInt32(1))
        encoder.encode(false)
        encoder.encode(Int32(11))  // BUMP_SEQUENCE
        encoder.encode(Int64(5))
        encoder.encode(Int32(0))
        #expect(throws: XDRError.unsupportedOperation(11)) { try Transaction(xdr: encoder.bytes) }

        var unknown = XDRDecoder(bytes: [0, 0, 0, 0, 0, 0, 0, 99])
        #expect(throws: XDRError.invalidDiscriminant(type: "OperationType", value: 99)) { try unknown.decode(TransactionOperation.self) }
    }

    @Test func sorobanExtensionIsRefusedCleanly() throws {
        let transaction = Transaction(
            sourceAccount: MuxedAccount(ed25519: KeyPair.random().publicKey), fee: 100, sequenceNumber: 1,
            operations: [.manageData(name: "a", value: nil)]
        )
        var bytes = try transaction.xdrBytes()
        bytes[bytes.count - 1] = 1
        #expect(throws: XDRError.unsupportedExtension(type: "Transaction.ext", value: 1)) { try Transaction(xdr: bytes) }
    }

    @Test func base64() throws {
        let memo = Memo.id(42)
        #expect(try memo.xdrBase64 == "AAAAAgAAAAAAAAAq")
        #expect(try Memo(xdrBase64: "AAAAAgAAAAAAAAAq") == memo)
        #expect(throws: XDRError.invalidBase64) { try Memo(xdrBase64: "AAAAAgAAAAAAAAAq=") }
        #expect(throws: XDRError.invalidBase64) { try Memo(xdrBase64: "AAAA AgAAAAAAAAAq") }
        #expect(throws: XDRError.invalidBase64) { try Memo(xdrBase64: "AAAAAgAAAAAAAAA_") }
        #expect(throws: XDRError.unexpectedEnd(needed: 4, remaining: 0)) { try Memo(xdrBase64: "") }
    }

    @Test func claimableBalanceIDHex() throws {
        let hash = StellarHash.sha256([1, 2, 3])
        let id = try ClaimableBalanceID(hash: hash)
        #expect(try ClaimableBalanceID(hex: id.hex) == id)
        #expect(try ClaimableBalanceID(hex: id.hex.uppercased()) == id)
        #expect(throws: XDRError.invalidValue(field: "claimableBalanceID")) { try ClaimableBalanceID(hex: "zz") }
        #expect(throws: XDRError.invalidDiscriminant(type: "ClaimableBalanceIDType", value: 1)) {
            try ClaimableBalanceID(hex: "00000001" + String(id.hex.dropFirst(8)))
        }
    }

    /// Every bounded field refuses to encode past its bound, so nothing we build is rejected by the network's decoder.
    @Test func encodingEnforcesSchemaBounds() throws {
        let key = KeyPair.random().publicKey
        let account = MuxedAccount(ed25519: key)
        let path = PathPaymentStrictSendOp(
            sendAsset: .native, sendAmount: 1, destination: account, destAsset: .native, destMin: 1,
            path: [Asset](repeating: .native, count: 6)
        )
        #expect(throws: XDRError.lengthExceedsMaximum(field: "path", length: 6, maximum: 5)) { try path.xdrBytes() }
        let claimants = CreateClaimableBalanceOp(asset: .native, amount: 1, claimants: [Claimant](repeating: Claimant(destination: key), count: 11))
        #expect(throws: XDRError.lengthExceedsMaximum(field: "claimants", length: 11, maximum: 10)) { try claimants.xdrBytes() }
        let domain = SetOptionsOp(homeDomain: String(repeating: "d", count: 33))
        #expect(throws: XDRError.lengthExceedsMaximum(field: "homeDomain", length: 33, maximum: 32)) { try domain.xdrBytes() }
        let name = ManageDataOp(name: String(repeating: "n", count: 65), value: nil)
        #expect(throws: XDRError.lengthExceedsMaximum(field: "manageData.name", length: 65, maximum: 64)) { try name.xdrBytes() }
        let signers = PreconditionsV2(extraSigners: [SignerKey](repeating: .ed25519(key), count: 3))
        #expect(throws: XDRError.lengthExceedsMaximum(field: "extraSigners", length: 3, maximum: 2)) { try signers.xdrBytes() }
        let predicate = ClaimPredicate.and([.unconditional, .unconditional, .unconditional])
        #expect(throws: XDRError.lengthExceedsMaximum(field: "claimPredicate.and", length: 3, maximum: 2)) { try predicate.xdrBytes() }
        #expect(throws: XDRError.invalidFixedLength(field: "signerKey.hashX", expected: 32, actual: 3)) {
            try SignerKey.hashX([1, 2, 3]).xdrBytes()
        }
        #expect(throws: XDRError.invalidFixedLength(field: "signature.hint", expected: 4, actual: 3)) {
            try DecoratedSignature(hint: [1, 2, 3], signature: [])
        }
        let payload = SignedPayload(ed25519: key, payload: [UInt8](repeating: 1, count: 65))
        #expect(throws: XDRError.lengthExceedsMaximum(field: "signedPayload.payload", length: 65, maximum: 64)) { try payload.xdrBytes() }
    }

    @Test func muxedAccountsAndSignerKeysRoundTrip() throws {
        let key = KeyPair.random().publicKey
        for account in [MuxedAccount(ed25519: key), MuxedAccount(ed25519: key, id: 0), MuxedAccount(ed25519: key, id: .max)] {
            #expect(try MuxedAccount(xdr: account.xdrBytes()) == account)
            #expect(try MuxedAccount(strKey: account.strKey) == account)
        }
        let signers: [SignerKey] = [
            .ed25519(key), .preAuthTx(StellarHash.sha256([1])), .hashX(StellarHash.sha256([2])),
            .ed25519SignedPayload(SignedPayload(ed25519: key, payload: [9, 8, 7])),
        ]
        for signer in signers {
            #expect(try SignerKey(xdr: signer.xdrBytes()) == signer)
            #expect(try SignerKey(strKey: signer.strKey()) == signer)
        }
        #expect(throws: StrKeyError.unexpectedVersion(expected: .accountId, actual: .seed)) {
            try SignerKey(strKey: KeyPair.random().secretSeed)
        }
    }
}
