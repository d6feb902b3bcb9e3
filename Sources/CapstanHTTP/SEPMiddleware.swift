import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: CORS on every response, OPTIONS pre-flight, the body limit, the request id,
/// and the SEP error shape for every failure, including the router's own 404s and 405s.
///
/// SEP-1, SEP-6, SEP-10 and SEP-24 ("Cross-Origin Headers") require `Access-Control-Allow-Origin: *`
/// on every response, errors included, whether or not the request carried an `Origin` header, which is
/// why Hummingbird's `CORSMiddleware` (origin-triggered) is not used.
public struct SEPMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Used when the configuration does not say otherwise.
    public static var defaultMaxBodyBytes: Int { 1 << 20 }

    let routes: RouteTable
    let maxBodyBytes: Int
    let setBodyLimit: @Sendable (inout Context, Int) -> Void

    public init(routes: RouteTable, maxBodyBytes: Int, setBodyLimit: @escaping @Sendable (inout Context, Int) -> Void) {
        self.routes = routes
        self.maxBodyBytes = maxBodyBytes
        self.setBodyLimit = setBodyLimit
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        self.setBodyLimit(&context, self.maxBodyBytes)
        let requestID = context.id
        var response: Response
        if request.method == .options {
            response = self.preflight(request)
        } else if let length = request.headers[.contentLength].flatMap(Int.init), length > self.maxBodyBytes,
            case let limit = self.routes.maxBodyBytes(request.method, path: request.uri.path) ?? self.maxBodyBytes, length > limit
        {
            // The route lookup only runs for bodies over the server-wide limit, so ordinary requests never pay for it.
            response = try self.errorResponse(SEPError(status: .contentTooLarge, message: "request body larger than \(limit) bytes"), request, context)
        } else {
            do {
                response = try await next(request, context)
            } catch {
                response = try self.errorResponse(self.sepError(for: error, request: request, context: context), request, context)
            }
        }
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.requestID] = requestID
        return response
    }

    private func preflight(_ request: Request) -> Response {
        let methods = self.routes.methods(for: request.uri.path)
        guard !methods.isEmpty else {
            return Response.json(#"{"error":"not found"}"#, status: .notFound)
        }
        var allowed = methods.map(\.rawValue)
        allowed.append("OPTIONS")
        return Response(
            status: .noContent,
            headers: [
                .accessControlAllowMethods: allowed.joined(separator: ", "),
                .accessControlAllowHeaders: request.headers[.accessControlRequestHeaders] ?? "Authorization, Content-Type, Accept, Origin",
                .accessControlMaxAge: "86400",
                .allow: allowed.joined(separator: ", "),
            ]
        )
    }

    private func errorResponse(_ error: SEPError, _ request: Request, _ context: Context) throws -> Response {
        try error.response(from: request, context: context)
    }

    private func sepError(for error: any Error, request: Request, context: Context) -> SEPError {
        switch error {
        case let error as SEPError:
            return error
        case let error as HTTPError where error.status == .notFound:
            let methods = self.routes.methods(for: request.uri.path)
            guard !methods.isEmpty else { return .notFound() }
            let allow = (methods.map(\.rawValue) + ["OPTIONS"]).joined(separator: ", ")
            return SEPError(status: .methodNotAllowed, message: "method \(request.method.rawValue) not allowed", headers: [.allow: allow])
        case let error as HTTPError:
            return SEPError(status: error.status, message: error.body ?? error.status.reasonPhrase.lowercased())
        case let error as any HTTPResponseError:
            return SEPError(status: error.status, message: error.status.reasonPhrase.lowercased())
        default:
            // Never echo an unknown error to the client: it may carry secrets or customer data.
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError()
        }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`: the id Hummingbird put in the request's log metadata, returned so operators can correlate.
    public static var requestID: Self { .init("X-Request-Id")! }
}
