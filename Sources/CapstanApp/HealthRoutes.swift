import CapstanHTTP
import Foundation
import Hummingbird

/// `GET /health`: liveness for load balancers, with the version and the plugins in service.
struct HealthRoutes: Sendable {
    /// One loaded plugin as `/health` lists it.
    struct PluginSummary: Encodable, Sendable {
        let name: String
        let version: String
        let file: String
    }

    struct Body: Encodable, Sendable {
        let status: String
        let version: String
        let plugins: [PluginSummary]
    }

    let plugins: [PluginSummary]

    func register(on router: Router<CapstanRequestContext>, routes: RouteTable) {
        let body = Body(status: "ok", version: CapstanVersion.current, plugins: self.plugins)
        let bytes = (try? JSONEncoder.sorted.encode(body)) ?? Data()
        router.get("health") { _, _ in
            Response.json(ByteBuffer(bytes: bytes))
        }
        routes.add(.get, "health")
    }
}
