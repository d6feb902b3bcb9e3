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
    func get<Resource: Decodable>(_ path: String, as _: Resource.Type) async throws(LedgerError) -> Resource? {
        var request = HTTPClientRequest(url: self.baseURL + path)
        request.headers.add(name: "Accept", value: "application/json")
        let body: ByteBuffer
        do {
            let response = try await self.client.execute(request, timeout: Self.timeAmount(self.timeout))
            switch response.status.code {
            case 200:
                body = try await response.body.collect(upTo: self.maxResponseBytes)
            case 404:
                // Read to the end, so the connection goes back to the pool: a body left unread closes it, and
                // SEP-10 asks about unfunded (404) accounts all the time.
                _ = try? await response.body.collect(upTo: Self.maxProblemBytes)
                return nil
            default:
                _ = try? await response.body.collect(upTo: Self.maxProblemBytes)
                throw LedgerError.unavailable(reason: "Horizon answered HTTP \(response.status.code)")
            }
        } catch let error as LedgerError {
            throw error
        } catch is NIOTooManyBytesError {
            throw .unavailable(reason: "Horizon response larger than \(self.maxResponseBytes) bytes")
        } catch {
            throw .unavailable(reason: "Horizon request failed: \(Self.describe(error))")
        }
        do {
            return try JSONDecoder().decode(Resource.self, from: Data(body.readableBytesView))
        } catch {
            throw .unavailable(reason: "Horizon sent malformed JSON for \(Resource.self)")
        }
    }

    /// Horizon's problem documents are a few hundred bytes.
    static let maxProblemBytes = 64 << 10

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
