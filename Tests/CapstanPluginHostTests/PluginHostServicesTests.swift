import CapstanCore
import CapstanPluginHost
import Foundation
import Testing

/// The host services a plugin calls back into: key-value store, clock, config, host_call.
@Suite struct PluginHostServicesTests {
    @Test func keyValueRoundTripsAndIsNamespacedPerPlugin() async throws {
        let store = InMemoryPluginKeyValueStore()
        let alpha = try await TestPlugins.probe("kv-alpha", [#"PLUGIN_NAME="alpha""#, "HOOK_CUSTOMER_GET"])
        let beta = try await TestPlugins.probe("kv-beta", [#"PLUGIN_NAME="beta""#, "HOOK_CUSTOMER_PUT"])
        let host = try await TestPlugins.host([alpha, beta], store: store)
        #expect(host.refusals.isEmpty)

        #expect(try await host.callJSON(.customerGet, #"{"mode":"kv_put","key":"customer:1","value":"from-alpha"}"#) == [:])
        #expect(try await host.callJSON(.customerPut, #"{"mode":"kv_put","key":"customer:1","value":"from-beta"}"#) == [:])
        #expect(await store.value(plugin: "alpha", key: "customer:1") == Array("from-alpha".utf8))
        #expect(await store.value(plugin: "beta", key: "customer:1") == Array("from-beta".utf8))

        #expect(try await host.callJSON(.customerGet, #"{"mode":"kv_get","key":"customer:1"}"#) == ["value": .string("from-alpha")])
        #expect(try await host.callJSON(.customerPut, #"{"mode":"kv_get","key":"customer:1"}"#) == ["value": .string("from-beta")])

        #expect(try await host.callJSON(.customerGet, #"{"mode":"kv_delete","key":"customer:1"}"#) == [:])
        #expect(await store.value(plugin: "alpha", key: "customer:1") == nil)
        #expect(await store.value(plugin: "beta", key: "customer:1") == Array("from-beta".utf8))
        await #expect(throws: PluginCallError.notFound(message: "not found")) {
            try await host.callJSON(.customerGet, #"{"mode":"kv_get","key":"customer:1"}"#)
        }
    }

    @Test func badKeysAreRefusedAsInvalid() async throws {
        let host = try await TestPlugins.host([try await TestPlugins.probe("probe", ["HOOK_TOML", "HOOK_FEE", "HOOK_SEND_PAYOUT"])])
        await #expect(throws: PluginCallError.invalid(message: "invalid request", fields: [:])) {
            try await host.callJSON(.toml, #"{"mode":"kv_put","key":"","value":"x"}"#)
        }
    }

    @Test func failingStoreIsTransient() async throws {
        let host = try await TestPlugins.host(
            [try await TestPlugins.probe("probe", ["HOOK_TOML", "HOOK_FEE", "HOOK_SEND_PAYOUT"])], store: FailingStore())
        await #expect(throws: PluginCallError.transient(message: "temporarily unavailable")) {
            try await host.callJSON(.toml, #"{"mode":"kv_get","key":"k"}"#)
        }
    }

    @Test func clockConfigHostCallAndCallFields() async throws {
        let path = try await TestPlugins.probe("probe", ["HOOK_TOML", "HOOK_FEE", "HOOK_SEND_PAYOUT"])
        let host = try await TestPlugins.host(
            [path], deadline: .seconds(3),
            configuration: { name in name == "probe" ? Array(#"{"greeting":"hi"}"#.utf8) : [] },
            clock: { 1_700_000_000_000 })
        let reply = try await host.callJSON(.railsSendPayout, #"{"mode":"services"}"#, idempotencyKey: "tx-1:payout:0")
        #expect(reply?["now"] == .integer(1_700_000_000_000))
        #expect(reply?["deadline"] == .integer(1_700_000_003_000))
        #expect(reply?["host_call"] == .integer(3))
        #expect(reply?["idempotency_key"] == .string("tx-1:payout:0"))
        #expect(reply?["config"] == .other(#"["greeting": "hi"]"#))
    }

    @Test func hostCallReachesRegisteredMethodsWithTheirOutcome() async throws {
        let host = try await TestPlugins.host([try await TestPlugins.probe("probe", ["HOOK_TOML", "HOOK_FEE", "HOOK_SEND_PAYOUT"])])
        // Registered after load, as SEP-12 does: plugins see the method from then on.
        host.methods.register("test.echo") { plugin, request throws(HostMethodError) in
            let value = (try? JSONDecoder().decode([String: String].self, from: Data(request)))?["value"]
            if value == "missing" { throw .notFound("no such thing") }
            if value == "bad" { throw .invalid("bad request") }
            return Array(#"{"echo":"\#(plugin):\#(value ?? "?")"}"#.utf8)
        }
        let ok = try await host.callJSON(.toml, #"{"mode":"host_call","key":"test.echo","value":"hi"}"#)
        #expect(ok?["status"] == .integer(0))
        #expect(ok?["answer"] == .other(#"["echo": "probe:hi"]"#))
        let missing = try await host.callJSON(.toml, #"{"mode":"host_call","key":"test.echo","value":"missing"}"#)
        #expect(missing?["status"] == .integer(2))
        let bad = try await host.callJSON(.toml, #"{"mode":"host_call","key":"test.echo","value":"bad"}"#)
        #expect(bad?["status"] == .integer(1))
        let unknown = try await host.callJSON(.toml, #"{"mode":"host_call","key":"other.method","value":"x"}"#)
        #expect(unknown?["status"] == .integer(3))
    }

    @Test func missingConfigIsAnEmptyObject() async throws {
        let host = try await TestPlugins.host([try await TestPlugins.probe("probe", ["HOOK_TOML", "HOOK_FEE", "HOOK_SEND_PAYOUT"])])
        #expect(try await host.callJSON(.toml, #"{"mode":"services"}"#)?["config"] == .other("[:]"))
    }
}

/// A store whose database is down.
private struct FailingStore: PluginKeyValueStore {
    struct Down: Error {}
    func value(plugin: String, key: String) async throws -> [UInt8]? { throw Down() }
    func setValue(_ value: [UInt8], plugin: String, key: String) async throws { throw Down() }
    func removeValue(plugin: String, key: String) async throws { throw Down() }
}
