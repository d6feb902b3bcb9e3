import AsyncHTTPClient

/// The process-wide HTTP client for Horizon's account reads, set up for an API of small JSON documents.
public enum HorizonHTTPClient {
    /// Like `HTTPClient.shared`, it lives as long as the process and is never shut down.
    ///
    /// It differs from the shared client where SEP-10 pays for it on every `POST /auth`:
    /// - no tracing: with no tracer bootstrapped AsyncHTTPClient still built each request's span attributes for
    ///   the no-op tracer, 3 % of a verification in profiles;
    /// - no decompression: nothing asks Horizon to compress, so a decompressor would only sit in the pipeline;
    /// - no redirects: Horizon's API does not redirect, and following one would send the lookup to another origin
    ///   (the 3xx answer becomes "ledger unavailable", failing closed);
    /// - no read timeout: each request has a deadline that covers the whole exchange, body included.
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            certificateVerification: .fullVerification,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10)),
            connectionPool: .seconds(60),
            proxy: nil,
            ignoreUncleanSSLShutdown: false,
            decompression: .disabled,
            backgroundActivityLogger: nil
        )
        configuration.tracing.tracer = nil
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
