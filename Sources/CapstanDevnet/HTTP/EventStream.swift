import Foundation
import Hummingbird
import ServiceLifecycle

/// Server-sent events as Horizon streams them: a `hello` event, then `id: <paging token>` and `data: <json>`
/// per record, sent as ledgers close, until the client leaves or the server shuts down (`byebye`).
enum EventStream {
    /// One record to send.
    struct Event: Sendable {
        var id: Int64
        var json: Data
    }

    /// Streams what `fetch(cursor)` returns (records after `cursor`, ascending, at most one page), starting
    /// after `cursor` and fetching again after every closed ledger.
    static func response(
        ledger: DevnetLedger, after cursor: Int64, fetch: @escaping @Sendable (Int64) async throws -> [Event]
    ) -> Response {
        let body = ResponseBody { writer in
            // Subscribe before the first fetch so a ledger closing in between is not missed.
            let updates = await ledger.ledgerUpdates()
            try await writer.write(ByteBuffer(string: "retry: 1000\nevent: open\ndata: \"hello\"\n\n"))
            var position = cursor
            try await self.drain(after: &position, writer: &writer, fetch: fetch)
            for await _ in updates.cancelOnGracefulShutdown() {
                try await self.drain(after: &position, writer: &writer, fetch: fetch)
            }
            try await writer.write(ByteBuffer(string: "event: close\ndata: \"byebye\"\n\n"))
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: body
        )
    }

    private static func drain(
        after position: inout Int64, writer: inout any ResponseBodyWriter, fetch: @Sendable (Int64) async throws -> [Event]
    ) async throws {
        while true {
            let events = try await fetch(position)
            for event in events {
                var buffer = ByteBuffer(string: "id: \(event.id)\ndata: ")
                buffer.writeBytes(event.json)
                buffer.writeString("\n\n")
                try await writer.write(buffer)
                position = event.id
            }
            if events.count < PageRequest.maximumLimit { return }
        }
    }
}
