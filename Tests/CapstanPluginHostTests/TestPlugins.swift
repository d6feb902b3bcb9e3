import CapstanCore
import CapstanPluginHost
import CapstanTesting
import Foundation
import Logging
import Synchronization

/// Builds test plugins with the system C compiler, once per variant per test run, and loads them
/// into hosts that each get their own runtime directory (so no two hosts share an image).
enum TestPlugins {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let includeDirectory = repositoryRoot + "/Sources/CCapstanPlugin/include"
    static let workDirectory = NSTemporaryDirectory() + "capstan-plugin-tests-\(getpid())"

    /// One build per stem, shared by every test that asks for it, whatever its defines.
    private static let builds = Mutex<[String: Task<String, any Error>]>([:])

    /// The path of `lib<stem>.so`, the probe source compiled with `defines` (`-D` flags without `-D`).
    static func probe(_ stem: String, _ defines: [String] = []) async throws -> String {
        let build = self.builds.withLock { builds in
            if let build = builds[stem] { return build }
            let build = Task<String, any Error> { try await self.compile(stem, defines) }
            builds[stem] = build
            return build
        }
        return try await build.value
    }

    private static func compile(_ stem: String, _ defines: [String]) async throws -> String {
        let directory = workDirectory + "/libs"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let source = directory + "/probe.c"
        if !FileManager.default.fileExists(atPath: source) {
            try ProbePluginSource.text.write(toFile: source, atomically: true, encoding: .utf8)
        }
        let output = directory + "/lib\(stem).so"
        try await BuildStep.run(["cc", "-shared", "-fPIC", "-std=c11", "-Wall", "-Werror", "-I", includeDirectory]
            + defines.map { "-D" + $0 } + ["-o", output, source])
        return output
    }

    /// A fresh, empty directory under the test run's work directory.
    static func freshDirectory(_ label: String) throws -> String {
        let path = workDirectory + "/\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Loads `paths` (and `directory`) into a new host with a quiet logger.
    static func host(
        _ paths: [String], directory: String? = nil, order: [String] = [], deadline: Duration = .seconds(5),
        store: any PluginKeyValueStore = InMemoryPluginKeyValueStore(),
        configuration: @escaping @Sendable (String) -> [UInt8] = { _ in [] },
        clock: (@Sendable () -> Int64)? = nil
    ) async throws -> PluginHost {
        var logger = Logger(label: "capstan.plugins.tests")
        logger.logLevel = .critical
        let runtime = try freshDirectory("runtime")
        return await PluginHost.load(
            PluginHostConfiguration(directory: directory, paths: paths, runtimeDirectory: runtime, order: order, deadline: deadline),
            keyValueStore: store, pluginConfiguration: configuration, logger: logger, clock: clock)
    }
}

extension PluginHost {
    /// Calls `hook` with a JSON text and decodes the reply as a flat dictionary, for assertions.
    func callJSON(_ hook: PluginHook, _ json: String, idempotencyKey: String? = nil, deadline: Duration? = nil)
        async throws(PluginCallError) -> [String: JSONScalar]?
    {
        guard let reply = try await self.call(hook, json: Array(json.utf8), idempotencyKey: idempotencyKey, deadline: deadline)
        else { return nil }
        return (try? JSONDecoder().decode([String: JSONScalar].self, from: Data(reply))) ?? [:]
    }
}

/// A reply value the tests compare: strings and integers (objects are re-encoded as text).
enum JSONScalar: Decodable, Equatable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case other(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else { self = .other("\(try container.decode([String: String].self))") }
    }

    var description: String {
        switch self {
        case .string(let value): value
        case .integer(let value): "\(value)"
        case .other(let value): value
        }
    }
}
