import CapstanCore
import CapstanPluginHost
import Foundation
import Testing

/// Each way a plugin file can be refused, with the exact line an operator reads.
@Suite struct PluginLoadRefusalTests {
    private func refusals(_ path: String) async throws -> [String] {
        let host = try await TestPlugins.host([path])
        #expect(host.plugins.isEmpty)
        return host.refusals.map(\.description)
    }

    @Test func notASharedObject() async throws {
        let path = try TestPlugins.freshDirectory("junk") + "/libjunk.so"
        try String(repeating: "this is a text file, not an ELF shared object\n", count: 4).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try await self.refusals(path) == ["\(path): refused: not a loadable shared object (invalid ELF header)"])
    }

    @Test func unreadableFile() async throws {
        let path = try TestPlugins.freshDirectory("missing") + "/libnothing.so"
        #expect(try await self.refusals(path) == ["\(path): refused: cannot read file"])
    }

    @Test func missingEntrySymbol() async throws {
        let path = try await TestPlugins.probe("no-entry", ["NO_ENTRY", "HOOK_TOML"])
        #expect(try await self.refusals(path) == ["\(path): refused: missing entry symbol 'capstan_plugin_entry'"])
    }

    @Test func entryReturnsNull() async throws {
        let path = try await TestPlugins.probe("null-entry", ["ENTRY_NULL", "HOOK_TOML"])
        #expect(try await self.refusals(path) == ["\(path): refused: capstan_plugin_entry returned NULL"])
    }

    @Test func badMagic() async throws {
        let path = try await TestPlugins.probe("bad-magic", ["MAGIC=0xdeadbeefu", "HOOK_TOML"])
        #expect(try await self.refusals(path) == ["\(path): refused: bad magic 0xdeadbeef (expected 0x43415053)"])
    }

    @Test func abiMajorMismatch() async throws {
        let path = try await TestPlugins.probe("abi-major-2", ["ABI_MAJOR=2", "HOOK_TOML"])
        #expect(try await self.refusals(path) == ["\(path): refused: ABI major 2, host supports 1"])
    }

    @Test func descriptorTooSmall() async throws {
        let path = try await TestPlugins.probe("small-descriptor", ["DESCRIPTOR_SIZE=16", "HOOK_TOML"])
        #expect(try await self.refusals(path) == ["\(path): refused: descriptor struct_size 16 is smaller than the v1 size 56"])
    }

    @Test func hooksTableTooSmall() async throws {
        let path = try await TestPlugins.probe("small-hooks", ["HOOKS_SIZE=16", "HOOK_TOML"])
        #expect(try await self.refusals(path) == ["\(path): refused: hooks table struct_size 16 is smaller than the v1 size 200"])
    }

    @Test func invalidName() async throws {
        let path = try await TestPlugins.probe("bad-name", [#"PLUGIN_NAME="Bad Name""#, "HOOK_TOML"])
        #expect(try await self.refusals(path) == [
            #"\#(path): refused: invalid name "Bad Name" (use 1 to 64 of a-z 0-9 _ -, starting with a letter or digit)"#
        ])
    }

    @Test func initFailureQuotesTheLoggedReason() async throws {
        let path = try await TestPlugins.probe("init-fails", ["INIT_STATUS=5", #"INIT_MESSAGE="cannot reach the bank""#, "HOOK_TOML"])
        #expect(try await self.refusals(path) == ["\(path): refused: init failed with status 5 (FATAL): cannot reach the bank"])
    }

    @Test func initFailureWithoutMessage() async throws {
        let path = try await TestPlugins.probe("init-transient", ["INIT_STATUS=4", "HOOK_TOML"])
        #expect(try await self.refusals(path) == ["\(path): refused: init failed with status 4 (TRANSIENT)"])
    }

    @Test func duplicateName() async throws {
        let first = try await TestPlugins.probe("dup-one", [#"PLUGIN_NAME="twin""#, "HOOK_TOML"])
        let second = try await TestPlugins.probe("dup-two", [#"PLUGIN_NAME="twin""#, "HOOK_FEE"])
        let host = try await TestPlugins.host([first, second])
        #expect(host.plugins.map(\.file) == [first])
        #expect(host.refusals.map(\.description) == ["\(second): refused: name 'twin' is already used by \(first)"])
    }

    @Test func refusalKeepsTheOtherPluginsInService() async throws {
        let good = try await TestPlugins.probe("good", ["HOOK_TOML"])
        let bad = try await TestPlugins.probe("abi-major-2", ["ABI_MAJOR=2", "HOOK_TOML"])
        let host = try await TestPlugins.host([bad, good])
        #expect(host.plugins.map(\.name) == ["probe"])
        #expect(host.refusals.count == 1)
        #expect(try await host.callJSON(.toml, #"{"mode":"echo","id":1}"#)?["plugin"] == .string("probe"))
    }

    @Test func newerAndOlderMinorsLoad() async throws {
        let newer = try await TestPlugins.probe("minor-9", [#"PLUGIN_NAME="newer""#, "ABI_MINOR=9", "FUTURE_FIELDS", "HOOK_TOML"])
        let older = try await TestPlugins.probe("minor-0", [#"PLUGIN_NAME="older""#, "ABI_MINOR=0", "HOOK_FEE"])
        let host = try await TestPlugins.host([newer, older])
        #expect(host.refusals.isEmpty)
        #expect(host.plugins.map { "\($0.name) \($0.abiMajor).\($0.abiMinor)" } == ["newer 1.9", "older 1.0"])
        #expect(try await host.callJSON(.toml, #"{"mode":"echo","id":7}"#)?["plugin"] == .string("newer"))
    }
}

/// Two plugins claiming one hook: refused without `plugins.order`, ordered with it.
@Suite struct HookOwnershipTests {
    @Test func sameHookWithoutOrderIsRefused() async throws {
        let a = try await TestPlugins.probe("claim-a", [#"PLUGIN_NAME="a""#, "HOOK_TOML"])
        let b = try await TestPlugins.probe("claim-b", [#"PLUGIN_NAME="b""#, "HOOK_TOML", "HOOK_FEE"])
        let host = try await TestPlugins.host([a, b])
        #expect(host.refusals.map(\.description) == [
            "\(b): refused: hook 'toml' is implemented by both 'a' (\(a)) and 'b' (\(b)); list one first in plugins.order"
        ])
        #expect(host.plugins.map(\.name) == ["a"])
        #expect(host.owner(of: .fee) == nil)
    }

    @Test func orderDecidesTheOwner() async throws {
        let a = try await TestPlugins.probe("claim-a", [#"PLUGIN_NAME="a""#, "HOOK_TOML"])
        let b = try await TestPlugins.probe("claim-b", [#"PLUGIN_NAME="b""#, "HOOK_TOML", "HOOK_FEE"])
        let host = try await TestPlugins.host([a, b], order: ["b", "a"])
        #expect(host.refusals.isEmpty)
        #expect(host.plugins.map(\.name) == ["a", "b"])
        #expect(host.owner(of: .toml)?.name == "b")
        #expect(try await host.callJSON(.toml, #"{"mode":"echo","id":1}"#)?["plugin"] == .string("b"))
        #expect(try await host.callJSON(.fee, #"{"mode":"echo","id":2}"#)?["plugin"] == .string("b"))
    }

    @Test func aListedPluginOutranksAnUnlistedOne() async throws {
        let a = try await TestPlugins.probe("claim-a", [#"PLUGIN_NAME="a""#, "HOOK_TOML"])
        let b = try await TestPlugins.probe("claim-b", [#"PLUGIN_NAME="b""#, "HOOK_TOML", "HOOK_FEE"])
        let host = try await TestPlugins.host([a, b], order: ["b"])
        #expect(host.refusals.isEmpty)
        #expect(host.owner(of: .toml)?.name == "b")
    }

    @Test func directoryLoadsInFileNameOrder() async throws {
        let directory = try TestPlugins.freshDirectory("plugins.d")
        let a = try await TestPlugins.probe("claim-a", [#"PLUGIN_NAME="a""#, "HOOK_TOML"])
        let b = try await TestPlugins.probe("claim-b", [#"PLUGIN_NAME="b""#, "HOOK_TOML", "HOOK_FEE"])
        try FileManager.default.copyItem(atPath: b, toPath: directory + "/10-b.so")
        try FileManager.default.copyItem(atPath: a, toPath: directory + "/20-a.so")
        try "not a plugin".write(toFile: directory + "/README.txt", atomically: true, encoding: .utf8)
        let host = try await TestPlugins.host([], directory: directory)
        #expect(host.plugins.map(\.file) == [directory + "/10-b.so"])
        #expect(host.refusals.map(\.path) == [directory + "/20-a.so"])
    }
}
