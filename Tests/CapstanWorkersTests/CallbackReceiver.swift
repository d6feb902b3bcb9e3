import Foundation
import Glibc
import Synchronization

/// A wallet's callback endpoint for tests: a tiny blocking HTTP/1.1 server on 127.0.0.1 that records each POST and
/// answers with the status its `respond` closure picks. One request per connection (`Connection: close`).
final class CallbackReceiver: Sendable {
    /// One request as received.
    struct Request: Sendable {
        var path: String
        var headers: [String: String]                  // lower-cased names
        var body: [UInt8]
    }

    let port: UInt16
    private let listener: Int32
    private let requests = Mutex<[Request]>([])
    private let respond: @Sendable (Request, Int) -> Int

    /// Listens on `port` (0 = any free one); `respond` gets the request and its 0-based index and returns the status.
    init(port: UInt16 = 0, respond: @escaping @Sendable (Request, Int) -> Int = { _, _ in 200 }) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ReceiverError("socket") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw ReceiverError("bind/listen on port \(port)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = UInt16(bigEndian: actual.sin_port)
        self.respond = respond
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    var url: String { "http://127.0.0.1:\(self.port)/callback" }

    var received: [Request] { self.requests.withLock { $0 } }

    /// Stops accepting; the port is free again afterwards.
    func stop() {
        shutdown(self.listener, Int32(SHUT_RDWR))
        close(self.listener)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(self.listener, nil, nil)
            guard connection >= 0 else { return }             // the listening socket was shut down
            self.serve(connection)
            close(connection)
        }
    }

    private func serve(_ connection: Int32) {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var request: Request?
        while request == nil {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return }
            data += buffer[0..<count]
            request = Self.parse(data)
        }
        guard let request else { return }
        let index = self.requests.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        let status = self.respond(request, index)
        let response = Array("HTTP/1.1 \(status) Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        _ = response.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }

    /// The request once its headers and `Content-Length` bytes of body are in, else nil.
    private static func parse(_ data: [UInt8]) -> Request? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...max(0, data.count - 4)).first(where: { data.count >= 4 && Array(data[$0..<$0 + 4]) == separator }) else {
            return nil
        }
        let head = String(decoding: data[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let body = Array(data[(end + 4)...])
        guard body.count >= length else { return nil }
        let path = head.first?.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        return Request(path: path, headers: headers, body: Array(body.prefix(length)))
    }

    struct ReceiverError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
