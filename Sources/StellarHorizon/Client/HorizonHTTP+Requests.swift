import AsyncHTTPClient
import Foundation
import NIOCore

/// Requests for `HorizonClient`: a whole exchange bounded by one timeout and one size limit, errors typed.
extension HorizonHTTP {
    /// A status and a complete body.
    struct Reply: Sendable {
        var status: Int
        var body: ByteBuffer

        var data: Data { Data(self.body.readableBytesView) }

        /// The problem document, if the body is one.
        var problem: HorizonProblem? { try? JSONDecoder().decode(HorizonProblem.self, from: self.data) }
    }

    /// Sends `request` and reads the whole body. AsyncHTTPClient's deadline stops at the response head, so the body
    /// is raced against the same timeout here.
    func send(_ request: HTTPClientRequest, timeout: Duration) async throws(HorizonError) -> Reply {
        let client = self.client
        let limit = self.maxResponseBytes
        do {
            return try await withThrowingTaskGroup(of: Reply?.self) { group in
                group.addTask {
                    let response = try await client.execute(request, timeout: Self.timeAmount(timeout))
                    let body = try await response.body.collect(upTo: limit)
                    return Reply(status: Int(response.status.code), body: body)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let reply = first else { throw HorizonError.timeout }
                return reply
            }
        } catch let error as HorizonError {
            throw error
        } catch is NIOTooManyBytesError {
            throw .responseTooLarge(limit: limit)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw .timeout
        } catch {
            throw .transport(Self.describe(error))
        }
    }

    /// A GET of a JSON resource: the decoded body on 200, nil on 404, a typed error otherwise.
    func fetch<Resource: Decodable>(_ pathAndQuery: String, as _: Resource.Type, timeout: Duration) async throws(HorizonError) -> Resource? {
        var request = HTTPClientRequest(url: self.baseURL + pathAndQuery)
        request.headers.add(name: "Accept", value: "application/json")
        let reply = try await self.send(request, timeout: timeout)
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
