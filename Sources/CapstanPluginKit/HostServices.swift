#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CCapstanPlugin

/// The host's services as a handler sees them: logging, the durable per-plugin key-value store,
/// the host clock, and which call is running.
///
/// Calls block the current thread until the host answers; handlers run on host threads where
/// that is fine. Do not call these from Swift concurrency code (a `Task`): blocking a thread of
/// the cooperative pool while the host's store needs that pool can deadlock.
///
/// `@unchecked Sendable`: the host table it points to is immutable and stays valid until the
/// plugin's shutdown returns, and every host function is thread-safe (see the header).
public struct HostServices: @unchecked Sendable {
    private let api: UnsafePointer<capstan_host_api>
    /// The hook call being answered; nil during `initialize`.
    public let call: CallInfo?

    init(api: UnsafePointer<capstan_host_api>, call: CallInfo?) {
        self.api = api
        self.call = call
    }

    /// Logs under the label `capstan.plugin.<name>`. In `initialize`, the last warning or worse is
    /// quoted in the host's refusal if initialisation fails.
    public func log(_ level: LogLevel, _ message: String) {
        guard let log = self.function(\.log) else { return }
        var text = message
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { log(self.api.pointee.host, level.rawValue, $0.baseAddress, $0.count) }
        }
    }

    /// The value stored under `key` for this plugin, or nil.
    public func value(forKey key: String) throws(PluginFailure) -> [UInt8]? {
        guard let get = self.function(\.kv_get) else { throw .transient("the host has no key-value store") }
        var found: [UInt8]?
        let status = withKey(key) { keyPointer, keyLength in
            withUnsafeMutablePointer(to: &found) { slot in
                get(self.api.pointee.host, keyPointer, keyLength, { context, bytes, length in
                    guard let context else { return }
                    let slot = context.assumingMemoryBound(to: [UInt8]?.self)
                    slot.pointee = bytes.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
                }, slot)
            }
        }
        if status == CAPSTAN_NOT_FOUND { return nil }
        try Self.check(status, doing: "read")
        return found
    }

    /// Stores `value` under `key`, replacing any previous value (at most 1 MiB).
    public func setValue(_ value: [UInt8], forKey key: String) throws(PluginFailure) {
        guard let put = self.function(\.kv_put) else { throw .transient("the host has no key-value store") }
        let status = withKey(key) { keyPointer, keyLength in
            value.withUnsafeBufferPointer { put(self.api.pointee.host, keyPointer, keyLength, $0.baseAddress, $0.count) }
        }
        try Self.check(status, doing: "write")
    }

    /// Removes `key`; removing an absent key is not an error.
    public func removeValue(forKey key: String) throws(PluginFailure) {
        guard let delete = self.function(\.kv_delete) else { throw .transient("the host has no key-value store") }
        let status = withKey(key) { delete(self.api.pointee.host, $0, $1) }
        try Self.check(status, doing: "delete")
    }

    /// The value under `key` decoded from JSON, or nil when absent.
    public func value<Value: Decodable>(_ type: Value.Type, forKey key: String) throws(PluginFailure) -> Value? {
        guard let bytes = try self.value(forKey: key) else { return nil }
        do { return try JSONDecoder().decode(Value.self, from: Data(bytes)) } catch {
            throw .fatal("stored value for '\(key)' is not a valid \(Value.self)")
        }
    }

    /// Stores `value` under `key` as JSON.
    public func setValue<Value: Encodable>(_ value: Value, forKey key: String) throws(PluginFailure) {
        let bytes: [UInt8]
        do { bytes = Array(try JSONEncoder().encode(value)) } catch { throw .fatal("cannot encode value for '\(key)'") }
        try self.setValue(bytes, forKey: key)
    }

    /// Calls a host method (`host_call`) with a JSON request and returns the reply's JSON bytes, or nil when this
    /// host does not know the method (an older host, or the module that serves it is disabled).
    public func call(method: String, json: [UInt8]) throws(PluginFailure) -> [UInt8]? {
        guard let hostCall = self.function(\.host_call) else { return nil }
        var reply: [UInt8] = []
        let status = method.withCString { name in
            json.withUnsafeBufferPointer { request in
                withUnsafeMutablePointer(to: &reply) { slot in
                    hostCall(self.api.pointee.host, name, request.baseAddress, request.count, { context, bytes, length in
                        guard let context else { return }
                        context.assumingMemoryBound(to: [UInt8].self).pointee = bytes.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
                    }, slot)
                }
            }
        }
        switch status {
        case CAPSTAN_OK: return reply
        case CAPSTAN_UNIMPLEMENTED: return nil
        case CAPSTAN_INVALID: throw .fatal("host_call \(method) refused the request")
        case CAPSTAN_NOT_FOUND: throw .notFound("host_call \(method): not found")
        default: throw .transient("host_call \(method) failed (status \(status))")
        }
    }

    /// `call(method:json:)` with Codable request and reply.
    public func call<Request: Encodable, Reply: Decodable>(method: String, _ request: Request, as type: Reply.Type) throws(PluginFailure) -> Reply? {
        let bytes: [UInt8]
        do { bytes = Array(try JSONEncoder().encode(request)) } catch { throw .fatal("cannot encode the \(method) request") }
        guard let reply = try self.call(method: method, json: bytes) else { return nil }
        do { return try JSONDecoder().decode(Reply.self, from: Data(reply)) } catch {
            throw .fatal("the host's \(method) reply is not a valid \(Reply.self)")
        }
    }

    /// The host's clock in Unix milliseconds (fixed in tests that fix it).
    public var nowUnixMilliseconds: Int64 {
        self.function(\.now_unix_ms).map { $0(self.api.pointee.host) } ?? 0
    }

    /// A host function, or nil when the host's table predates it (an older minor).
    private func function<Function>(_ field: KeyPath<capstan_host_api, Function?>) -> Function? {
        guard let offset = MemoryLayout<capstan_host_api>.offset(of: field),
            offset + MemoryLayout<Function?>.size <= Int(self.api.pointee.struct_size)
        else { return nil }
        return self.api.pointee[keyPath: field]
    }

    private static func check(_ status: Int32, doing action: String) throws(PluginFailure) {
        switch status {
        case CAPSTAN_OK: return
        case CAPSTAN_INVALID: throw .fatal("key-value \(action) refused: bad key or value")
        default: throw .transient("key-value \(action) failed (status \(status))")
        }
    }
}

private func withKey<R>(_ key: String, _ body: (UnsafePointer<CChar>?, Int) -> R) -> R {
    var key = key
    return key.withUTF8 { bytes in bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress, $0.count) } }
}

/// Which hook call a handler is answering.
public struct CallInfo: Sendable {
    /// Unique per host process; quote it in logs.
    public let callID: UInt64
    /// The host stops waiting at this Unix-millisecond time.
    public let deadlineUnixMilliseconds: Int64
    /// Set for side-effecting hooks (`rails_send_payout`); repeats when the host retries the same step.
    public let idempotencyKey: String?
}

/// Log levels of `capstan_host_api.log`, the same as swift-log's.
public enum LogLevel: Int32, Sendable {
    case trace = 0, debug, info, notice, warning, error, critical
}
