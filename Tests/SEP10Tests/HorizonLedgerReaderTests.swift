import Foundation
import Hummingbird
import HummingbirdTesting
import StellarHorizon
import StellarKit
import Testing

/// `HorizonLedgerReader` against a loopback server that answers like Horizon's `/accounts/{id}`.
@Suite struct HorizonLedgerReaderTests {
    static let account = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7"
    static let signer = "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ"

    /// Trimmed from a real Horizon response: the fields the reader uses plus some it ignores.
    static let record = """
        {"_links":{"self":{"href":"x"}},"id":"\(account)","account_id":"\(account)","sequence":"3298702387052545",
         "subentry_count":1,"last_modified_ledger":768061,
         "thresholds":{"low_threshold":1,"med_threshold":2,"high_threshold":3},
         "flags":{"auth_required":false,"auth_revocable":false},
         "balances":[{"balance":"10.5000000","limit":"1000.0000000","asset_type":"credit_alphanum4","asset_code":"SRT",
                      "asset_issuer":"\(signer)"},{"balance":"9999.9999900","asset_type":"native"}],
         "signers":[{"weight":1,"key":"\(signer)","type":"ed25519_public_key"},
                    {"weight":1,"key":"XDRPF6NZRR7EEVO7ESIWUDXHAOMM2QSKIQQBJK6I2FB7YKDZES5UCLWD","type":"sha256_hash"},
                    {"weight":0,"key":"\(account)","type":"ed25519_public_key"}],
         "data":{},"paging_token":"\(account)"}
        """

    static let redirected = "GCKFBEIYV2U22IO2BJ4KVJOIP7XPWQGQFKKWXR6DOSJBV7STMAQSMTGG"
    static let oversized = "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H"
    static let stalled = "GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN"

    private func withHorizon(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.get("accounts/:id") { _, context -> Response in
            switch context.parameters.get("id") {
            case Self.account:
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: Self.record)))
            case Self.signer:
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "{\"id\": 1")))
            case "GDHNO3NINNJ3QT7A2GVJJ7FK75OM37JIVZQMKPKDEXT4YGRNRMDQN6CO":
                return Response(status: .serviceUnavailable)
            case Self.redirected:
                return Response(status: .found, headers: [.location: "/accounts/\(Self.account)"])
            case Self.oversized:
                let chunk = ByteBuffer(repeating: UInt8(ascii: " "), count: 1 << 20)
                return Response(status: .ok, body: ResponseBody { writer in
                    for _ in 0...(HorizonLedgerReader.maxResponseBytes >> 20) { try await writer.write(chunk) }
                    try await writer.finish(nil)
                })
            case Self.stalled:
                return Response(status: .ok, body: ResponseBody { writer in
                    // A space every 100 ms for 10 s: the write fails, ending this, once the client has hung up.
                    for _ in 0..<100 {
                        try await writer.write(ByteBuffer(string: " "))
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    try await writer.finish(nil)
                })
            default:
                return Response(status: .notFound, body: .init(byteBuffer: ByteBuffer(string: #"{"status":404}"#)))
            }
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await body("http://127.0.0.1:\(try #require(client.port))/") }
    }

    @Test func readsThresholdsSignersAndBalances() async throws {
        try await self.withHorizon { url in
            let reader = HorizonLedgerReader(baseURL: url)
            let account = try #require(try await reader.account(Self.account))
            #expect(account.id == Self.account)
            #expect(account.sequence == 3_298_702_387_052_545)
            #expect(account.thresholds == .init(low: 1, medium: 2, high: 3))
            #expect(account.signers.count == 3)
            #expect(account.signers[0] == .init(key: Self.signer, weight: 1, type: .ed25519PublicKey))
            #expect(account.signers[1].type == .sha256Hash)
            #expect(account.balances.count == 2)
            #expect(account.balances[0] == .init(assetType: "credit_alphanum4", assetCode: "SRT", assetIssuer: Self.signer, balance: "10.5000000"))
            #expect(account.balances[1].assetType == "native")
        }
    }

    @Test func unknownAccountIsNil() async throws {
        try await self.withHorizon { url in
            let account = try await HorizonLedgerReader(baseURL: url).account(KeyPair.random().accountId)
            #expect(account == nil)
        }
    }

    @Test func serverErrorsAndMalformedJSONAreUnavailable() async throws {
        try await self.withHorizon { url in
            let reader = HorizonLedgerReader(baseURL: url)
            await #expect(throws: LedgerError.unavailable(reason: "Horizon answered HTTP 503")) {
                try await reader.account("GDHNO3NINNJ3QT7A2GVJJ7FK75OM37JIVZQMKPKDEXT4YGRNRMDQN6CO")
            }
            await #expect(throws: LedgerError.unavailable(reason: "Horizon sent malformed JSON for LedgerAccount")) {
                try await reader.account(Self.signer)
            }
        }
    }

    /// Following a redirect would send the lookup to another origin; the 3xx itself fails closed.
    @Test func redirectsAreNotFollowed() async throws {
        try await self.withHorizon { url in
            await #expect(throws: LedgerError.unavailable(reason: "Horizon answered HTTP 302, a redirect: set horizon.url to where it leads")) {
                try await HorizonLedgerReader(baseURL: url).account(Self.redirected)
            }
        }
    }

    @Test func bodiesBeyondTheLimitAreUnavailable() async throws {
        try await self.withHorizon { url in
            let limit = HorizonLedgerReader.maxResponseBytes
            await #expect(throws: LedgerError.unavailable(reason: "Horizon response larger than \(limit) bytes")) {
                try await HorizonLedgerReader(baseURL: url).account(Self.oversized)
            }
        }
    }

    /// The timeout covers the body too: a Horizon that sends its headers and then stalls cannot hold a request.
    @Test func aStalledBodyTimesOut() async throws {
        try await self.withHorizon { url in
            let started = ContinuousClock.now
            await #expect(throws: LedgerError.unavailable(reason: "Horizon request failed: HTTPClientError.deadlineExceeded")) {
                try await HorizonLedgerReader(baseURL: url, timeout: .milliseconds(500)).account(Self.stalled)
            }
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test func unreachableHorizonIsUnavailable() async throws {
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused.
        let reader = HorizonLedgerReader(baseURL: "http://127.0.0.1:9", timeout: .seconds(2))
        do {
            _ = try await reader.account(Self.account)
            Issue.record("expected an error")
        } catch {
            guard case .unavailable = error else { Issue.record("expected unavailable, got \(error)"); return }
        }
    }

    @Test func accountIDIsCheckedBeforeItGoesIntoTheURL() async {
        let reader = HorizonLedgerReader(baseURL: "http://127.0.0.1:9")
        await #expect(throws: LedgerError.invalidAccountID("../admin")) { try await reader.account("../admin") }
    }
}
