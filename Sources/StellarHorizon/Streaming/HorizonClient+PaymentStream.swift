import AsyncHTTPClient
import Foundation
import Logging

/// One element of a payment stream.
public enum HorizonPaymentStreamElement: Sendable, Hashable {
    case payment(HorizonPayment)
    /// A record that did not decode (or was over the size limit). The stream moved past it and goes on.
    case undecodable(HorizonUndecodableRecord)
}

extension HorizonClient {
    /// Streams the account's payments (`GET /accounts/{id}/payments?join=transactions`, `Accept: text/event-stream`),
    /// reconnecting for ever from the last paging token seen.
    ///
    /// A connection is replaced when it fails, when the server closes it, or when nothing at all arrives within
    /// `configuration.stream.silenceTimeout`; reconnects back off up to `maximumBackoff`. No record is delivered
    /// twice or skipped across reconnects. The stream ends only when the consumer stops iterating (or cancels), or
    /// with a `HorizonError` that asking again cannot fix (such as a 400 for a bad cursor).
    /// - Parameter cursor: A paging token to continue after, `now` (the default: only payments from now on), or nil
    ///   for the account's whole history. `now` is resolved to the account's latest payment before connecting, so
    ///   reconnects after an early failure do not lose what happened meanwhile.
    public func streamPayments(forAccount accountID: String, from cursor: String? = "now") -> AsyncThrowingStream<HorizonPaymentStreamElement, any Error> {
        let (stream, continuation) = AsyncThrowingStream<HorizonPaymentStreamElement, any Error>.makeStream()
        do throws(HorizonError) {
            try Self.checkAccountID(accountID)
            if let cursor { try Self.checkCursor(cursor) }
        } catch {
            continuation.finish(throwing: error)
            return stream
        }
        let streamer = PaymentStreamer(client: self, accountID: accountID)
        // The stream's consumer owns its lifetime: terminating the stream cancels this task and its connection.
        let task = Task { await streamer.run(from: cursor, into: continuation) }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

/// The reconnect loop behind `streamPayments`.
struct PaymentStreamer: Sendable {
    typealias Continuation = AsyncThrowingStream<HorizonPaymentStreamElement, any Error>.Continuation

    let client: HorizonClient
    let accountID: String

    private var configuration: HorizonStreamConfiguration { self.client.configuration.stream }

    private struct SilenceTimeout: Error {}

    func run(from start: String?, into continuation: Continuation) async {
        var cursor = start
        var serverRetry: Duration?
        var failures = 0
        while !Task.isCancelled {
            var healthy = false
            let reason: HorizonStreamDisconnect
            do throws(HorizonError) {
                if cursor == "now" { cursor = try await self.latestToken() }
                let progress = StreamProgress(cursor: cursor, retry: serverRetry)
                reason = await self.connection(progress, continuation)
                cursor = progress.cursor
                healthy = progress.healthy
                serverRetry = progress.retry
            } catch {
                reason = .failed(error)
            }
            if Task.isCancelled { break }
            if case .failed(let error) = reason, !error.isTransient {
                self.client.logger.error("payment stream stopped", metadata: ["account": "\(self.accountID)", "error": "\(error)"])
                continuation.finish(throwing: error)
                return
            }
            let base = min(serverRetry ?? self.configuration.initialBackoff, self.configuration.maximumBackoff)
            if healthy { failures = 0 }
            let delay = min(base * (1 << min(failures, 16)), self.configuration.maximumBackoff)
            if !healthy { failures += 1 }
            self.client.logger.debug(
                "payment stream reconnecting", metadata: ["account": "\(self.accountID)", "reason": "\(reason)", "cursor": "\(cursor ?? "")"]
            )
            self.configuration.onConnectionEvent?(.disconnected(reason: reason, cursor: cursor, retryIn: delay))
            do {
                try await Task.sleep(for: delay)
            } catch {
                break
            }
        }
        continuation.finish()
    }

    /// `now` as a paging token: the account's latest payment, or nil (all of history, which is empty) when it has none.
    private func latestToken() async throws(HorizonError) -> String? {
        let page = try await self.client.payments(forAccount: self.accountID, limit: 1, order: .descending)
        return page.records.first?.pagingToken ?? page.undecodable.first?.pagingToken
    }

    /// Runs one connection, with its silence watchdog, until it ends.
    private func connection(_ progress: StreamProgress, _ continuation: Continuation) async -> HorizonStreamDisconnect {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.read(progress, continuation) }
                group.addTask { try await self.watchSilence(progress) }
                try await group.next()
                group.cancelAll()
            }
            return .serverClosed
        } catch is SilenceTimeout {
            return .silence
        } catch let error as HorizonError {
            return .failed(error)
        } catch {
            return .failed(.transport(HorizonHTTP.describe(error)))
        }
    }

    private func watchSilence(_ progress: StreamProgress) async throws {
        while true {
            let deadline = progress.lastActivity + self.configuration.silenceTimeout
            if ContinuousClock.now >= deadline { throw SilenceTimeout() }
            try await Task.sleep(until: deadline, clock: .continuous)
        }
    }

    private func read(_ progress: StreamProgress, _ continuation: Continuation) async throws {
        let cursor = progress.cursor
        var query = "?join=transactions"
        if let cursor { query += "&cursor=\(cursor)" }
        var request = HTTPClientRequest(url: self.client.http.baseURL + "/accounts/\(self.accountID)/payments" + query)
        request.headers.add(name: "Accept", value: "text/event-stream")
        request.headers.add(name: "Cache-Control", value: "no-cache")
        let response: HTTPClientResponse
        do {
            response = try await self.client.http.client.execute(request, timeout: HorizonHTTP.timeAmount(self.configuration.connectTimeout))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .connectTimeout {
            throw HorizonError.timeout
        } catch {
            throw HorizonError.transport(HorizonHTTP.describe(error))
        }
        guard response.status.code == 200 else {
            let body = try? await response.body.collect(upTo: 64 * 1024)
            let problem = body.flatMap { try? JSONDecoder().decode(HorizonProblem.self, from: Data($0.readableBytesView)) }
            throw HorizonError.http(status: Int(response.status.code), problem: problem)
        }
        progress.touch()
        self.configuration.onConnectionEvent?(.connected(cursor: cursor))
        var parser = ServerSentEventParser(maxLineBytes: self.configuration.maxEventBytes)
        do {
            for try await chunk in response.body {
                progress.touch()
                for event in parser.feed(chunk.readableBytesView) { self.handle(event, progress, continuation) }
                if let retry = parser.retryMilliseconds { progress.setRetry(.milliseconds(retry)) }
            }
        } catch {
            throw HorizonError.transport(HorizonHTTP.describe(error))
        }
    }

    private func handle(_ event: ServerSentEvent, _ progress: StreamProgress, _ continuation: Continuation) {
        if event.oversized {
            let failure = HorizonUndecodableRecord(pagingToken: event.id, reason: "event larger than \(self.configuration.maxEventBytes) bytes")
            if let token = event.id, !progress.advance(to: token) { return }
            continuation.yield(.undecodable(failure))
            return
        }
        switch event.data.trimmingCharacters(in: .whitespaces) {
        case "\"hello\"":
            progress.markHealthy()
            return
        case "\"byebye\"", "":
            return
        default:
            break
        }
        progress.markHealthy()
        switch LossyRecord<HorizonPayment>.decode(Data(event.data.utf8)) {
        case .record(let payment):
            guard progress.advance(to: payment.pagingToken) else { return }
            continuation.yield(.payment(payment))
        case .undecodable(var failure):
            failure.pagingToken = failure.pagingToken ?? event.id
            if let token = failure.pagingToken, !progress.advance(to: token) { return }
            self.client.logger.warning("undecodable payment record", metadata: ["paging_token": "\(failure.pagingToken ?? "")", "reason": "\(failure.reason)"])
            continuation.yield(.undecodable(failure))
        }
    }
}
