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
        let text: String
        do {
            text = try await self.cache.current()
        } catch {
            context.logger.error("stellar.toml unavailable", metadata: ["error": "\(String(reflecting: error))"])
            throw SEPError(status: .internalServerError, message: "stellar.toml is unavailable")
        }
        // SEP-1 recommends text/plain so browsers show the file instead of downloading it.
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "public, max-age=60"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
