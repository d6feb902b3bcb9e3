/// The JSON of the SEP-24 hooks as `capstan_plugin.h` documents them, reduced to the fields this plugin reads
/// or writes (both sides ignore unknown fields).

/// The header's shared `transaction` shape.
struct HookTransaction: Codable, Sendable {
    var id: String
    var kind: String
    var status: String
    var assetCode: String
    var amountIn: String?
    var amountExpected: String?
    /// The owner's `G…` account, and the memo of a shared account's user.
    var account: String
    var memo: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, status, account, memo
        case assetCode = "asset_code", amountIn = "amount_in", amountExpected = "amount_expected"
    }

    /// Whose KYC record applies: one per SEP-10 user, so two memos of one account are two customers.
    var customerKey: String { self.memo.map { "\(self.account):\($0)" } ?? self.account }
}

/// `sep24_form` request.
struct FormRequest: Decodable, Sendable {
    var transaction: HookTransaction
    var step: Int
    var lang: String?
    var values: [String: String]?
    var prefill: [String: String]?
}

/// `sep24_form` reply; `form: nil` ends the flow.
struct FormReply: Encodable, Sendable {
    var form: Form?
    var content: Content?

    /// `form` is written as `null` when absent, so the reply says "no more forms" in so many words.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.form, forKey: .form)
        try container.encodeIfPresent(self.content, forKey: .content)
    }

    enum CodingKeys: String, CodingKey { case form, content }
}

struct Form: Encodable, Sendable {
    var id: String
    var title: String
    var description: String?
    var submitLabel: String?
    var fields: [Field]

    enum CodingKeys: String, CodingKey { case id, title, description, fields, submitLabel = "submit_label" }
}

struct Field: Encodable, Sendable {
    var name: String
    var type: String
    var label: String
    var help: String?
    var required: Bool?
    var value: String?
}

struct Content: Encodable, Sendable {
    var title: String
    var body: String
}

/// `sep24_form_submit` request.
struct SubmitRequest: Decodable, Sendable {
    var transaction: HookTransaction
    var form: String
    var values: [String: String]
    var lang: String?
}

/// `sep24_form_submit` reply: this plugin leaves amounts to the host (which applies the `fee` hook).
struct SubmitReply: Encodable, Sendable {}

/// `sep9_save` request.
struct SEP9SaveRequest: Decodable, Sendable {
    struct Auth: Decodable, Sendable { var sub: String }
    var auth: Auth
    var fields: [String: String]
}

struct EmptyReply: Encodable, Sendable {}

/// `deposit_instructions` request and reply.
struct InstructionsRequest: Decodable, Sendable {
    var transaction: HookTransaction
}

struct InstructionsReply: Encodable, Sendable {
    struct Instruction: Encodable, Sendable {
        var value: String
        var description: String
    }

    var instructions: [String: Instruction]
    var message: String?
}

/// The KYC record the second form collects, kept in the host's key-value store.
struct CustomerRecord: Codable, Sendable {
    var name: String
    var emailAddress: String

    enum CodingKeys: String, CodingKey { case name, emailAddress = "email_address" }
}
