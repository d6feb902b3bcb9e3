import Testing
@testable import StellarKit

/// SEP-23's own test cases (ecosystem/sep-0023.md, v1.3.0).
@Suite struct StrKeyTests {
    static let key: [UInt8] = [
        0x3f, 0x0c, 0x34, 0xbf, 0x93, 0xad, 0x0d, 0x99, 0x71, 0xd0, 0x4c, 0xcc, 0x90, 0xf7, 0x05, 0x51,
        0x1c, 0x83, 0x8a, 0xad, 0x97, 0x34, 0xa4, 0xa2, 0xfb, 0x0d, 0x7a, 0x03, 0xfc, 0x7f, 0xe8, 0x9a,
    ]
    static let account = "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ"

    @Test func validAccount() throws {
        let key = try PublicKey(strKey: Self.account)
        #expect(key.rawBytes == Self.key)
        #expect(key.strKey == Self.account)
        #expect(try key.xdrBytes() == [0, 0, 0, 0] + Self.key)
        let muxed = try MuxedAccount(strKey: Self.account)
        #expect(muxed.id == nil)
        #expect(try muxed.xdrBytes() == [0, 0, 0, 0] + Self.key)
    }

    @Test(arguments: [
        ("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUQ", UInt64(0),
         [0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00] as [UInt8]),
        ("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAJLK", UInt64(9_223_372_036_854_775_808),
         [0x00, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00] as [UInt8]),
    ])
    func validMuxedAccount(strKey: String, id: UInt64, xdrPrefix: [UInt8]) throws {
        let muxed = try MuxedAccount(strKey: strKey)
        #expect(muxed.id == id)
        #expect(muxed.ed25519.rawBytes == Self.key)
        #expect(muxed.accountId == Self.account)
        #expect(muxed.strKey == strKey)
        #expect(try muxed.xdrBytes() == xdrPrefix + Self.key)
        #expect(try MuxedAccount(xdr: xdrPrefix + Self.key) == muxed)
    }

    @Test(arguments: [
        ("PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAQACAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DUPB6IBZGM", 32),
        ("PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAOQCAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DUAAAAFGBU", 29),
    ])
    func validSignedPayload(strKey: String, length: Int) throws {
        let signed = try SignedPayload(strKey: strKey)
        #expect(signed.ed25519.strKey == Self.account)
        #expect(signed.payload == (1...length).map { UInt8($0) })
        #expect(try signed.strKey() == strKey)
        #expect(try SignerKey(strKey: strKey) == .ed25519SignedPayload(signed))
        #expect(try SignerKey(strKey: strKey).strKey() == strKey)
    }

    @Test func validContractPoolAndClaimableBalance() throws {
        let contract = "CA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUWDA"
        #expect(try StrKey.decode(contract, as: .contract) == Self.key)
        #expect(try StrKey.encode(Self.key, as: .contract) == contract)

        let pool = "LA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUPJN"
        #expect(try StrKey.decode(pool, as: .liquidityPool) == Self.key)
        #expect(try StrKey.encode(Self.key, as: .liquidityPool) == pool)

        let balance = "BAAD6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGR4TU"
        #expect(try StrKey.decode(balance, as: .claimableBalance) == [0] + Self.key)
        let id = try ClaimableBalanceID(strKey: balance)
        #expect(id.hash == Self.key)
        #expect(try id.strKey() == balance)
        #expect(id.hex == "00000000" + Self.key.hexString)
    }

    @Test(arguments: [
        "GAAAAAAAACGC6",
        "MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUR",
        "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZA",
        "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUACUSI",
        "G47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVP2I",
        "MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAJLKA",
        "MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAAV75I",
        "M47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUQ",
        "MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUK===",
        "MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUO",
        "PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAQACAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DUPB6IAAAAAAAAPM",
        "PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAOQCAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4Z2PQ",
        "PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAOQCAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DXFH6",
        "BAAD6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGR4TV",
        "BAAT6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGXACA",
    ])
    func invalid(strKey: String) {
        #expect(throws: StrKeyError.self) { try StrKey.decode(strKey) }
        let kind = strKey.first.flatMap { StrKeyTests.versions[$0] }
        if let kind { #expect(!StrKey.isValid(strKey, as: kind)) }
    }

    static let versions: [Character: StrKey.VersionByte] = [
        "G": .accountId, "M": .muxedAccount, "P": .signedPayload, "B": .claimableBalance,
    ]

    @Test func specificErrors() {
        #expect(throws: StrKeyError.invalidLength(57)) {
            try StrKey.decode("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZA")
        }
        #expect(throws: StrKeyError.nonZeroTrailingBits) {
            try StrKey.decode("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUR")
        }
        #expect(throws: StrKeyError.invalidChecksum) {
            try StrKey.decode("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUO")
        }
        #expect(throws: StrKeyError.invalidCharacter) {
            try StrKey.decode("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUK===")
        }
        #expect(throws: StrKeyError.unknownVersionByte(0x37)) {
            try StrKey.decode("G47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVP2I")
        }
        #expect(throws: StrKeyError.invalidCharacter) {
            try StrKey.decode(StrKeyTests.account.lowercased())
        }
        #expect(throws: StrKeyError.unexpectedVersion(expected: .seed, actual: .accountId)) {
            try KeyPair(secretSeed: StrKeyTests.account)
        }
        #expect(throws: StrKeyError.unexpectedVersion(expected: .muxedAccount, actual: .seed)) {
            try MuxedAccount(strKey: KeyPair.random().secretSeed)
        }
        #expect(throws: StrKeyError.invalidPayload("expected 32 bytes, got 31")) {
            try StrKey.encode(Array(StrKeyTests.key.dropLast()), as: .accountId)
        }
        #expect(throws: StrKeyError.invalidLength(0)) { try StrKey.decode("") }
        #expect(throws: StrKeyError.invalidLength(400)) { try StrKey.decode(String(repeating: "A", count: 400)) }
        #expect(throws: StrKeyError.invalidCharacter) { try StrKey.decode("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGz") }
    }

    @Test func signedPayloadLimits() throws {
        let key = try PublicKey(rawBytes: Self.key)
        let longest = SignedPayload(ed25519: key, payload: [UInt8](repeating: 7, count: 64))
        #expect(try SignedPayload(strKey: longest.strKey()) == longest)
        let empty = SignedPayload(ed25519: key, payload: [])
        #expect(try SignedPayload(strKey: empty.strKey()) == empty)
        let tooLong = SignedPayload(ed25519: key, payload: [UInt8](repeating: 7, count: 65))
        #expect(throws: StrKeyError.self) { try tooLong.strKey() }
    }

    /// Every strkey the Python SDK made from seeded random material decodes to the same bytes and re-encodes identically.
    @Test func sdkVectors() throws {
        for vector in VectorFile.shared.strkeys {
            let seed = try VectorBuilder.hex(vector.seed_hex)
            let pair = try KeyPair(seed: seed)
            #expect(pair.secretSeed == vector.secret_seed)
            #expect(pair.publicKey.strKey == vector.account_id)
            #expect(pair.publicKey.rawBytes == (try VectorBuilder.hex(vector.public_key_hex)))
            #expect(try KeyPair(secretSeed: vector.secret_seed).publicKey == pair.publicKey)

            for muxed in vector.muxed {
                let account = try MuxedAccount(strKey: muxed.address)
                #expect(account.id == UInt64(muxed.id))
                #expect(account.ed25519 == pair.publicKey)
                #expect(account.strKey == muxed.address)
                #expect(MuxedAccount(ed25519: pair.publicKey, id: UInt64(muxed.id)).strKey == muxed.address)
            }

            let hash = try VectorBuilder.hex(vector.hash_hex)
            #expect(try SignerKey(strKey: vector.pre_auth_tx) == .preAuthTx(hash))
            #expect(try SignerKey(strKey: vector.hash_x) == .hashX(hash))
            #expect(try SignerKey.preAuthTx(hash).strKey() == vector.pre_auth_tx)
            #expect(try SignerKey.hashX(hash).strKey() == vector.hash_x)
            #expect(try StrKey.encode(hash, as: .contract) == vector.contract)
            #expect(try StrKey.encode(hash, as: .liquidityPool) == vector.liquidity_pool)
            #expect(try ClaimableBalanceID(hash: hash).strKey() == vector.claimable_balance)
            #expect(try ClaimableBalanceID(strKey: vector.claimable_balance).hash == hash)

            let payload = SignedPayload(ed25519: pair.publicKey, payload: try VectorBuilder.hex(vector.signed_payload_hex))
            #expect(try payload.strKey() == vector.signed_payload)
            #expect(try SignedPayload(strKey: vector.signed_payload) == payload)

            let message = try VectorBuilder.hex(vector.message_hex)
            #expect(pair.sign(message) == (try VectorBuilder.hex(vector.signature_hex)))
        }
    }
}
