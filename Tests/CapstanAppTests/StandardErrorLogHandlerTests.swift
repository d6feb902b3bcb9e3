import Logging
import Testing

@testable import CapstanApp

/// The server's log lines: swift-log's `StreamLogHandler` layout, metadata merged and sorted only when written.
@Suite struct StandardErrorLogHandlerTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "boom" }
    }

    @Test func linesKeepStreamLogHandlersLayout() {
        var handler = StandardErrorLogHandler(label: "capstan", level: .info)
        handler[metadataKey: "hb.request.id"] = "42"
        handler[metadataKey: "worker"] = "outgoing"
        let event = LogEvent(
            level: .error, message: "pass failed", error: Boom(), metadata: ["worker": "trustlines", "attempt": "2"],
            source: "CapstanWorkers", file: #fileID, function: #function, line: #line)
        #expect(handler.line(for: event, at: "2026-11-21T18:25:16+0000") ==
            "2026-11-21T18:25:16+0000 error capstan: attempt=2 error.message=boom "
            + "error.type=CapstanAppTests.StandardErrorLogHandlerTests.Boom hb.request.id=42 worker=trustlines "
            + "[CapstanWorkers] pass failed\n")
        let plain = LogEvent(level: .info, message: "started", metadata: nil, source: "App", file: #fileID, function: #function, line: #line)
        #expect(StandardErrorLogHandler(label: "capstan", level: .info).line(for: plain, at: "T") == "T info capstan: [App] started\n")
    }

    @Test func theLevelFiltersThroughLogger() {
        let logger = Logger(label: "capstan") { label in StandardErrorLogHandler(label: label, level: .warning) }
        #expect(logger.logLevel == .warning)
        var changed = logger
        changed[metadataKey: "k"] = "v"
        #expect(changed[metadataKey: "k"] == "v")
        #expect(logger[metadataKey: "k"] == nil)
    }
}
