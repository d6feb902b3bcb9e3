import CapstanCore
import CapstanPluginHost
import CapstanTesting
import Foundation
import Testing

/// The plugins the repository ships: the C example (built with its own Makefile, as `make
/// plugins` does) and the Swift reference plugin (built by SwiftPM).
@Suite struct ShippedPluginTests {
    @Test func minimalCPluginAnswersTOML() async throws {
        let out = try TestPlugins.freshDirectory("minimal-out")
        try await BuildStep.run(["make", "-s", "-C", TestPlugins.repositoryRoot + "/Plugins/minimal-c", "OUT=\(out)"])
        let host = try await TestPlugins.host([out + "/libminimal.so"])
        #expect(host.refusals.isEmpty)
        #expect(host.plugins.map(\.name) == ["minimal"])
        #expect(host.plugins.first?.hooks == [.toml, .customerGet])
        let reply = try #require(try await host.call(.toml, TOMLRequestBody(), as: TOMLReply.self))
        #expect(reply.documentation["ORG_NAME"] == "Minimal C Anchor")
        #expect(reply.documentation["ORG_URL"] == "https://minimal.example")
        #expect(try await host.call(.fee, json: Array("{}".utf8)) == nil)
    }

    /// The build helper itself: a failing step is an error carrying the step's own output.
    @Test func aFailedBuildStepReportsItsOutput() async throws {
        let missing = TestPlugins.workDirectory + "/no-such-source.c"
        let error = await #expect(throws: BuildStep.Failure.self) {
            try await BuildStep.run(["cc", "-c", missing, "-o", "/dev/null"])
        }
        #expect(error?.output.contains("no-such-source.c") == true)
    }

    @Test(.enabled(if: ReferencePlugin.shouldRun, "reference plugin not built (swift build --product CapstanReferencePlugin)"))
    func referencePluginAnswersTOMLAndFee() async throws {
        let path = try #require(ReferencePlugin.path(), "reference plugin missing: \(ReferencePlugin.expectedPath)")
        let host = try await TestPlugins.host([path])
        #expect(host.refusals.map(\.description) == [])
        let info = try #require(host.plugins.first)
        #expect(info.name == "reference" && info.hooks == [
            .toml, .fee, .sep6Info, .sep6Deposit, .sep6Withdraw, .sep24Form, .sep24FormSubmit, .sep9Save, .depositInstructions,
            .railsPollDeposits, .railsSendPayout, .railsPollPayouts, .afterDeposit, .transactionEvent,
            .customerGet, .customerPut, .customerDelete, .customerCallback,
        ] && info.abiMajor == 1)

        let toml = try #require(try await host.call(.toml, TOMLRequestBody(), as: TOMLReply.self))
        #expect(toml.documentation["ORG_NAME"] == "Capstan Reference Anchor")
        let srt = try #require(toml.currencies?.first { $0["code"] == .string("SRT") })
        #expect(srt["status"] == .string("test"))
        #expect(srt["is_asset_anchored"] == .bool(true))
        #expect(srt["anchor_asset_type"] == .string("fiat"))
        #expect(srt["anchor_asset"] == .string("USD"))
        #expect(srt["display_decimals"] == .int(2))

        let deposit = try await host.call(.fee, FeeBody(operation: "deposit", amount: "100"), as: FeeReply.self)
        #expect(deposit?.fee == "2.00")
        let withdraw = try await host.call(.fee, FeeBody(operation: "withdraw", amount: "250.55"), as: FeeReply.self)
        #expect(withdraw?.fee == "1.75")   // 0.50 + 1.25275 rounded to 1.25
        await #expect(throws: PluginCallError.unimplemented) {
            try await host.call(.fee, FeeBody(operation: "deposit", amount: "1", assetCode: "USDC"), as: FeeReply.self)
        }
        await #expect(throws: PluginCallError.invalid(message: "amount must be a positive decimal number", fields: ["amount": "Enter a positive amount"])) {
            try await host.call(.fee, FeeBody(operation: "deposit", amount: "1e3"), as: FeeReply.self)
        }
    }
}

/// Where the reference plugin is: `$CAPSTAN_REFERENCE_PLUGIN`, else this scratch path's build.
enum ReferencePlugin {
    static let environment = ProcessInfo.processInfo.environment
    static let expectedPath = environment["CAPSTAN_REFERENCE_PLUGIN"]
        ?? TestPlugins.repositoryRoot + "/.build-plugins/debug/libCapstanReferencePlugin.so"

    static func path() -> String? { FileManager.default.fileExists(atPath: expectedPath) ? expectedPath : nil }

    /// Skip only when nobody asked for the plugin and it is not there; otherwise run (and fail if missing).
    static var shouldRun: Bool {
        path() != nil || environment["CAPSTAN_REFERENCE_PLUGIN"] != nil || environment["CAPSTAN_REQUIRE_REFERENCE_PLUGIN"] != nil
    }
}

private struct TOMLRequestBody: Encodable {
    var home_domain = "anchor.example"
    var network_passphrase = "Test SDF Network ; September 2015"
    var currencies = [["code": "SRT", "issuer": "GBSRT"]]
}

private struct TOMLReply: Decodable {
    var documentation: [String: String]
    var currencies: [[String: TOMLField]]?
}

private enum TOMLField: Decodable, Equatable {
    case string(String), int(Int), bool(Bool)
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else { self = .string(try container.decode(String.self)) }
    }
}

private struct FeeBody: Encodable {
    var operation: String
    var amount: String
    var assetCode = "SRT"
    var significantDecimals = 2
    enum CodingKeys: String, CodingKey { case operation, amount, assetCode = "asset_code", significantDecimals = "significant_decimals" }
}

private struct FeeReply: Decodable { var fee: String }
