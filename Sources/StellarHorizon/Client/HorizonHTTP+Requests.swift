import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Requests for `HorizonClient`: a whole exchange bounded by one deadline and one size limit, errors typed.
extension HorizonHTTP {
    /// A status and a complete body.
    struct Reply: Sendable {
        var status: Int
        var body: ByteBuffer

        var data: Data { Data(self.body.readableBytesView) }

        /// The problem document, if the body is one.
        var problem: HorizonProblem? { try? JSONDecoder().decode(HorizonProblem.self, from: self.data) }
    }

    /// One exchange (see `exchange`), its failures as `HorizonError`.
    func send(
        _ method: HTTPMethod, _ pathAndQuery: String, contentType: String? = nil, body: String? = nil, timeout: Duration
    ) async throws(HorizonError) -> Reply {
        do {
            let response = try await self.exchange(method, pathAndQuery, contentType: contentType, body: body, timeout: timeout)
            return Reply(status: Int(response.status.code), body: response.body ?? ByteBuffer())
        } catch is ResponseAccumulator.ResponseTooBigError {
            throw .responseTooLarge(limit: self.maxResponseBytes)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw .timeout
        } catch {
            throw .transport(Self.describe(error))
        }
    }

    /// A GET of a JSON resource: the decoded body on 200, nil on 404, a typed error otherwise.
    func fetch<Resource: Decodable>(_ pathAndQuery: String, as _: Resource.Type, timeout: Duration) async throws(HorizonError) -> Resource? {
        let reply = try await self.send(.GET, pathAndQuery, timeout: timeout)
        switch reply.status {
        case 200:
            do {
                return try JSONDecoder().decode(Resource.self, from: reply.data)
            } catch {
                throw .malformedResponse("\(Resource.self): \(DecodingFailure.describe(error))")
            }
        case 404:
            return nil
        default:
            throw .http(status: reply.status, problem: reply.problem)
        }
    }
}
