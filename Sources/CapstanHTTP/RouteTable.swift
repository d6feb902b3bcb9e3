import HTTPTypes
import Synchronization

/// Every (method, path pattern) the server registered, so unmatched requests can be told apart:
/// a known path with another method is a 405 with `Allow`, an unknown path a 404, and OPTIONS
/// pre-flight answers for any known path.
public final class RouteTable: Sendable {
    private let routes = Mutex<[(method: HTTPRequest.Method, segments: [Substring], maxBodyBytes: Int?)]>([])

    public init() {}

    /// Records a route; patterns use Hummingbird's syntax (`:name` and `*` match one segment, `**` the rest).
    /// `maxBodyBytes` lets a route take larger bodies than the server-wide limit (SEP-12 uploads).
    public func add(_ method: HTTPRequest.Method, _ path: String, maxBodyBytes: Int? = nil) {
        let segments = Self.segments(path)
        self.routes.withLock { $0.append((method, segments, maxBodyBytes)) }
    }

    /// The body limit a route set for itself, nil when it keeps the server-wide one.
    public func maxBodyBytes(_ method: HTTPRequest.Method, path: String) -> Int? {
        let request = Self.segments(path)
        return self.routes.withLock { routes in
            routes.first { $0.method == method && Self.matches($0.segments, request) }?.maxBodyBytes
        }
    }

    /// The methods registered for a concrete request path, empty when the path is unknown.
    public func methods(for path: String) -> [HTTPRequest.Method] {
        let request = Self.segments(path)
        return self.routes.withLock { routes in
            var methods: [HTTPRequest.Method] = []
            for route in routes where Self.matches(route.segments, request) && !methods.contains(route.method) {
                methods.append(route.method)
            }
            return methods
        }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        var index = 0
        for segment in pattern {
            if segment == "**" { return true }
            guard index < path.count else { return false }
            if segment != "*", !segment.hasPrefix(":"), segment != path[index] { return false }
            index += 1
        }
        return index == path.count
    }
}
