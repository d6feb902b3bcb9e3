import CapstanCore
import CapstanHTTP
import Hummingbird

/// What needs no session: the more-info page of a transaction and the pages' static files.
struct PublicPages: Sendable {
    let deps: SEP24Dependencies

    /// `GET /sep24/more_info/{id}?key=…`: `text/html`, no `Authorization` (wallets open it in a browser). The key is a
    /// MAC of the id, so the link works for whoever the wallet gives it to and for no one who merely knows the id.
    /// A wrong key and an unknown id get the same 404.
    @Sendable func moreInfo(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let key = request.uri.queryParameters["key"].map(String.init) ?? ""
        let pages = InteractivePages(deps: self.deps)
        guard self.deps.secrets.checkMoreInfoKey(key, transactionID: id),
              let transaction = try await self.deps.transactions.transaction(id: id), transaction.protocol == .sep24,
              let asset = try await self.deps.assets.asset(code: transaction.assetCode)
        else {
            return pages.error(request, nil, status: .notFound, "error_not_found", hint: nil)
        }
        let path = PageModel.basePath(self.deps.settings.publicURL) + "/sep24/more_info/\(id)"
        return try await DonePage(deps: self.deps, language: pages.language(request, transaction), path: path, query: ["key": key])
            .renderMoreInfo(transaction, asset: asset)
    }

    /// `GET /sep24/static/{file}`: CSS, script and images, from memory. URLs carry a content hash, so a long
    /// cache lifetime is safe.
    @Sendable func staticFile(_ request: Request, context: CapstanRequestContext) async throws -> Response {
        let name = try context.parameters.require("file")
        guard let asset = self.deps.pages.assets[name] else { throw SEPError.notFound() }
        return Response(
            status: .ok,
            headers: [
                .contentType: asset.contentType, .cacheControl: "public, max-age=86400",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
