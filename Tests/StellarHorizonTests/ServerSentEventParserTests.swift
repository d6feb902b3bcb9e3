import Testing
@testable import StellarHorizon

@Suite struct ServerSentEventParserTests {
    @Test func horizonStreamSplitAcrossChunks() {
        var parser = ServerSentEventParser(maxLineBytes: 1024)
        let text = "retry: 1000\nevent: open\ndata: \"hello\"\n\nid: 42\ndata: {\"a\":1}\n\n: keep-alive\n\nid: 43\r\ndata: {\"b\":\r\ndata: 2}\r\n\r\n"
        var events: [ServerSentEvent] = []
        // One byte at a time: events must not depend on where the network splits the stream.
        for byte in text.utf8 { events += parser.feed([byte]) }
        #expect(events.map(\.data) == ["\"hello\"", "{\"a\":1}", "{\"b\":\n2}"])
        #expect(events.map(\.id) == [nil, "42", "43"])
        #expect(events[0].event == "open")
        #expect(parser.retryMilliseconds == 1000)
        #expect(events.allSatisfy { !$0.oversized })
    }

    @Test func oversizedLinesAreDroppedButTheEventIsReported() {
        var parser = ServerSentEventParser(maxLineBytes: 16)
        let events = parser.feed(Array("id: 7\ndata: {\"much too long for the limit\"}\n\nid: 8\ndata: {}\n\n".utf8))
        #expect(events.count == 2)
        #expect(events[0].oversized && events[0].id == "7" && events[0].data.isEmpty)
        #expect(!events[1].oversized && events[1].data == "{}" && events[1].id == "8")
    }

    @Test func manyDataLinesAreBoundedAsAWhole() {
        var parser = ServerSentEventParser(maxLineBytes: 32)
        let events = parser.feed(Array((String(repeating: "data: 0123456789\n", count: 10) + "\n").utf8))
        #expect(events.count == 1 && events[0].oversized)
    }
}
