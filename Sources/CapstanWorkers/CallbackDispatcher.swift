import AsyncHTTPClient
import CapstanCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import ServiceLifecycle

/// Delivers a durable outbox, retried with back-off, in order per subject and destination: the wallet callbacks
/// (signed POSTs) or, with another `deliver`, the plugin notifications. All state is in the outbox table, so a
/// restarted (or second) dispatcher carries on.
///
/// A 2xx answer (a plugin's OK) is a delivery; any other answer, a network error or a timeout is a failed attempt,
/// retried after `CallbackBackoff` until `maxAttempts`, then given up and logged. Deliveries are at-least-once: a dispatcher
/// killed after the destination answered but before the row was marked delivers that row again.
public struct CallbackDispatcher: Service {
    /// Delivers one row: nil when the destination took it, otherwise why not (the attempt is retried).
    public typealias Deliver = @Sendable (CallbackDelivery) async -> String?

    let outbox: any CallbackOutboxStore
    let deliver: Deliver
    /// What a row is, for the logs: "callback", "plugin notification".
    let noun: String
    /// Where a row goes, for the logs: the log key and its value.
    let destination: @Sendable (CallbackDelivery) -> (key: String, value: String)
    let configuration: Configuration
    let logger: Logger
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - signingKey: signs every callback (the SEP-10 `SIGNING_KEY` secret).
    ///   - httpClient: owned by the caller, which shuts it down after this service stops (the shared one needs none).
    ///   - now: the clock that schedules attempts; tests pass their own. Signatures always carry the wall clock.
    public init(
        outbox: any CallbackOutboxStore, signer: CallbackSigner, httpClient: HTTPClient = .shared,
        configuration: Configuration = Configuration(), logger: Logger,
        now: @escaping @Sendable () -> Date = { Date.now }
    ) {
        // Never the full URL (a wallet may put a token in its query): the host.
        self.init(
            outbox: outbox, noun: "callback", destination: { ("host", URL(string: $0.url)?.host ?? "?") },
            configuration: configuration, logger: logger, now: now
        ) { delivery in
            await Self.post(delivery, signer: signer, httpClient: httpClient, timeout: configuration.timeout)
        }
    }

    /// - Parameters:
    ///   - noun: what a row is, in the log lines.
    ///   - destination: where a row goes, in the log lines: a key and a value that reveals no secret.
    ///   - deliver: hands one row to its destination.
    public init(
        outbox: any CallbackOutboxStore, noun: String, destination: @escaping @Sendable (CallbackDelivery) -> (key: String, value: String),
        configuration: Configuration = Configuration(), logger: Logger,
        now: @escaping @Sendable () -> Date = { Date.now }, deliver: @escaping Deliver
    ) {
        self.outbox = outbox
        self.noun = noun
        self.destination = destination
        self.configuration = configuration
        self.logger = logger
        self.now = now
        self.deliver = deliver
    }

    /// Polls until graceful shutdown or cancellation. A pass in hand finishes; only the wait between passes is cut.
    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                // A full pass means more is due: go again at once rather than deliver one batch a second.
                if try await self.deliverDue() == self.configuration.batchSize { continue }
            } catch {
                // Returning from run() would stop the whole service group: log and try again next pass.
                self.logger.error("\(self.noun) pass failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            let interval = self.configuration.pollInterval
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return                                           // cancelled or shutting down
            }
        }
    }

    /// One pass: leases what is due, sends it (different destinations concurrently, at most `concurrency` at
    /// once), and records each outcome. Returns how many callbacks were attempted.
    @discardableResult
    public func deliverDue() async throws -> Int {
        let start = self.now()
        let leaseUntil = start.addingTimeInterval(self.configuration.lease.seconds)
        let due = try await self.outbox.due(limit: self.configuration.batchSize, now: start, leaseUntil: leaseUntil)
        guard !due.isEmpty else { return 0 }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for delivery in due {
                if running == self.configuration.concurrency {
                    try await group.next()
                    running -= 1
                }
                group.addTask { try await self.attempt(delivery) }
                running += 1
            }
            try await group.waitForAll()
        }
        return due.count
    }

    /// Delivers one row and records the outcome. Only a failure to record throws.
    func attempt(_ delivery: CallbackDelivery) async throws {
        let failure = await self.deliver(delivery)
        let at = self.now()
        if let reason = failure {
            let attempts = delivery.attempts + 1
            let giveUp = attempts >= self.configuration.maxAttempts
            let wait = self.configuration.backoff.delay(afterAttempt: attempts)
            try await self.outbox.markFailed(
                id: delivery.id, error: reason, nextAttemptAt: at.addingTimeInterval(wait.seconds), giveUp: giveUp)
            var metadata = self.metadata(delivery)
            metadata["attempts"] = "\(attempts)"
            metadata["reason"] = "\(reason)"
            if giveUp {
                self.logger.error("\(self.noun) given up after the last attempt", metadata: metadata)
            } else {
                self.logger.info("\(self.noun) attempt failed; will retry", metadata: metadata)
            }
        } else {
            try await self.outbox.markDelivered(id: delivery.id, at: at)
            self.logger.debug("\(self.noun) delivered", metadata: self.metadata(delivery))
        }
    }

    /// A wallet callback: the signed POST. Nil when the wallet answered 2xx.
    static func post(_ delivery: CallbackDelivery, signer: CallbackSigner, httpClient: HTTPClient, timeout: Duration) async -> String? {
        guard let url = URL(string: delivery.url), let host = url.host, !host.isEmpty else {
            return "not a URL with a host"
        }
        let body = Array(delivery.body.utf8)
        // The wall clock, not the scheduling clock: wallets check freshness against theirs.
        let timestamp = Int64(Date.now.timeIntervalSince1970.rounded(.down))
        let signature = signer.signature(body: body, host: host, timestamp: timestamp)
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Signature", value: signature)
        // Deprecated but still read by older wallets; SEP-24 asks wallets to accept both while it exists.
        request.headers.add(name: "X-Stellar-Signature", value: signature)
        request.body = .bytes(body)
        do {
            let response = try await httpClient.execute(request, timeout: timeout.timeAmount)
            _ = try await response.body.collect(upTo: 64 * 1024)       // drain, so the connection can be reused
            guard (200..<300).contains(response.status.code) else { return "HTTP \(response.status.code)" }
            return nil
        } catch {
            return String(describing: error)
        }
    }

    /// Never the body: the transaction, the row and its `destination`.
    private func metadata(_ delivery: CallbackDelivery) -> Logger.Metadata {
        let (key, value) = self.destination(delivery)
        return ["transaction_id": "\(delivery.transactionID)", "outbox_id": "\(delivery.id)", key: "\(value)"]
    }
}
