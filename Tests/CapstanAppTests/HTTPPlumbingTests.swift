import CapstanApp
import CapstanHTTP
import CapstanTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct HTTPPlumbingTests {
    func withApp(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let anchor = try await TestAnchor.make()
        defer { anchor.remove() }
        let app = try await CapstanServer.build(config: try await anchor.config(), logger: .quiet)
        try await app.test(.router, body)
    }

    @Test func stellarTOMLIsServedAsTextWithCORS() async throws {
        try await self.withApp { client in
            try await client.execute(uri: "/.well-known/stellar.toml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                let body = String(buffer: response.body)
                #expect(body.contains("NETWORK_PASSPHRASE = \"Test SDF Network ; September 2015\""))
                #expect(body.contains("code = \"SRT\""))
                #expect(body.utf8.count < 100_000)
            }
        }
    }

    @Test func unknownPathIsA404InTheSEPShapeWithCORS() async throws {
        try await self.withApp { client in
            try await client.execute(uri: "/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body) == #"{"error":"not found"}"#)
            }
        }
    }

    @Test func wrongMethodIsA405WithAllow() async throws {
        try await self.withApp { client in
            try await client.execute(uri: "/.well-known/stellar.toml", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, OPTIONS")
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(String(buffer: response.body) == #"{"error":"method POST not allowed"}"#)
            }
        }
    }

    @Test func preflightAnswersForKnownRoutes() async throws {
        try await self.withApp { client in
            try await client.execute(
                uri: "/.well-known/stellar.toml", method: .options,
                headers: [.origin: "https://wallet.example", .accessControlRequestMethod: "GET", .accessControlRequestHeaders: "Authorization"]
            ) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(response.headers[.accessControlAllowMethods] == "GET, OPTIONS")
                #expect(response.headers[.accessControlAllowHeaders] == "Authorization")
            }
            try await client.execute(uri: "/unknown", method: .options) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func oversizedBodiesAreRefusedWith413() async throws {
        try await self.withApp { client in
            let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 2 << 20)
            try await client.execute(uri: "/health", method: .post, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(String(buffer: response.body).hasPrefix(#"{"error":"request body larger than"#))
            }
        }
    }

    @Test func healthReportsVersion() async throws {
        try await self.withApp { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
                #expect(json?["status"] as? String == "ok")
                #expect(json?["version"] as? String == CapstanVersion.current)
                #expect(response.headers[.requestID] != nil)
            }
        }
    }
}
