import CapstanHTTP
import Foundation
import Hummingbird
import Logging

/// `GET`/`PUT /kyc/customer`, `PUT /kyc/customer/verification`, `PUT /kyc/customer/callback` and
/// `DELETE /kyc/customer/:account`. Identity comes from the JWT (`CustomerIdentity`); ids are checked against the
/// host's ownership record before the plugin is asked, so another owner's id is always 404.
struct CustomerEndpoint: Sendable {
    let deps: SEP12Dependencies

    func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let query = request.uri.queryParameters
        let identity = try CustomerIdentity(claims: context.claims, account: query["account"].map(String.init), memo: query["memo"].map(String.init))
        let id = query["id"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let transactionID = query["transaction_id"].map(String.init)
        // SEP-12 GET /customer: "type … required if transaction_id is provided".
        if transactionID != nil, query["type"] == nil { throw SEPError.badRequest("type is required with transaction_id") }
        if let id, try await !self.deps.ownership.check(id: id, owner: identity.owner) { throw SEPError.notFound("customer not found") }
        let known = try await self.deps.ownership.customer(of: identity.owner)
        let hookRequest = CustomerGetRequest(
            auth: HookAuth(claims: context.claims), id: id ?? known,
            memo: identity.memo, type: query["type"].map(String.init), transactionID: transactionID, lang: query["lang"].map(String.init))
        let reply = try await self.deps.call { () async throws(CustomerHookError) -> CustomerReply? in try await self.deps.hooks.get(hookRequest) }
        let checked = try await Self.checked(reply, requestedID: hookRequest.id, owner: identity.owner, deps: self.deps)
        if let id = checked.id ?? hookRequest.id { await self.deps.observe(checked, id: id, owner: identity.owner) }
        return try Self.json(checked)
    }

    func put(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        var input = try await CustomerInput.read(request, files: self.deps.files)
        do {
            let identity = try CustomerIdentity(claims: context.claims, account: input.parameters["account"], memo: input.parameters["memo"])
            let id = input.parameters["id"].flatMap { $0.isEmpty ? nil : $0 }
            if let id, try await !self.deps.ownership.check(id: id, owner: identity.owner) { throw SEPError.notFound("customer not found") }
            var fields: [String: String] = [:]
            var files: [String: CustomerFile] = [:]
            for (name, value) in input.parameters where !SEP9Fields.control.contains(name) {
                if name.hasSuffix("_verification"), SEP9Fields.formats[String(name.dropLast(13))] != nil {
                    fields[name] = value
                } else if name.hasSuffix("_file_id"), SEP9Fields.formats[String(name.dropLast(8))] == .binary {
                    guard let file = self.deps.files.metadata(id: value, owner: identity.owner) else { throw SEPError.badRequest("\(name): no such file") }
                    files[String(name.dropLast(8))] = CustomerFile(fileID: file.fileID, contentType: file.contentType, size: file.size)
                } else if SEP9Fields.formats[name] == .binary {
                    throw SEPError.badRequest("\(name) must be sent as a file in multipart/form-data")
                } else if let problem = SEP9Fields.problem(name, value) {
                    throw SEPError.badRequest(problem)
                } else {
                    fields[name] = value
                }
            }
            for (name, part) in input.uploads {
                guard SEP9Fields.formats[name] == .binary else { throw SEPError.badRequest("\(name) is not a SEP-9 binary field") }
                let stored = try self.deps.files.commit(part.upload, owner: identity.owner, contentType: part.contentType)
                input.uploads[name] = nil
                files[name] = CustomerFile(fileID: stored.fileID, contentType: stored.contentType, size: stored.size)
            }
            let known = try await self.deps.ownership.customer(of: identity.owner)
            let hookRequest = CustomerPutRequest(
                auth: HookAuth(claims: context.claims), id: id ?? known,
                memo: identity.memo, type: input.parameters["type"], transactionID: input.parameters["transaction_id"],
                fields: fields, files: files)
            let reply = try await self.deps.call { () async throws(CustomerHookError) -> CustomerPutReply? in try await self.deps.hooks.put(hookRequest) }
            guard !reply.id.isEmpty else { throw SEPError.internalError() }
            if let owner = try await self.deps.ownership.owner(of: reply.id), owner != identity.owner {
                // The plugin answered with someone else's record: never link it to this caller.
                self.deps.logger.error("customer_put returned an id owned by another sub", metadata: ["id": "\(reply.id)"])
                throw SEPError.internalError()
            }
            try await self.deps.ownership.record(id: reply.id, owner: identity.owner)
            try await self.deps.ownership.remember(customer: reply.id, of: identity.owner)
            self.deps.files.link(files.values.map(\.fileID), to: reply.id, owner: identity.owner)
            await self.observeAfterPut(id: reply.id, memo: identity.memo, type: input.parameters["type"], owner: identity.owner, context: context)
            // SEP-12 allows 200 or 202; the anchor test suite requires exactly 202.
            return try Self.json(reply, status: .accepted)
        } catch {
            for (_, part) in input.uploads { self.deps.files.discard(part.upload) }
            throw error
        }
    }

    func verification(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let input = try await CustomerInput.read(request, files: self.deps.files)
        let identity = try CustomerIdentity(claims: context.claims, account: input.parameters["account"], memo: input.parameters["memo"])
        guard let id = input.parameters["id"], !id.isEmpty else { throw SEPError.badRequest("id is required") }
        guard try await self.deps.ownership.check(id: id, owner: identity.owner) else { throw SEPError.notFound("customer not found") }
        var fields: [String: String] = [:]
        for (name, value) in input.parameters where !SEP9Fields.control.contains(name) {
            guard name.hasSuffix("_verification"), SEP9Fields.formats[String(name.dropLast(13))] != nil else {
                throw SEPError.badRequest("\(name) is not a verification field")
            }
            fields[name] = value
        }
        guard !fields.isEmpty else { throw SEPError.badRequest("no <field>_verification values") }
        let hookRequest = CustomerVerificationRequest(auth: HookAuth(claims: context.claims), id: id, fields: fields)
        let reply = try await self.deps.call { () async throws(CustomerHookError) -> CustomerReply? in try await self.deps.hooks.verification(hookRequest) }
        let checked = try await Self.checked(reply, requestedID: id, owner: identity.owner, deps: self.deps)
        await self.deps.observe(checked, id: id, owner: identity.owner)
        return try Self.json(checked)
    }

    /// A PUT usually changes the customer's status (NEEDS_INFO to PROCESSING or ACCEPTED), and `customer_put` answers
    /// only the id: ask the plugin for the status now, so callbacks and waiting transactions move without a GET.
    private func observeAfterPut(id: String, memo: String?, type: String?, owner: String, context: AuthenticatedContext) async {
        let request = CustomerGetRequest(auth: HookAuth(claims: context.claims), id: id, memo: memo, type: type, transactionID: nil, lang: nil)
        do {
            guard let reply = try await self.deps.hooks.get(request), reply.id == nil || reply.id == id else { return }
            await self.deps.observe(reply, id: id, owner: owner)
        } catch {
            self.deps.logger.warning("customer_get after customer_put failed; status not observed", metadata: ["id": "\(id)", "error": "\(error)"])
        }
    }

    func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.parameters.get("account") ?? ""
        let query = request.uri.queryParameters
        let identity: CustomerIdentity
        do {
            identity = try CustomerIdentity(claims: context.claims, account: account, memo: query["memo"].map(String.init))
        } catch {
            // Someone else's account is as unknown to the caller as a missing one.
            if error.status == .forbidden { throw SEPError.notFound("customer not found") }
            throw error
        }
        let hookRequest = CustomerDeleteRequest(auth: HookAuth(claims: context.claims), account: context.claims.account, memo: identity.memo)
        _ = try await self.deps.call { () async throws(CustomerHookError) -> Bool? in try await self.deps.hooks.delete(hookRequest) }
        if let id = try await self.deps.ownership.customer(of: identity.owner) { try await self.deps.statuses.forget(id: id) }
        try await self.deps.ownership.forget(owner: identity.owner)
        self.deps.files.removeAll(owner: identity.owner)
        return Response.json("{}")
    }

    func callback(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let input = try await CustomerInput.read(request, files: self.deps.files)
        let identity = try CustomerIdentity(claims: context.claims, account: input.parameters["account"], memo: input.parameters["memo"])
        guard let url = input.parameters["url"], let parsed = URL(string: url), ["https", "http"].contains(parsed.scheme?.lowercased()), parsed.host != nil else {
            throw SEPError.badRequest("url must be an absolute https URL")
        }
        let id = input.parameters["id"].flatMap { $0.isEmpty ? nil : $0 }
        if let id, try await !self.deps.ownership.check(id: id, owner: identity.owner) { throw SEPError.notFound("customer not found") }
        let hookRequest = CustomerCallbackRequest(
            auth: HookAuth(claims: context.claims), id: id, account: context.claims.account, memo: identity.memo, url: url)
        _ = try await self.deps.call { () async throws(CustomerHookError) -> Bool? in try await self.deps.hooks.callback(hookRequest) }
        try await self.deps.callbacks.setValue(Array(url.utf8), plugin: "capstan.sep12", key: "callback:\(identity.owner)")
        return Response.json("{}")
    }

    /// A reply the wallet may see: a plugin that names an id must name one this caller owns.
    static func checked(_ reply: CustomerReply, requestedID: String?, owner: String, deps: SEP12Dependencies) async throws -> CustomerReply {
        if let id = reply.id, id != requestedID, try await !deps.ownership.check(id: id, owner: owner) {
            deps.logger.error("customer_get returned an id this sub does not own", metadata: ["id": "\(id)"])
            throw SEPError.internalError()
        }
        if reply.status == .needsInfo, reply.fields == nil { throw SEPError.internalError() }
        return reply
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONEncoder.sorted.encode(value)
        return Response.json(ByteBuffer(bytes: data), status: status)
    }
}
