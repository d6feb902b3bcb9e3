import Hummingbird

/// A request context that can carry verified SEP-10 claims, so `SEP10Authenticator` can fill them in.
public protocol SEP10ClaimsContext: RequestContext {
    /// Set by `SEP10Authenticator` when the request carried a valid `Authorization: Bearer` token.
    var sep10: SEP10Claims? { get set }
}

extension CapstanRequestContext: SEP10ClaimsContext {}
