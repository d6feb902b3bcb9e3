import Hummingbird

/// The context of routes that require SEP-10: building it fails with 403 when no verified claims exist,
/// so a handler cannot forget the check and always has non-optional `claims`.
///
/// Scope data by `claims.owner` (the full `sub`), never by `claims.account`; see `SEP10Claims`.
public struct AuthenticatedContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The verified claims of the request's token.
    public let claims: SEP10Claims
    /// Carried over from the parent so body limits stay as configured.
    public var maxBodyBytes: Int

    public init(context: CapstanRequestContext) throws {
        guard let claims = context.sep10 else { throw SEPError.authenticationRequired }
        self.coreContext = context.coreContext
        self.claims = claims
        self.maxBodyBytes = context.maxBodyBytes
    }

    public var maxUploadSize: Int { self.maxBodyBytes }
}
