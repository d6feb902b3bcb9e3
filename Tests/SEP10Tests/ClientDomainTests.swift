import CapstanHTTP
import Foundation
import Hummingbird
import HummingbirdTesting
import StellarKit
import Testing

@testable import SEP10

/// The `client_domain` fetch: the name rules, the SSRF address policy, the TOML reader, and the real
/// resolver against loopback (refused by default, served when insecure domains are allowed).
@Suite struct ClientDomainTests {
    @Test(arguments: ["wallet.example", "wallet.example:8000", "a.b-c.example", "127.0.0.1:9", "xn--bcher-kva.example"])
    func validNames(name: String) {
        #expect(ClientDomainName(name)?.text == name)
    }

    @Test(arguments: [
        "", "https://wallet.example", "wallet.example/path", "user@wallet.example", "wallet.example:", "wallet.example:0",
        "wallet.example:65536", "wallet..example", "-wallet.example", "wallet.example.", "[::1]", "wallet example",
        String(repeating: "a", count: 61) + ".com", String(repeating: "a", count: 64),
    ])
    func invalidNames(name: String) {
        #expect(ClientDomainName(name) == nil)
    }

    @Test(arguments: [
        [0, 0, 0, 0], [10, 1, 2, 3], [100, 64, 0, 1], [127, 0, 0, 1], [169, 254, 169, 254], [172, 16, 0, 1], [172, 31, 255, 255],
        [192, 168, 1, 1], [192, 0, 2, 1], [198, 18, 0, 1], [224, 0, 0, 1], [255, 255, 255, 255],
    ] as [[UInt8]])
    func nonPublicIPv4IsRefused(bytes: [UInt8]) {
        #expect(!IPAddress.v4(bytes).isPubliclyRoutable)
    }

    @Test(arguments: [[8, 8, 8, 8], [1, 1, 1, 1], [172, 32, 0, 1], [100, 128, 0, 1], [192, 169, 0, 1]] as [[UInt8]])
    func publicIPv4IsAllowed(bytes: [UInt8]) {
        #expect(IPAddress.v4(bytes).isPubliclyRoutable)
    }

    @Test func ipv6Policy() {
        func v6(_ prefix: [UInt8], _ suffix: [UInt8] = []) -> IPAddress {
            .v6(prefix + [UInt8](repeating: 0, count: 16 - prefix.count - suffix.count) + suffix)
        }
        #expect(!v6([]).isPubliclyRoutable)                                            // ::
        #expect(!v6([], [1]).isPubliclyRoutable)                                       // ::1
        #expect(!v6([], [0xff, 0xff, 127, 0, 0, 1]).isPubliclyRoutable)                // ::ffff:127.0.0.1
        #expect(v6([], [0xff, 0xff, 8, 8, 8, 8]).isPubliclyRoutable)                   // ::ffff:8.8.8.8
        #expect(!v6([0xfe, 0x80]).isPubliclyRoutable)                                  // link-local
        #expect(!v6([0xfd, 0x12]).isPubliclyRoutable)                                  // unique local
        #expect(!v6([0xff, 0x02]).isPubliclyRoutable)                                  // multicast
        #expect(!v6([0x20, 0x02, 10, 0, 0, 1]).isPubliclyRoutable)                     // 6to4 of 10.0.0.1
        #expect(!v6([0x00, 0x64, 0xff, 0x9b], [169, 254, 169, 254]).isPubliclyRoutable) // NAT64 of metadata
        #expect(v6([0x26, 0x06, 0x47, 0x00], [1]).isPubliclyRoutable)                  // a global address
    }

    @Test func signingKeyIsReadFromTheTopLevelOnly() {
        let key = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7"
        #expect(StellarTOMLSigningKey.read("VERSION=\"2.0.0\"\nSIGNING_KEY = \"\(key)\" # the key\n[DOCUMENTATION]\nORG_NAME=\"x\"\n") == key)
        #expect(StellarTOMLSigningKey.read("# comment\r\nSIGNING_KEY='\(key)'\r\n") == key)
        #expect(StellarTOMLSigningKey.read("[DOCUMENTATION]\nSIGNING_KEY = \"\(key)\"\n") == nil)
        #expect(StellarTOMLSigningKey.read("[[CURRENCIES]]\nSIGNING_KEY = \"\(key)\"\n") == nil)
        #expect(StellarTOMLSigningKey.read("DESC = \"\"\"\n[not a table]\nSIGNING_KEY = \"GX\"\n\"\"\"\nSIGNING_KEY = \"\(key)\"\n") == key)
        #expect(StellarTOMLSigningKey.read("SIGNING_KEY = \"\(key)\"\nSIGNING_KEY = \"\(key)\"\n") == nil)
        #expect(StellarTOMLSigningKey.read("SIGNING_KEY = 12\n") == nil)
        #expect(StellarTOMLSigningKey.read("OTHER = 1\n") == nil)
    }

    @Test(arguments: ["127.0.0.1", "localhost", "127.0.0.1:8000", "0.0.0.0", "169.254.169.254"])
    func loopbackAndPrivateTargetsAreRefused(domain: String) async {
        let resolver = HTTPClientDomainResolver(timeout: .seconds(2), allowInsecure: false)
        await #expect(throws: ClientDomainError.forbiddenAddress) { try await resolver.signingKey(for: domain) }
    }

    @Test func invalidDomainIsRefusedWithoutANetworkRequest() async {
        let resolver = HTTPClientDomainResolver(timeout: .seconds(2), allowInsecure: false)
        await #expect(throws: ClientDomainError.invalidDomain) { try await resolver.signingKey(for: "https://x.example/") }
    }

    @Test func insecureModeFetchesALoopbackTOMLOverHTTP() async throws {
        let wallet = KeyPair.random()
        let router = Router()
        router.get(".well-known/stellar.toml") { _, _ in "NETWORK_PASSPHRASE = \"x\"\nSIGNING_KEY = \"\(wallet.accountId)\"\n" }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let resolver = HTTPClientDomainResolver(timeout: .seconds(5), allowInsecure: true)
            #expect(try await resolver.signingKey(for: "127.0.0.1:\(port)") == wallet.publicKey)
            // The same server is off limits when insecure client domains are not allowed.
            let strict = HTTPClientDomainResolver(timeout: .seconds(5), allowInsecure: false)
            await #expect(throws: ClientDomainError.forbiddenAddress) { try await strict.signingKey(for: "127.0.0.1:\(port)") }
        }
    }

    @Test func missingTOMLAndOversizeTOMLAreErrors() async throws {
        let router = Router()
        router.get(".well-known/stellar.toml") { _, _ in String(repeating: "#", count: 200_000) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let resolver = HTTPClientDomainResolver(timeout: .seconds(5), allowInsecure: true)
            await #expect(throws: ClientDomainError.tooLarge) { try await resolver.signingKey(for: "127.0.0.1:\(port)") }
        }
        let empty = Application(router: Router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await empty.test(.live) { client in
            let port = try #require(client.port)
            let resolver = HTTPClientDomainResolver(timeout: .seconds(5), allowInsecure: true)
            await #expect(throws: ClientDomainError.badStatus(404)) { try await resolver.signingKey(for: "127.0.0.1:\(port)") }
        }
    }
}
