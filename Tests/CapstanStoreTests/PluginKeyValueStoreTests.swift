import CapstanCore
import Testing
@testable import CapstanStore

@Suite struct PluginKeyValueStoreTests {
    @Test func getsSetsOverwritesAndRemoves() async throws {
        try await TemporaryStore.with { store, _ in
            let kv = store.pluginKeyValues
            #expect(try await kv.value(plugin: "acme", key: "cursor") == nil)
            try await kv.setValue([1, 2, 3], plugin: "acme", key: "cursor")
            #expect(try await kv.value(plugin: "acme", key: "cursor") == [1, 2, 3])
            try await kv.setValue([0, 255, 0], plugin: "acme", key: "cursor")
            #expect(try await kv.value(plugin: "acme", key: "cursor") == [0, 255, 0])
            try await kv.removeValue(plugin: "acme", key: "cursor")
            #expect(try await kv.value(plugin: "acme", key: "cursor") == nil)
            try await kv.removeValue(plugin: "acme", key: "cursor")           // removing twice is fine
        }
    }

    @Test func keepsBinaryAndEmptyValuesExactly() async throws {
        try await TemporaryStore.with { store, _ in
            let kv = store.pluginKeyValues
            let bytes = (0...255).map { UInt8($0) } + Array("{\"json\": true}".utf8)
            try await kv.setValue(bytes, plugin: "acme", key: "blob")
            try await kv.setValue([], plugin: "acme", key: "empty")
            #expect(try await kv.value(plugin: "acme", key: "blob") == bytes)
            #expect(try await kv.value(plugin: "acme", key: "empty") == [])
        }
    }

    @Test func namespacesByPlugin() async throws {
        try await TemporaryStore.with { store, _ in
            let kv = store.pluginKeyValues
            try await kv.setValue([1], plugin: "acme", key: "token")
            try await kv.setValue([2], plugin: "zeta", key: "token")
            #expect(try await kv.value(plugin: "acme", key: "token") == [1])
            #expect(try await kv.value(plugin: "zeta", key: "token") == [2])
            try await kv.removeValue(plugin: "acme", key: "token")
            #expect(try await kv.value(plugin: "zeta", key: "token") == [2])
            #expect(try await kv.value(plugin: "acme", key: "TOKEN") == nil)
        }
    }

    @Test func twoHundredConcurrentWritesAllSucceed() async throws {
        try await TemporaryStore.with { store, _ in
            let kv = store.pluginKeyValues
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        try await kv.setValue(Array("value-\(index)".utf8), plugin: "plugin-\(index % 4)", key: "key-\(index)")
                        _ = try await kv.value(plugin: "plugin-\(index % 4)", key: "key-\(index)")
                    }
                }
                try await group.waitForAll()
            }
            for index in 0..<200 {
                #expect(try await kv.value(plugin: "plugin-\(index % 4)", key: "key-\(index)") == Array("value-\(index)".utf8))
            }
        }
    }

    @Test func concurrentWritersFromTwoStoresOnOneFileDoNotFail() async throws {
        // Two stores on one file stand in for `capstan serve` and a separate `capstan worker`: busy_timeout covers them.
        try await TemporaryStore.with { store, path in
            let other = try await SQLStore.openSQLite(path: path, logger: TemporaryStore.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<100 {
                    let target = index.isMultiple(of: 2) ? store : other
                    group.addTask { try await target.pluginKeyValues.setValue([UInt8(index)], plugin: "p", key: "k\(index)") }
                }
                try await group.waitForAll()
            }
            try await other.close()
            for index in 0..<100 {
                #expect(try await store.pluginKeyValues.value(plugin: "p", key: "k\(index)") == [UInt8(index)])
            }
        }
    }
}
