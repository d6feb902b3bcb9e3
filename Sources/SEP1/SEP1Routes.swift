import CapstanHTTP
import Hummingbird
import Logging

/// SEP-1: `GET /.well-known/stellar.toml`.
public struct SEP1Routes: Sendable {
    let cache: StellarTOMLCache

    public init(cache: StellarTOMLCache) {
        self.cache = cache
    }

    public func register(on router: Router<CapstanRequestContext>, routes: RouteTable) {
        router.get(".well-known/stellar.toml", use: self.stellarTOML)
        routes.add(.get, ".well-known/stellar.toml")
    }

    @Sendable func stellarTOML(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await self.cache.currentBody()
        } catch {
            context.logger.error("stellar.toml unavailable", metadata: ["error": "\(String(reflecting: error))"])
            throw SEPError(status: .internalServerError, message: "stellar.toml is unavailable")
        }
        return Response(status: .ok, headers: Self.headers, body: .init(byteBuffer: body))
    }

    /// SEP-1 recommends text/plain so browsers show the file instead of downloading it.
    private static let headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "public, max-age=60"]
}
