#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CCapstanPlugin

/// One initialised instance: which plugin, and the host table init received.
///
/// `@unchecked Sendable`: immutable; the host table stays valid until shutdown returns.
final class PluginInstance: @unchecked Sendable {
    let plugin: CapstanPlugin
    let api: UnsafePointer<capstan_host_api>

    init(plugin: CapstanPlugin, api: UnsafePointer<capstan_host_api>) {
        self.plugin = plugin
        self.api = api
    }
}

/// The C side of the kit: every function the host calls lands here, and nothing thrown may
/// cross back into C, so each path ends in a status code.
enum HookDispatch {
    static func initialize(
        _ api: UnsafePointer<capstan_host_api>?, _ config: UnsafePointer<UInt8>?, _ length: Int,
        _ instanceOut: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
    ) -> Int32 {
        guard let api, let instanceOut, let plugin = PluginRegistry.current.withLock({ $0 }) else { return CAPSTAN_FATAL }
        let instance = PluginInstance(plugin: plugin, api: api)
        let host = HostServices(api: api, call: nil)
        let configuration = config.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
        do {
            try plugin.hooks.initializer?(configuration, host)
        } catch let failure as PluginFailure {
            host.log(.error, failure.body.error)
            return failure.status
        } catch {
            host.log(.error, "initialisation failed: \(error)")
            return CAPSTAN_FATAL
        }
        instanceOut.pointee = Unmanaged.passRetained(instance).toOpaque()
        return CAPSTAN_OK
    }

    static func shutdown(_ instance: UnsafeMutableRawPointer?) {
        guard let instance else { return }
        let state = Unmanaged<PluginInstance>.fromOpaque(instance).takeRetainedValue()
        state.plugin.hooks.finalizer?()
    }

    static func run(_ hook: PluginHook, _ instance: UnsafeMutableRawPointer?, _ call: UnsafePointer<capstan_call>?) -> Int32 {
        guard let instance, let call else { return CAPSTAN_FATAL }
        let state = Unmanaged<PluginInstance>.fromOpaque(instance).takeUnretainedValue()
        guard let handler = state.plugin.hooks.handlers[hook] else { return CAPSTAN_UNIMPLEMENTED }
        let fields = call.pointee
        let request = fields.request.map { Array(UnsafeBufferPointer(start: $0, count: fields.request_len)) } ?? []
        let info = CallInfo(
            callID: fields.call_id, deadlineUnixMilliseconds: fields.deadline_unix_ms,
            idempotencyKey: fields.idempotency_key.map { String(cString: $0) })
        let host = HostServices(api: state.api, call: info)

        let status: Int32
        let reply: [UInt8]
        do {
            reply = try handler(request, host)
            status = CAPSTAN_OK
        } catch let failure as PluginFailure {
            status = failure.status
            reply = encode(failure.body)
        } catch {
            host.log(.error, "hook \(hook.rawValue) failed: \(String(reflecting: error))")
            status = CAPSTAN_FATAL
            reply = encode(PluginFailure.ErrorBody(error: "internal error", fields: nil))
        }
        reply.withUnsafeBufferPointer { _ = fields.reply?(call, $0.baseAddress, $0.count) }
        return status
    }

    private static func encode(_ body: PluginFailure.ErrorBody) -> [UInt8] {
        (try? JSONEncoder().encode(body)).map { Array($0) } ?? Array(#"{"error":"internal error"}"#.utf8)
    }
}
