import AsyncHTTPClient
import NIOCore
import StellarKit

/// Fetches `https://<client_domain>/.well-known/stellar.toml` and reads its `SIGNING_KEY`, treating the
/// wallet-supplied domain as hostile input (AP PR #1915, #1865):
///
/// - HTTPS only, no redirects (a redirect could point anywhere), a deadline over the whole exchange and
///   a 100 KB body cap (SEP-1's own limit);
/// - the host is resolved first and refused if any of its addresses is not public; the connection is then
///   pinned to the checked address, so a DNS answer that changes between check and connect (rebinding)
///   cannot redirect it. TLS still verifies the certificate for the host name.
///
/// `allowInsecure` (development only) skips the address check and tries plain HTTP first, then HTTPS:
/// a TLS handshake against a plain-HTTP test server stalls until the deadline instead of failing.
public struct HTTPClientDomainResolver: ClientDomainResolver {
    /// SEP-1 caps stellar.toml at 100 KB.
    static let maxTOMLBytes = 100_000

    let timeout: Duration
    let allowInsecure: Bool

    public init(timeout: Duration, allowInsecure: Bool) {
        self.timeout = timeout
        self.allowInsecure = allowInsecure
    }

    public func signingKey(for domain: String) async throws(ClientDomainError) -> PublicKey {
        guard let name = ClientDomainName(domain) else { throw .invalidDomain }
        do {
            return try await Self.withDeadline(self.timeout) { try await self.fetch(name) }
        } catch let error as ClientDomainError {
            throw error
        } catch {
            throw .unreachable(String(describing: type(of: error)))
        }
    }

    private func fetch(_ name: ClientDomainName) async throws -> PublicKey {
        var pinned: [String: String] = [:]
        if !self.allowInsecure {
            let addresses = try await HostResolver.addresses(of: name.host)
            guard let first = addresses.first else { throw ClientDomainError.unresolvable }
            guard addresses.allSatisfy(\.isPubliclyRoutable) else { throw ClientDomainError.forbiddenAddress }
            pinned[name.host] = first.description
        }
        var lastError: any Error = ClientDomainError.unresolvable
        for scheme in self.allowInsecure ? ["http", "https"] : ["https"] {
            do {
                return try await self.get("\(scheme)://\(name.text)/.well-known/stellar.toml", pinned: pinned)
            } catch let error as ClientDomainError {
                throw error  // the server answered; another scheme would not change that
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// One short-lived client per fetch: the pin is client configuration, and wallets' domains are too
    /// many and too rarely repeated for pooled connections to pay off.
    private func get(_ url: String, pinned: [String: String]) async throws -> PublicKey {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(5))
        configuration.dnsOverride = pinned
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let key = try await self.request(url, client: client)
            try await client.shutdown()
            return key
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func request(_ url: String, client: HTTPClient) async throws -> PublicKey {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "text/plain, application/toml")
        let response = try await client.execute(request, timeout: Self.timeAmount(self.timeout))
        guard response.status.code == 200 else { throw ClientDomainError.badStatus(Int(response.status.code)) }
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > Self.maxTOMLBytes {
            throw ClientDomainError.tooLarge
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: Self.maxTOMLBytes)
        } catch is NIOTooManyBytesError {
            throw ClientDomainError.tooLarge
        }
        guard let text = body.getString(at: body.readerIndex, length: body.readableBytes),
              let signingKey = StellarTOMLSigningKey.read(text) else { throw ClientDomainError.noSigningKey }
        guard let key = try? PublicKey(strKey: signingKey) else { throw ClientDomainError.invalidSigningKey }
        return key
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Runs `operation`, cancelling it when `duration` elapses first.
    static func withDeadline<Value: Sendable>(
        _ duration: Duration, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: duration)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw ClientDomainError.timedOut }
            return value
        }
    }
}
