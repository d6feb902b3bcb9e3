import CapstanPluginKit

/// The reference anchor's SEP-6 hooks for the SRT demo asset: bank transfers in (SEPA or SWIFT), bank payouts or
/// cash pickup out.
///
/// A deposit needs a known customer: one whose SEP-12 record (kept by `ReferenceCustomers`) has a name and an
/// email address, or who went through the SEP-24 KYC form. Until then the host parks the transaction in
/// `pending_customer_info_update` with the fields still missing. A withdrawal needs a `type` (or `funding_method`)
/// and, for a bank payout, the `dest` account.
enum ReferenceSEP6 {
    /// `sep6_info` request.
    struct InfoRequest: Decodable, Sendable { var lang: String? }

    /// `sep6_info` reply: the deprecated `fields` and `types` wallets still read, and the v4 `funding_methods`.
    struct InfoReply: Encodable, Sendable {
        struct Field: Encodable, Sendable {
            var description: String
            var optional: Bool?
            var choices: [String]?
        }
        struct TypeInfo: Encodable, Sendable { var fields: [String: Field] }
        struct AssetInfo: Encodable, Sendable {
            var funding_methods: [String]
            var fields: [String: Field]?
            var types: [String: TypeInfo]?
        }
        var deposit: [String: AssetInfo]
        var withdraw: [String: AssetInfo]
    }

    /// `sep6_deposit` and `sep6_withdraw` request.
    struct TransferRequest: Decodable, Sendable {
        struct Auth: Decodable, Sendable { var sub: String }
        var transaction: HookTransaction
        var request: [String: String]
        var auth: Auth
    }

    /// `sep6_deposit` and `sep6_withdraw` reply.
    struct TransferReply: Encodable, Sendable {
        struct ExtraInfo: Encodable, Sendable { var message: String }
        var instructions: [String: InstructionsReply.Instruction]?
        var eta: Int?
        var extra_info: ExtraInfo?
        var customer_info_needed: [String]?
    }

    /// The SEP-12 fields a deposit needs on file.
    static let customerFields = ["first_name", "last_name", "email_address"]

    static func info(_ request: InfoRequest) -> InfoReply {
        let spanish = request.lang?.hasPrefix("es") == true
        let field = { (english: String, español: String, optional: Bool?) in InfoReply.Field(description: spanish ? español : english, optional: optional) }
        return InfoReply(
            deposit: ["SRT": .init(
                funding_methods: ["SEPA", "SWIFT"],
                fields: ["type": .init(description: spanish ? "Método de depósito" : "Deposit method", optional: true, choices: ["SEPA", "SWIFT"])])],
            withdraw: ["SRT": .init(
                funding_methods: ["bank_account", "cash"],
                types: [
                    "bank_account": .init(fields: [
                        "dest": field("Your bank account number or IBAN", "Tu número de cuenta o IBAN", nil),
                        "dest_extra": field("Your bank's routing number or BIC", "El número de ruta o BIC de tu banco", true),
                    ]),
                    "cash": .init(fields: [:]),
                ])])
    }

    static func deposit(_ request: TransferRequest, host: HostServices) throws -> TransferReply {
        let missing = try Self.missingCustomerFields(request, host: host)
        guard missing.isEmpty else { return TransferReply(customer_info_needed: missing) }
        let reply = ReferenceInteractiveFlow.instructions(InstructionsRequest(transaction: request.transaction))
        return TransferReply(
            instructions: reply.instructions, eta: 2 * 86_400, extra_info: reply.message.map { TransferReply.ExtraInfo(message: $0) })
    }

    static func withdraw(_ request: TransferRequest, host: HostServices) throws -> TransferReply {
        guard let method = request.request["funding_method"] ?? request.request["type"] else {
            throw PluginFailure.invalid("type is required: bank_account or cash", fields: ["type": "Choose bank_account or cash"])
        }
        switch method {
        case "bank_account":
            guard request.request["dest"] != nil else {
                throw PluginFailure.invalid("dest is required: the bank account to pay", fields: ["dest": "Enter your bank account number"])
            }
            return TransferReply(eta: 86_400, extra_info: .init(message: "We pay your bank account once your SRT payment arrives."))
        case "cash":
            return TransferReply(eta: 3600, extra_info: .init(message: "Collect the cash at any Capstan Demo Bank branch with your ID."))
        default:
            throw PluginFailure.invalid("\(method) is not a withdrawal type of this anchor", fields: ["type": "Choose bank_account or cash"])
        }
    }

    /// The SEP-12 fields still missing for this wallet user; none once the SEP-24 KYC form was filled in.
    private static func missingCustomerFields(_ request: TransferRequest, host: HostServices) throws -> [String] {
        struct SEP12Record: Decodable { var fields: [String: String] }
        if try host.value(CustomerRecord.self, forKey: ReferenceInteractiveFlow.customerKey(request.transaction)) != nil { return [] }
        let fields = try host.value(SEP12Record.self, forKey: "customer:\(request.auth.sub)")?.fields ?? [:]
        return Self.customerFields.filter { fields[$0]?.isEmpty ?? true }
    }
}
