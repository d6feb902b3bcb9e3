import CapstanCore
import CapstanPluginHost
import Foundation
import Testing

/// Calling hooks: replies, status codes, deadlines, concurrency and serialisation.
@Suite struct PluginCallTests {
    static func probeHost(deadline: Duration = .seconds(5)) async throws -> PluginHost {
        try await TestPlugins.host([try await TestPlugins.probe("probe", ["HOOK_TOML", "HOOK_FEE", "HOOK_SEND_PAYOUT"])], deadline: deadline)
    }

    @Test func listsWhatWasLoaded() async throws {
        let path = try await TestPlugins.probe("probe", ["HOOK_TOML", "HOOK_FEE", "HOOK_SEND_PAYOUT"])
        let host = try await TestPlugins.host([path])
        let info = try #require(host.plugins.first)
        #expect(info.file == path)
        #expect(info.name == "probe" && info.version == "0.1.0" && info.abiMajor == 1 && info.abiMinor == 0)
        #expect(info.hooks == [.toml, .fee, .railsSendPayout])
        #expect(info.serial == false)
        #expect(info.sha256.count == 64)
    }

    @Test func unimplementedHookAnswersNil() async throws {
        let host = try await Self.probeHost()
        #expect(try await host.call(.customerGet, json: Array("{}".utf8)) == nil)
    }

    @Test func replyIsReturned() async throws {
        let host = try await Self.probeHost()
        let reply = try await host.callJSON(.fee, #"{"mode":"echo","id":42}"#)
        #expect(reply == ["id": .integer(42), "plugin": .string("probe"), "hook": .string("fee")])
    }

    @Test func okWithoutReplyIsAnEmptyObject() async throws {
        let host = try await Self.probeHost()
        #expect(try await host.call(.toml, json: Array(#"{"mode":"silent"}"#.utf8)) == Array("{}".utf8))
    }

    @Test func onlyTheFirstReplyCounts() async throws {
        let host = try await Self.probeHost()
        #expect(try await host.callJSON(.toml, #"{"mode":"twice"}"#) == ["reply": .integer(1)])
    }

    @Test(arguments: [#"{"mode":"malformed"}"#, #"{"mode":"not_utf8"}"#])
    func malformedReply(request: String) async throws {
        let host = try await Self.probeHost()
        await #expect(throws: PluginCallError.malformedResponse) { try await host.callJSON(.toml, request) }
        #expect(PluginCallError.malformedResponse.httpStatus == 500)
    }

    static let statusCases: [(status: Int, error: PluginCallError, http: Int)] = [
        (1, .invalid(message: "boom", fields: ["amount": "too big"]), 400),
        (2, .notFound(message: "boom"), 404),
        (3, .unimplemented, 501),
        (4, .transient(message: "boom"), 503),
        (5, .fatal(message: "boom"), 500),
        (42, .fatal(message: "plugin returned unknown status 42"), 500),
    ]

    @Test(arguments: statusCases)
    func statusCodeMapsToError(status: Int, expected: PluginCallError, http: Int) async throws {
        let host = try await Self.probeHost()
        do {
            _ = try await host.callJSON(.toml, #"{"mode":"status","status":\#(status)}"#)
            Issue.record("expected \(expected)")
        } catch {
            #expect(error == expected)
            #expect(error.httpStatus == http)
            #expect(!error.description.contains("do not show"))
        }
    }

    @Test func deadlineExceededThenHostStaysUsable() async throws {
        let host = try await Self.probeHost(deadline: .milliseconds(200))
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: PluginCallError.deadlineExceeded) {
            try await host.callJSON(.toml, #"{"mode":"sleep","ms":10000,"id":1}"#)
        }
        // Far below the plugin's 10 s, with room for a CI machine whose cooperative threads other suites keep busy.
        #expect(clock.now - start < .seconds(6))
        #expect(PluginCallError.deadlineExceeded.httpStatus == 503)
        #expect(try await host.callJSON(.toml, #"{"mode":"echo","id":2}"#)?["id"] == .integer(2))
        #expect(clock.now - start < .seconds(6))
    }

    @Test func perCallDeadlineOverridesTheDefault() async throws {
        let host = try await Self.probeHost()
        await #expect(throws: PluginCallError.deadlineExceeded) {
            try await host.callJSON(.toml, #"{"mode":"sleep","ms":5000,"id":1}"#, deadline: .milliseconds(50))
        }
    }

    @Test func thirtyTwoConcurrentCallsAllAnswered() async throws {
        let host = try await Self.probeHost()
        let ids = try await withThrowingTaskGroup(of: (Int, JSONScalar?).self) { group in
            for id in 0..<32 {
                group.addTask {
                    let reply = try await host.callJSON(.fee, #"{"mode":"sleep","ms":20,"id":\#(id)}"#)
                    return (id, reply?["id"])
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(ids.count == 32)
        for (id, echoed) in ids { #expect(echoed == .integer(id)) }
    }

    @Test func serialPluginNeverSeesTwoCallsAtOnce() async throws {
        let serial = try await TestPlugins.probe("serial", ["FLAGS=CAPSTAN_PLUGIN_SERIAL", "HOOK_TOML"])
        let host = try await TestPlugins.host([serial])
        #expect(host.plugins.first?.serial == true)
        #expect(try await Self.mostRunning(host, calls: 12) == 1)
    }

    @Test func concurrentPluginDoesRunCallsTogether() async throws {
        let host = try await TestPlugins.host([try await TestPlugins.probe("concurrent", ["HOOK_TOML"])])
        #expect(try await Self.mostRunning(host, calls: 12) > 1)
    }

    private static func mostRunning(_ host: PluginHost, calls: Int) async throws -> Int {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in 0..<calls {
                group.addTask { _ = try await host.callJSON(.toml, #"{"mode":"overlap","ms":30,"id":\#(id)}"#) }
            }
            try await group.waitForAll()
        }
        guard case .integer(let most) = try await host.callJSON(.toml, #"{"mode":"most_running"}"#)?["most_running"] else {
            Issue.record("no most_running in reply")
            return -1
        }
        return most
    }

    @Test func typedCallEncodesAndDecodes() async throws {
        struct Echo: Codable { let mode: String; let id: Int }
        struct Answer: Codable { let id: Int; let plugin: String }
        let host = try await Self.probeHost()
        let answer = try await host.call(.toml, Echo(mode: "echo", id: 9), as: Answer.self)
        #expect(answer?.id == 9 && answer?.plugin == "probe")
        await #expect(throws: PluginCallError.malformedResponse) {
            try await host.call(.toml, Echo(mode: "echo", id: 9), as: [String].self)
        }
    }

    @Test func shutdownStopsRouting() async throws {
        let host = try await Self.probeHost()
        await host.shutdown()
        #expect(host.plugins.isEmpty)
        #expect(try await host.call(.toml, json: Array(#"{"mode":"echo","id":1}"#.utf8)) == nil)
    }

    @Test func errorsMapToHTTPStatus() {
        #expect(PluginCallError.invalid(message: "m", fields: [:]).httpStatus == 400)
        #expect(PluginCallError.notFound(message: "m").httpStatus == 404)
        #expect(PluginCallError.unimplemented.httpStatus == 501)
        #expect(PluginCallError.transient(message: "m").httpStatus == 503)
        #expect(PluginCallError.fatal(message: "m").httpStatus == 500)
        #expect(PluginCallError.malformedResponse.httpStatus == 500)
        #expect(PluginCallError.deadlineExceeded.httpStatus == 503)
    }
}
