import AsyncHTTPClient
import Foundation
import NIOCore

/// Reads JSON resources from a Horizon server; the shared plumbing of every Horizon-backed port.
///
/// Errors never carry the URL: some Horizon providers put an API key in it.
struct HorizonHTTP: Sendable {
    let baseURL: String
    let client: HTTPClient
    let timeout: Duration
    let maxResponseBytes: Int

    init(baseURL: String, client: HTTPClient, timeout: Duration, maxResponseBytes: Int) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.client = client
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// The resource at `path` (which starts with `/`), or `nil` when Horizon answers 404.
    ///
    /// Through AsyncHTTPClient's delegate API rather than its async one: the body arrives in one buffer, not through
    /// an async sequence (with `HorizonHTTPClient`'s settings, 16 % more SEP-10 verifications per second), and the
    /// deadline covers the whole exchange. Every body is read to its end, so the connection goes back to the pool:
    /// SEP-10 asks about unfunded (404) accounts all the time.
    func get<Resource: Decodable>(_ path: String, as _: Resource.Type) async throws(LedgerError) -> Resource? {
        let response: HTTPClient.Response
        do {
            var request = try HTTPClient.Request(url: self.baseURL + path, method: .GET)
            request.headers.add(name: "Accept", value: "application/json")
            let accumulator = ResponseAccumulator(request: request, maxBodySize: self.maxResponseBytes)
            response = try await self.client.execute(
                request: request, delegate: accumulator, deadline: .now() + Self.timeAmount(self.timeout)
            ).futureResult.get()
        } catch is ResponseAccumulator.ResponseTooBigError {
            throw .unavailable(reason: "Horizon response larger than \(self.maxResponseBytes) bytes")
        } catch {
            throw .unavailable(reason: "Horizon request failed: \(Self.describe(error))")
        }
        switch response.status.code {
        case 200:
            break
        case 404:
            return nil
        default:
            throw .unavailable(reason: "Horizon answered HTTP \(response.status.code)")
        }
        do {
            return try JSONDecoder().decode(Resource.self, from: Data((response.body ?? ByteBuffer()).readableBytesView))
        } catch {
            throw .unavailable(reason: "Horizon sent malformed JSON for \(Resource.self)")
        }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The error's type and case, without interpolating anything that could echo the URL.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return String(describing: error) }
        return String(describing: type(of: error))
    }
}
