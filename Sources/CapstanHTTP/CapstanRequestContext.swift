import Hummingbird

/// The request context every Capstan route sees: Hummingbird's core storage plus the body limit in force.
public struct CapstanRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `SEPMiddleware` from `http.max_body_bytes`; Hummingbird's decoders collect at most this many bytes.
    public var maxBodyBytes: Int

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxBodyBytes = SEPMiddleware<Self>.defaultMaxBodyBytes
    }

    public var maxUploadSize: Int { self.maxBodyBytes }
}
