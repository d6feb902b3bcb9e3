#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CapstanCore
import Logging
import Synchronization

/// The loaded plugin set: owns which plugin answers each hook and calls hooks on host threads,
/// each with a deadline. The only door from Swift into plugin code.
public final class PluginHost: Sendable {
    private struct Routing {
        var plugins: [LoadedPlugin]
        var owners: [PluginHook: LoadedPlugin]
    }

    private static let callIDs = Atomic<UInt64>(0)

    /// Plugins refused while loading, one line each, in load order.
    public let refusals: [PluginLoadError]
    /// What plugins can ask of the host through `host_call`; modules register their methods here.
    public let methods: HostMethods
    /// Behind a lock so a later reload can swap in new versions while calls go on.
    private let routing: Mutex<Routing>
    private let pool: PluginThreadPool
    private let deadline: Duration
    private let clock: @Sendable () -> Int64
    private let logger: Logger

    private init(routing: Routing, refusals: [PluginLoadError], methods: HostMethods, pool: PluginThreadPool, deadline: Duration,
                 clock: @escaping @Sendable () -> Int64, logger: Logger) {
        self.routing = Mutex(routing)
        self.refusals = refusals
        self.methods = methods
        self.pool = pool
        self.deadline = deadline
        self.clock = clock
        self.logger = logger
    }

    deinit {
        // Idle threads exit; plugins stay initialised (the image and their host tables live on).
        self.pool.stop()
    }

    /// Loads every plugin the configuration names. Refused plugins are logged and listed in
    /// `refusals`; the others load regardless, so one bad file does not take the anchor down.
    /// - Parameters:
    ///   - pluginConfiguration: a plugin's own config section as JSON, by plugin name (`[]` = none).
    ///   - clock: Unix milliseconds, as plugins see them in `now_unix_ms` and deadlines; the wall clock if nil.
    public static func load(
        _ configuration: PluginHostConfiguration,
        keyValueStore: any PluginKeyValueStore,
        pluginConfiguration: @escaping @Sendable (String) -> [UInt8] = { _ in [] },
        logger: Logger = Logger(label: "capstan.plugins"),
        clock: (@Sendable () -> Int64)? = nil
    ) async -> PluginHost {
        let clock = clock ?? SystemClock.nowUnixMilliseconds
        let pool = PluginThreadPool(maxThreads: configuration.maxThreads)
        let methods = HostMethods()
        let setLoader = PluginSetLoader(
            configuration: configuration, pool: pool, store: keyValueStore, methods: methods,
            pluginConfiguration: pluginConfiguration, clock: clock, logger: logger)
        // dlopen and init run plugin code, which may block: keep it off the cooperative pool.
        let (plugins, refusals) = await withCheckedContinuation { continuation in
            pool.submit { continuation.resume(returning: setLoader.load()) }
        }
        for refusal in refusals { logger.error("\(refusal.description)") }
        for plugin in plugins {
            logger.info("plugin loaded", metadata: [
                "name": "\(plugin.info.name)", "version": "\(plugin.info.version)", "file": "\(plugin.info.file)",
            ])
        }
        let owners = HookOwnership(order: configuration.order).owners(plugins)
        return PluginHost(
            routing: Routing(plugins: plugins, owners: owners), refusals: refusals, methods: methods, pool: pool,
            deadline: configuration.deadline, clock: clock, logger: logger)
    }

    /// Every loaded plugin, in load order.
    public var plugins: [PluginInfo] { self.routing.withLock { $0.plugins.map(\.info) } }

    /// The plugin that answers `hook`, if any.
    public func owner(of hook: PluginHook) -> PluginInfo? { self.routing.withLock { $0.owners[hook]?.info } }

    /// Calls the plugin that owns `hook` with a JSON request object.
    /// - Returns: the reply (a JSON object; `{}` if the plugin answered OK without replying), or
    ///   nil when no plugin implements the hook, so the caller uses its default.
    public func call(
        _ hook: PluginHook, json: [UInt8], idempotencyKey: String? = nil, deadline: Duration? = nil
    ) async throws(PluginCallError) -> [UInt8]? {
        guard let plugin = self.routing.withLock({ $0.owners[hook] }) else { return nil }
        let timeout = deadline ?? self.deadline
        let deadlineUnixMs = self.clock() + timeout.wholeMilliseconds
        let callID = Self.callIDs.wrappingAdd(1, ordering: .relaxed).newValue
        plugin.inFlight.withLock { $0 += 1 }
        let outcome = await withCheckedContinuation { continuation in
            let gate = CallGate(continuation)
            plugin.executor.submit {
                let (status, reply) = plugin.invoke(
                    hook, request: json, callID: callID, deadlineUnixMs: deadlineUnixMs, idempotencyKey: idempotencyKey)
                plugin.inFlight.withLock { $0 -= 1 }
                gate.finish(.answered(status: status, reply: reply))
            }
            gate.arm(timeout)
        }
        switch outcome {
        case .timedOut:
            self.logger.warning("plugin hook deadline exceeded", metadata: [
                "plugin": "\(plugin.info.name)", "hook": "\(hook.rawValue)", "call_id": "\(callID)",
            ])
            throw .deadlineExceeded
        case .answered(let status, let reply):
            do {
                return try PluginReply.interpret(status: status, reply: reply)
            } catch {
                if case .malformedResponse = error {
                    self.logger.error("plugin reply is not a UTF-8 JSON object", metadata: [
                        "plugin": "\(plugin.info.name)", "hook": "\(hook.rawValue)", "call_id": "\(callID)",
                    ])
                }
                throw error
            }
        }
    }

    /// Calls `hook` with an `Encodable` request and decodes the reply as `Response`.
    /// - Returns: nil when no plugin implements the hook.
    public func call<Request: Encodable, Response: Decodable>(
        _ hook: PluginHook, _ request: Request, as response: Response.Type, idempotencyKey: String? = nil
    ) async throws(PluginCallError) -> Response? {
        let json: [UInt8]
        do { json = Array(try JSONEncoder().encode(request)) } catch {
            throw .fatal(message: "the host could not encode the \(hook.rawValue) request")
        }
        guard let reply = try await self.call(hook, json: json, idempotencyKey: idempotencyKey) else { return nil }
        do { return try JSONDecoder().decode(Response.self, from: Data(reply)) } catch {
            self.logger.error("plugin reply does not match the hook's schema", metadata: [
                "hook": "\(hook.rawValue)", "error": "\(String(reflecting: error))",
            ])
            throw .malformedResponse
        }
    }

    /// Stops routing calls, waits for calls in flight (up to the deadline plus a second), then
    /// calls each plugin's shutdown. Images stay mapped. A plugin with calls still stuck is not
    /// shut down: the header promises shutdown never overlaps a call.
    public func shutdown() async {
        let plugins = self.routing.withLock { routing in
            defer { routing = Routing(plugins: [], owners: [:]) }
            return routing.plugins
        }
        let limit = ContinuousClock.now + self.deadline + .seconds(1)
        for plugin in plugins {
            while plugin.inFlight.withLock({ $0 }) > 0, ContinuousClock.now < limit {
                try? await Task.sleep(for: .milliseconds(10))
            }
            let stuck = plugin.inFlight.withLock { $0 }
            guard stuck == 0 else {
                self.logger.error("plugin not shut down: calls still running", metadata: [
                    "plugin": "\(plugin.info.name)", "calls": "\(stuck)",
                ])
                continue
            }
            await withCheckedContinuation { continuation in
                plugin.executor.submit {
                    plugin.shutdownNow()
                    continuation.resume()
                }
            }
        }
        self.pool.stop()
    }
}
