import AsyncHTTPClient

/// The process-wide HTTP client for Horizon, set up for an API of JSON documents and event streams at one origin.
@usableFromInline
enum HorizonHTTPClient {
    /// Like `HTTPClient.shared`, it lives as long as the process, and nothing here shuts it down (it could be: keep it
    /// internal). It sets no read timeout, so every use must bound itself: `HorizonHTTP.exchange` with a deadline over
    /// the whole exchange, the payment stream with its connect deadline and silence timeout.
    ///
    /// It differs from the shared client where SEP-10 pays for it on every `POST /auth`, or where safety asks:
    /// - no tracing: with no tracer bootstrapped AsyncHTTPClient still built each request's span attributes for
    ///   the no-op tracer, 3 % of a verification in profiles;
    /// - no decompression: nothing asks Horizon to compress, so a decompressor would only sit in the pipeline;
    /// - no redirects: Horizon's API does not redirect, and following one would send account lookups, submissions
    ///   and payment streams to another origin (the 3xx answer becomes an error, failing closed).
    @usableFromInline
    static let shared: HTTPClient = {
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
