import Hummingbird
import Logging

/// Turns every error into a Horizon problem document: unknown routes become `not_found`, other HTTP errors
/// keep their status, and anything unexpected is a logged 500. It returns the problem as a response (rather
/// than throwing it) so that outer middleware, such as CORS, still sees it.
struct HorizonErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as HorizonProblem {
            return try problem.response(from: request, context: context)
        } catch let error as HTTPError {
            let problem = error.status == .notFound
                ? HorizonProblem.notFound
                : HorizonProblem(
                    type: "https://stellar.org/horizon-errors/bad_request", title: error.status.reasonPhrase, statusCode: error.status.code,
                    detail: error.body ?? error.status.reasonPhrase, extras: nil
                )
            return try problem.response(from: request, context: context)
        } catch {
            context.logger.error("devnet request failed", metadata: ["error": "\(String(reflecting: error))"])
            return try HorizonProblem.serverError.response(from: request, context: context)
        }
    }
}
