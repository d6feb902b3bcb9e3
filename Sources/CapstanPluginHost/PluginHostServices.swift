import CCapstanPlugin
import CapstanCore
import Dispatch
import Logging
import Synchronization

/// The host side of one plugin instance, which the plugin sees as `capstan_host *`: the C service
/// callbacks land here and reach swift-log, the `PluginKeyValueStore` and the clock.
final class PluginHostServices: Sendable {
    static let maxKeyBytes = 256
    static let maxValueBytes = 1 << 20
    /// A store that answers slower than this is reported to the plugin as TRANSIENT.
    static let storeTimeout: DispatchTimeInterval = .seconds(30)

    let pluginName: String
    let logger: Logger
    private let store: any PluginKeyValueStore
    private let clock: @Sendable () -> Int64
    private let methods: HostMethods
    /// While init runs: the last warning-or-worse line, quoted in the refusal if init fails.
    private let initLog = Mutex<(capturing: Bool, lastWarning: String?)>((false, nil))

    init(pluginName: String, logger: Logger, store: any PluginKeyValueStore, methods: HostMethods, clock: @escaping @Sendable () -> Int64) {
        self.pluginName = pluginName
        self.logger = logger
        self.store = store
        self.methods = methods
        self.clock = clock
    }

    func now() -> Int64 { self.clock() }

    func beginInitCapture() { self.initLog.withLock { $0 = (true, nil) } }

    /// Stops capturing and returns the last warning-or-worse message logged during init.
    func endInitCapture() -> String? {
        self.initLog.withLock { state in
            defer { state = (false, nil) }
            return state.lastWarning
        }
    }

    func log(level: Int32, message: String) {
        let swiftLevel: Logger.Level = switch level {
        case ...CAPSTAN_LOG_TRACE: .trace
        case CAPSTAN_LOG_DEBUG: .debug
        case CAPSTAN_LOG_INFO: .info
        case CAPSTAN_LOG_NOTICE: .notice
        case CAPSTAN_LOG_WARNING: .warning
        case CAPSTAN_LOG_ERROR: .error
        default: .critical
        }
        if swiftLevel >= .warning {
            self.initLog.withLock { state in if state.capturing { state.lastWarning = message } }
        }
        self.logger.log(level: swiftLevel, "\(message)")
    }

    func value(forKey key: String) -> Result<[UInt8]?, KeyValueFailure> {
        self.blocking { [store, pluginName] in try await store.value(plugin: pluginName, key: key) }
    }

    func setValue(_ value: [UInt8], forKey key: String) -> Result<Void, KeyValueFailure> {
        self.blocking { [store, pluginName] in try await store.setValue(value, plugin: pluginName, key: key) }
    }

    func removeValue(forKey key: String) -> Result<Void, KeyValueFailure> {
        self.blocking { [store, pluginName] in try await store.removeValue(plugin: pluginName, key: key) }
    }

    /// Runs a registered host method; nil when no module registered `name`.
    func call(method name: String, request: [UInt8]) -> Result<[UInt8], HostMethodFailure>? {
        guard let handler = self.methods.handler(for: name) else { return nil }
        let logger = self.logger
        let outcome: Result<Result<[UInt8], HostMethodFailure>, KeyValueFailure> = self.blocking { [pluginName] in
            let result: Result<[UInt8], HostMethodError> = await Self.run(handler, pluginName, request)
            if case .failure(let error) = result {
                logger.warning("host_call refused", metadata: ["method": "\(name)", "reason": "\(error)"])
            }
            return result.mapError(HostMethodFailure.init)
        }
        switch outcome {
        case .success(let result): return result
        case .failure: return .failure(.transient)
        }
    }

    private static func run(_ handler: HostMethods.Handler, _ plugin: String, _ request: [UInt8]) async -> Result<[UInt8], HostMethodError> {
        do throws(HostMethodError) { return .success(try await handler(plugin, request)) } catch { return .failure(error) }
    }

    /// The C call is synchronous and runs on a host plugin thread (or one of the plugin's own),
    /// never on the cooperative pool, so waiting here for the async store cannot starve that pool.
    private func blocking<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) -> Result<T, KeyValueFailure> {
        let outcome = Mutex<Result<T, KeyValueFailure>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let logger = self.logger
        Task {
            let result: Result<T, KeyValueFailure>
            do { result = .success(try await operation()) } catch {
                logger.error("plugin key-value store failed", metadata: ["error": "\(String(reflecting: error))"])
                result = .failure(.unavailable)
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        guard done.wait(timeout: .now() + Self.storeTimeout) == .success else { return .failure(.unavailable) }
        return outcome.withLock { $0 } ?? .failure(.unavailable)
    }

    /// The `capstan_host_api` table for this instance. Deliberately never freed: the plugin may keep
    /// the pointer until shutdown, and its image, which may hold it in globals, is never unmapped.
    func makeAPI() -> UnsafePointer<capstan_host_api> {
        var api = capstan_host_api()
        api.struct_size = UInt32(MemoryLayout<capstan_host_api>.size)
        api.abi_major = UInt16(CAPSTAN_PLUGIN_ABI_MAJOR)
        api.abi_minor = UInt16(CAPSTAN_PLUGIN_ABI_MINOR)
        api.host = OpaquePointer(Unmanaged.passRetained(self).toOpaque())
        api.log = { host, level, message, length in
            guard let services = PluginHostServices.from(host) else { return }
            services.log(level: level, message: decodeText(message, length) ?? "<invalid UTF-8>")
        }
        api.kv_get = { host, key, keyLength, sink, sinkContext in
            guard let services = PluginHostServices.from(host) else { return CAPSTAN_INVALID }
            guard let key = validKey(key, keyLength) else { return CAPSTAN_INVALID }
            switch services.value(forKey: key) {
            case .success(let value?):
                value.withUnsafeBufferPointer { sink?(sinkContext, $0.baseAddress, $0.count) }
                return CAPSTAN_OK
            case .success(nil): return CAPSTAN_NOT_FOUND
            case .failure(let failure): return failure.status
            }
        }
        api.kv_put = { host, key, keyLength, value, valueLength in
            guard let services = PluginHostServices.from(host) else { return CAPSTAN_INVALID }
            guard let key = validKey(key, keyLength), valueLength <= PluginHostServices.maxValueBytes,
                value != nil || valueLength == 0
            else { return CAPSTAN_INVALID }
            let bytes = value.map { Array(UnsafeBufferPointer(start: $0, count: valueLength)) } ?? []
            return services.setValue(bytes, forKey: key).status
        }
        api.kv_delete = { host, key, keyLength in
            guard let services = PluginHostServices.from(host) else { return CAPSTAN_INVALID }
            guard let key = validKey(key, keyLength) else { return CAPSTAN_INVALID }
            return services.removeValue(forKey: key).status
        }
        api.now_unix_ms = { host in PluginHostServices.from(host)?.now() ?? 0 }
        api.host_call = { host, method, json, length, sink, sinkContext in
            guard let services = PluginHostServices.from(host), let method else { return CAPSTAN_INVALID }
            guard json != nil || length == 0, length <= PluginHostServices.maxValueBytes else { return CAPSTAN_INVALID }
            let request = json.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
            switch services.call(method: String(cString: method), request: request) {
            case nil: return CAPSTAN_UNIMPLEMENTED
            case .success(let reply)?:
                reply.withUnsafeBufferPointer { sink?(sinkContext, $0.baseAddress, $0.count) }
                return CAPSTAN_OK
            case .failure(let failure)?: return failure.status
            }
        }
        let table = UnsafeMutablePointer<capstan_host_api>.allocate(capacity: 1)
        table.initialize(to: api)
        return UnsafePointer(table)
    }

    fileprivate static func from(_ host: OpaquePointer?) -> PluginHostServices? {
        guard let host else { return nil }
        return Unmanaged<PluginHostServices>.fromOpaque(UnsafeRawPointer(host)).takeUnretainedValue()
    }
}

/// Why a host method call failed, as the plugin will see it.
enum HostMethodFailure: Error {
    case invalid, notFound, transient

    init(_ error: HostMethodError) {
        switch error {
        case .invalid: self = .invalid
        case .notFound: self = .notFound
        case .transient: self = .transient
        }
    }

    var status: Int32 {
        switch self {
        case .invalid: CAPSTAN_INVALID
        case .notFound: CAPSTAN_NOT_FOUND
        case .transient: CAPSTAN_TRANSIENT
        }
    }
}

/// Why a key-value call failed, as the plugin will see it.
enum KeyValueFailure: Error {
    case unavailable

    var status: Int32 { CAPSTAN_TRANSIENT }
}

extension Result where Success == Void, Failure == KeyValueFailure {
    fileprivate var status: Int32 {
        switch self {
        case .success: CAPSTAN_OK
        case .failure(let failure): failure.status
        }
    }
}

private func decodeText(_ pointer: UnsafePointer<CChar>?, _ length: Int) -> String? {
    guard let pointer else { return length == 0 ? "" : nil }
    return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(validating: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
}

private func validKey(_ pointer: UnsafePointer<CChar>?, _ length: Int) -> String? {
    guard length > 0, length <= PluginHostServices.maxKeyBytes else { return nil }
    return decodeText(pointer, length)
}
