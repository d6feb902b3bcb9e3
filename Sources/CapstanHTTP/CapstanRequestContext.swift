import Hummingbird

/// The request context every Capstan route sees: Hummingbird's core storage plus the body limit in force.
public struct CapstanRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `SEPMiddleware` from `http.max_body_bytes`; Hummingbird's decoders collect at most this many bytes.
    public var maxBodyBytes: Int
    /// Set by `SEP10Authenticator` when the request carries a valid `Authorization: Bearer` token;
    /// routes that require SEP-10 use `AuthenticatedContext` instead of reading this.
    public var sep10: SEP10Claims?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxBodyBytes = SEPMiddleware<Self>.defaultMaxBodyBytes
        self.sep10 = nil
    }

    public var maxUploadSize: Int { self.maxBodyBytes }
}
