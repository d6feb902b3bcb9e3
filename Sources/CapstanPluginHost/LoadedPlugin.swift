import CCapstanPlugin
import Synchronization

/// An initialised plugin instance: its hook functions, the instance pointer from init, and where
/// its calls run.
///
/// `@unchecked Sendable`: every stored property is immutable after init except `inFlight` (a
/// `Mutex`); the C pointers point into an image the host never unloads; the header promises the
/// hooks are thread-safe unless the plugin is serial, and then `executor` is a `SerialLane`.
final class LoadedPlugin: @unchecked Sendable {
    typealias ShutdownFunction = @convention(c) (UnsafeMutableRawPointer?) -> Void

    let info: PluginInfo
    let services: PluginHostServices
    let executor: PluginExecutor
    private let instance: UnsafeMutableRawPointer?
    private let hooks: [PluginHook: capstan_hook_fn]
    private let shutdownFunction: ShutdownFunction?
    /// Calls submitted and not yet returned from the plugin (timed-out ones included).
    let inFlight = Mutex(0)

    init(
        info: PluginInfo, services: PluginHostServices, executor: PluginExecutor,
        instance: UnsafeMutableRawPointer?, hooks: [PluginHook: capstan_hook_fn], shutdown: ShutdownFunction?
    ) {
        self.info = info
        self.services = services
        self.executor = executor
        self.instance = instance
        self.hooks = hooks
        self.shutdownFunction = shutdown
    }

    func implements(_ hook: PluginHook) -> Bool { self.hooks[hook] != nil }

    /// Calls the hook on the current (host plugin) thread and returns its status and reply.
    func invoke(_ hook: PluginHook, request: [UInt8], callID: UInt64, deadlineUnixMs: Int64, idempotencyKey: String?)
        -> (status: Int32, reply: [UInt8]?)
    {
        guard let function = self.hooks[hook] else { return (CAPSTAN_UNIMPLEMENTED, nil) }
        let box = ReplyBox()
        let context = Unmanaged.passRetained(box)
        defer { context.release() }
        let status = hook.rawValue.withCString { hookName in
            withOptionalCString(idempotencyKey) { key in
                request.withUnsafeBufferPointer { requestBytes in
                    var call = capstan_call()
                    call.struct_size = UInt32(MemoryLayout<capstan_call>.size)
                    call.call_id = callID
                    call.hook = hookName
                    call.request = requestBytes.baseAddress
                    call.request_len = requestBytes.count
                    call.deadline_unix_ms = deadlineUnixMs
                    call.idempotency_key = key
                    call.host_context = context.toOpaque()
                    call.reply = { call, json, length in
                        guard let context = call?.pointee.host_context else { return CAPSTAN_INVALID }
                        let bytes = json.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
                        let box = Unmanaged<ReplyBox>.fromOpaque(context).takeUnretainedValue()
                        return box.store(bytes) ? CAPSTAN_OK : CAPSTAN_INVALID
                    }
                    return withUnsafePointer(to: &call) { function(self.instance, $0) }
                }
            }
        }
        return (status, box.take())
    }

    /// Runs the plugin's shutdown on the current (host plugin) thread.
    func shutdownNow() {
        self.shutdownFunction?(self.instance)
    }
}

/// Holds the one reply a hook may give; the reply callback copies into it.
final class ReplyBox: Sendable {
    private let bytes = Mutex<(answered: Bool, reply: [UInt8]?)>((false, nil))

    /// False when the call was already answered: the header allows one reply per call.
    func store(_ reply: [UInt8]) -> Bool {
        self.bytes.withLock { state in
            if state.answered { return false }
            state = (true, reply)
            return true
        }
    }

    func take() -> [UInt8]? { self.bytes.withLock { $0.reply } }
}

private func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}
