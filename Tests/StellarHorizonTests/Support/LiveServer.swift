import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
@testable import CapstanDevnet

/// An HTTP application on a real loopback port that a test can stop and start again on the same port, the way a
/// Horizon behind a load balancer goes away and comes back.
final class LiveServer: Sendable {
    typealias Build = @Sendable (_ port: Int, _ onListening: @escaping @Sendable (String) -> Void) -> any Service

    private struct Running {
        var group: ServiceGroup
        var task: Task<Void, any Error>
    }

    private let build: Build
    private let running = Mutex<Running?>(nil)
    private let address = Mutex<(url: String, port: Int)?>(nil)

    init(build: @escaping Build) {
        self.build = build
    }

    /// A devnet whose submissions each close a ledger.
    static func devnet(_ ledger: DevnetLedger) -> LiveServer {
        LiveServer { port, onListening in
            DevnetServer.application(
                ledger: ledger, configuration: DevnetConfiguration(port: port, ledgerInterval: .zero), logger: Logger(label: "devnet-test"),
                onListening: onListening
            )
        }
    }

    /// A Hummingbird router serving canned answers.
    static func router(_ configure: @escaping @Sendable (Router<BasicRequestContext>) -> Void) -> LiveServer {
        LiveServer { port, onListening in
            let router = Router(context: BasicRequestContext.self)
            configure(router)
            return Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                onServerRunning: { channel in onListening("http://127.0.0.1:\(channel.localAddress?.port ?? port)") },
                logger: Logger(label: "fixture-server")
            )
        }
    }

    var url: String { self.address.withLock { $0?.url ?? "" } }

    /// Starts on a free port the first time, on the same port after `stop()`.
    @discardableResult
    func start() async throws -> String {
        let port = self.address.withLock { $0?.port ?? 0 }
        let (urls, continuation) = AsyncStream<String>.makeStream()
        let service = self.build(port) { continuation.yield($0) }
        var logger = Logger(label: "live-server")
        logger.logLevel = .critical
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        let task = Task { try await group.run() }
        self.running.withLock { $0 = Running(group: group, task: task) }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next(), let port = url.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw LiveServerError.didNotStart
        }
        self.address.withLock { $0 = (url, port) }
        return url
    }

    /// Shuts down gracefully (streams get `byebye`), or cancels after two seconds.
    func stop() async {
        guard let running = self.running.withLock({ state in defer { state = nil }; return state }) else { return }
        await running.group.triggerGracefulShutdown()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(2))
            running.task.cancel()
        }
        _ = try? await running.task.value
        watchdog.cancel()
    }
}

enum LiveServerError: Error {
    case didNotStart
}
