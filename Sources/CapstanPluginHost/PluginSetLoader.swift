import CCapstanPlugin
import CapstanCore
import Logging

/// Loads a set of plugin files: each file's own checks, then the checks across the set (unique
/// names, hook ownership), then init. Ownership is settled before init so that a plugin about to
/// be refused never runs its init (which may start threads or open connections).
struct PluginSetLoader {
    let configuration: PluginHostConfiguration
    let pool: PluginThreadPool
    let store: any PluginKeyValueStore
    let methods: HostMethods
    let pluginConfiguration: @Sendable (String) -> [UInt8]
    let clock: @Sendable () -> Int64
    let logger: Logger

    /// Must run on a host plugin thread: it runs plugin code (constructors, entry, init).
    func load() -> (plugins: [LoadedPlugin], refusals: [PluginLoadError]) {
        let loader = PluginLoader(runtimeDirectory: self.configuration.runtimeDirectory)
        let ownership = HookOwnership(order: self.configuration.order)
        var refusals: [PluginLoadError] = []
        var accepted: [PluginCandidate] = []
        for path in PluginLoader.pluginFiles(directory: self.configuration.directory, paths: self.configuration.paths) {
            switch loader.open(path) {
            case .failure(let refusal):
                refusals.append(refusal)
            case .success(let candidate):
                if let other = accepted.first(where: { $0.name == candidate.name }) {
                    refusals.append(PluginLoadError(path: path, reason: "name '\(candidate.name)' is already used by \(other.path)"))
                } else if let (hook, other) = ownership.conflict(of: candidate, with: accepted) {
                    refusals.append(PluginLoadError(
                        path: path,
                        reason: "hook '\(hook.rawValue)' is implemented by both '\(other.name)' (\(other.path)) and "
                            + "'\(candidate.name)' (\(candidate.path)); list one first in plugins.order"))
                } else {
                    accepted.append(candidate)
                }
            }
        }
        var plugins: [LoadedPlugin] = []
        for candidate in accepted {
            switch self.initialise(candidate) {
            case .success(let plugin): plugins.append(plugin)
            case .failure(let refusal): refusals.append(refusal)
            }
        }
        return (plugins, refusals)
    }

    private func initialise(_ candidate: PluginCandidate) -> Result<LoadedPlugin, PluginLoadError> {
        var logger = Logger(label: "capstan.plugin.\(candidate.name)")
        logger.logLevel = self.logger.logLevel
        let services = PluginHostServices(pluginName: candidate.name, logger: logger, store: self.store, methods: self.methods, clock: self.clock)
        var instance: UnsafeMutableRawPointer?
        if let initFunction = candidate.initFunction {
            var config = self.pluginConfiguration(candidate.name)
            if config.isEmpty { config = Array("{}".utf8) }
            let api = services.makeAPI()
            services.beginInitCapture()
            let status = config.withUnsafeBufferPointer { initFunction(api, $0.baseAddress, $0.count, &instance) }
            let message = services.endInitCapture()
            guard status == CAPSTAN_OK else {
                var reason = "init failed with status \(status) (\(statusName(status)))"
                if let message, !message.isEmpty { reason += ": " + message }
                return .failure(PluginLoadError(path: candidate.path, reason: reason))
            }
        }
        let executor: PluginExecutor = candidate.serial ? .serial(SerialLane(pool: self.pool)) : .concurrent(self.pool)
        return .success(LoadedPlugin(
            info: candidate.info, services: services, executor: executor, instance: instance,
            hooks: candidate.hooks, shutdown: candidate.shutdownFunction))
    }
}

/// The header's name for a status code, for messages.
func statusName(_ status: Int32) -> String {
    switch status {
    case CAPSTAN_OK: "OK"
    case CAPSTAN_INVALID: "INVALID"
    case CAPSTAN_NOT_FOUND: "NOT_FOUND"
    case CAPSTAN_UNIMPLEMENTED: "UNIMPLEMENTED"
    case CAPSTAN_TRANSIENT: "TRANSIENT"
    case CAPSTAN_FATAL: "FATAL"
    default: "unknown"
    }
}
