import Testing
@testable import StellarKit

@Suite struct KeyPairTests {
    @Test func randomKeysSignAndVerify() throws {
        let pair = KeyPair.random()
        let other = KeyPair.random()
        #expect(pair.publicKey != other.publicKey)
        let message: [UInt8] = Array("capstan".utf8)
        let signature = pair.sign(message)
        #expect(signature.count == 64)
        #expect(pair.publicKey.verify(signature: signature, data: message))
        #expect(!other.publicKey.verify(signature: signature, data: message))
        #expect(!pair.publicKey.verify(signature: signature, data: message + [0]))
        #expect(!pair.publicKey.verify(signature: Array(signature.dropLast()), data: message))
        var tampered = signature
        tampered[10] ^= 1
        #expect(!pair.publicKey.verify(signature: tampered, data: message))
    }

    /// SEP-10 checks the server's own signature by signing again; that only works because signing is deterministic.
    @Test func ownSignaturesAreRecognisedExactly() throws {
        let pair = KeyPair.random()
        let message: [UInt8] = Array("challenge hash".utf8)
        let signature = pair.sign(message)
        #expect(pair.sign(message) == signature)
        #expect(pair.isOwnSignature(signature, of: message))
        #expect(!pair.isOwnSignature(signature, of: message + [0]))
        #expect(!pair.isOwnSignature(KeyPair.random().sign(message), of: message))
        #expect(!pair.isOwnSignature(Array(signature.dropLast()), of: message))
        for index in [0, 31, 32, 63] {
            var tampered = signature
            tampered[index] ^= 0x80
            #expect(!pair.isOwnSignature(tampered, of: message), "byte \(index)")
        }
    }

    @Test func secureRandomBytesHaveTheLengthAskedForAndDoNotRepeat() {
        #expect(SecureRandom.bytes(0).isEmpty)
        let draws = (0..<64).map { _ in SecureRandom.bytes(48) }
        #expect(draws.allSatisfy { $0.count == 48 })
        #expect(Set(draws).count == draws.count)
        // In 8,192 random bytes every byte value appears (missing one has odds of 1 in 10^11); in a stuck or
        // short-filled buffer it would not.
        #expect(Set(SecureRandom.bytes(8_192)).count == 256)
    }

    @Test func seedRoundTrip() throws {
        let pair = KeyPair.random()
        let restored = try KeyPair(secretSeed: pair.secretSeed)
        #expect(restored.publicKey == pair.publicKey)
        #expect(restored.secretSeed == pair.secretSeed)
        #expect(pair.secretSeed.hasPrefix("S"))
        #expect(pair.accountId.hasPrefix("G"))
        #expect(pair.signatureHint == Array(pair.publicKey.rawBytes.suffix(4)))
        #expect(pair.publicKey.hint == pair.signatureHint)
        #expect(try PublicKey(strKey: pair.accountId) == pair.publicKey)
        #expect(try PublicKey(rawBytes: pair.publicKey.rawBytes) == pair.publicKey)
    }

    @Test func rejectsBadKeyMaterial() {
        #expect(throws: KeyError.invalidLength(expected: 32, actual: 31)) { try KeyPair(seed: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: KeyError.invalidLength(expected: 32, actual: 33)) { try PublicKey(rawBytes: [UInt8](repeating: 1, count: 33)) }
    }

    /// RFC 8032 test 1: a known seed gives a known public key and signature.
    @Test func rfc8032Vector() throws {
        let seed = try VectorBuilder.hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        let pair = try KeyPair(seed: seed)
        #expect(pair.publicKey.rawBytes.hexString == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        #expect(pair.sign([]).hexString == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
    }

    @Test func secretsStayOutOfDescriptions() {
        let pair = KeyPair.random()
        let seed = pair.secretSeed
        #expect(!String(describing: pair).contains(seed))
        #expect(!String(reflecting: pair).contains(seed))
        var dumped = ""
        dump(pair, to: &dumped)
        #expect(!dumped.contains(seed))
        #expect(String(describing: pair).contains(pair.accountId))
    }

    @Test func networkIds() {
        #expect(Network.testnet.networkId.hexString == "cee0302d59844d32bdca915c8203dd44b33fbb7edc19051ea37abedf28ecd472")
        #expect(Network.publicNetwork.networkId.hexString == "7ac33997544e3175d266bd022439b22cdb16508c01163f26e5cb2a3e1045a979")
        #expect(Network.standalone.passphrase == "Standalone Network ; February 2017")
        #expect(Network.futurenet.passphrase == "Test SDF Future Network ; October 2022")
        #expect(StellarHash.sha256([]).hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
