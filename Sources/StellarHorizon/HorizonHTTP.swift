import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

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

    /// One whole exchange through AsyncHTTPClient's delegate API rather than its async one: the body arrives in one
    /// buffer, not through an async sequence (with `HorizonHTTPClient`'s settings, 16 % more SEP-10 verifications per
    /// second), and the deadline covers the body as well as the head. Every body is read to its end, so the
    /// connection goes back to the pool: SEP-10 asks about unfunded (404) accounts all the time.
    ///
    /// Throws `ResponseAccumulator.ResponseTooBigError` beyond `maxResponseBytes` and AsyncHTTPClient's errors.
    func exchange(
        _ method: HTTPMethod, _ pathAndQuery: String, contentType: String? = nil, body: String? = nil, timeout: Duration
    ) async throws -> HTTPClient.Response {
        var headers = HTTPHeaders([("Accept", "application/json")])
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        let request = try HTTPClient.Request(
            url: self.baseURL + pathAndQuery, method: method, headers: headers, body: body.map { .string($0) })
        let accumulator = ResponseAccumulator(request: request, maxBodySize: self.maxResponseBytes)
        let task = self.client.execute(request: request, delegate: accumulator, deadline: .now() + Self.timeAmount(timeout))
        // The future does not notice task cancellation; a cancelled caller stops the request instead of waiting it out.
        return try await withTaskCancellationHandler {
            try await task.futureResult.get()
        } onCancel: {
            task.cancel()
        }
    }

    /// The resource at `path` (which starts with `/`), or `nil` when Horizon answers 404.
    func get<Resource: Decodable>(_ path: String, as _: Resource.Type) async throws(LedgerError) -> Resource? {
        let response: HTTPClient.Response
        do {
            response = try await self.exchange(.GET, path, timeout: self.timeout)
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
        case 300..<400:
            // Not followed (`HorizonHTTPClient`); the operator can point horizon.url at the final address.
            throw .unavailable(reason: "Horizon answered HTTP \(response.status.code), a redirect: set horizon.url to where it leads")
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
