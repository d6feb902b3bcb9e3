/// One server-sent event: the fields of the lines before a blank line.
struct ServerSentEvent: Sendable, Hashable {
    /// The `id:` in effect (it persists across events, as in EventSource).
    var id: String?
    var event: String?
    /// The `data:` lines joined by newlines.
    var data: String
    /// Whether a line of this event was longer than the limit and dropped.
    var oversized: Bool
}

/// Splits a server-sent-event byte stream into events (WHATWG `text/event-stream` rules), bounding every line.
struct ServerSentEventParser: Sendable {
    let maxLineBytes: Int
    private var line: [UInt8] = []
    private var discardingLine = false
    private var skipLineFeed = false
    private var lastEventID: String?
    private var eventType: String?
    private var dataLines: [String] = []
    private var dataBytes = 0
    private var hasData = false
    private var oversized = false
    /// The latest `retry:` value, in milliseconds.
    private(set) var retryMilliseconds: Int?

    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    /// Feeds bytes and returns the events they complete.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if self.skipLineFeed {
                self.skipLineFeed = false
                if byte == 10 { continue }
            }
            switch byte {
            case 10, 13:
                self.skipLineFeed = byte == 13
                if let event = self.endLine() { events.append(event) }
            default:
                if self.discardingLine { continue }
                if self.line.count >= self.maxLineBytes {
                    self.discardingLine = true
                    self.oversized = true
                    self.line = []
                } else {
                    self.line.append(byte)
                }
            }
        }
        return events
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer {
            self.line = []
            self.discardingLine = false
        }
        if self.discardingLine { return nil }
        guard !self.line.isEmpty else { return self.dispatch() }
        if self.line.first == UInt8(ascii: ":") { return nil }
        let colon = self.line.firstIndex(of: UInt8(ascii: ":"))
        let field = String(decoding: self.line[..<(colon ?? self.line.endIndex)], as: UTF8.self)
        var valueStart = colon.map { $0 + 1 } ?? self.line.endIndex
        if valueStart < self.line.endIndex, self.line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = String(decoding: self.line[valueStart...], as: UTF8.self)
        switch field {
        case "data":
            // Many data lines make one event, so the event is bounded as a whole, not only line by line.
            self.dataBytes += self.line.count
            if self.dataBytes > self.maxLineBytes {
                self.oversized = true
                self.dataLines = []
            } else {
                self.dataLines.append(value)
            }
            self.hasData = true
        case "id":
            if !value.contains("\u{0}") { self.lastEventID = value }
        case "event":
            self.eventType = value
        case "retry":
            if let milliseconds = Int(value), milliseconds >= 0 { self.retryMilliseconds = milliseconds }
        default:
            break
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            self.eventType = nil
            self.dataLines = []
            self.dataBytes = 0
            self.hasData = false
            self.oversized = false
        }
        guard self.hasData || self.oversized else { return nil }
        return ServerSentEvent(id: self.lastEventID, event: self.eventType, data: self.dataLines.joined(separator: "\n"), oversized: self.oversized)
    }
}
