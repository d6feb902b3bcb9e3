import CapstanHTTP

/// `sep24_form` request: which form comes next for this transaction.
public struct FormRequest: Codable, Sendable, Equatable {
    public var transaction: HookTransaction
    /// How many forms of this flow were submitted so far.
    public var step: Int
    public var lang: String
    /// Every value submitted so far in this flow, by field name.
    public var values: [String: String]
    /// SEP-9 fields the wallet sent with its request (kept only when `sep9_save` is implemented).
    public var prefill: [String: String]

    public init(transaction: HookTransaction, step: Int, lang: String, values: [String: String], prefill: [String: String]) {
        self.transaction = transaction
        self.step = step
        self.lang = lang
        self.values = values
        self.prefill = prefill
    }
}

/// `sep24_form` reply: the next form, or none, and optional text to show with it (or alone, last).
public struct FormReply: Codable, Sendable, Equatable {
    public var form: FormSchema?
    public var content: PageContent?

    public init(form: FormSchema?, content: PageContent? = nil) {
        self.form = form
        self.content = content
    }
}

/// `sep24_form_submit` request: a form that passed the host's validation.
public struct FormSubmission: Codable, Sendable, Equatable {
    public var transaction: HookTransaction
    /// The `FormSchema.id` submitted.
    public var form: String
    public var step: Int
    /// This form's values only.
    public var values: [String: String]
    public var lang: String

    public init(transaction: HookTransaction, form: String, step: Int, values: [String: String], lang: String) {
        self.transaction = transaction
        self.form = form
        self.step = step
        self.values = values
        self.lang = lang
    }
}

/// `sep24_form_submit` reply: changes to the transaction the anchor wants; the host checks amounts against the
/// asset's limits before storing them.
public struct SubmitReply: Codable, Sendable, Equatable {
    /// The fields a plugin may set.
    public struct Changes: Codable, Sendable, Equatable {
        public var amountIn: String?
        public var amountOut: String?
        public var amountFee: String?
        public var to: String?
        public var from: String?
        public var message: String?

        public init(
            amountIn: String? = nil, amountOut: String? = nil, amountFee: String? = nil, to: String? = nil, from: String? = nil,
            message: String? = nil
        ) {
            self.amountIn = amountIn
            self.amountOut = amountOut
            self.amountFee = amountFee
            self.to = to
            self.from = from
            self.message = message
        }

        enum CodingKeys: String, CodingKey {
            case amountIn = "amount_in", amountOut = "amount_out", amountFee = "amount_fee", to, from, message
        }
    }

    public var transaction: Changes?

    public init(transaction: Changes? = nil) {
        self.transaction = transaction
    }
}

/// `sep9_save` request: SEP-9 fields that came with a deposit or withdraw request.
public struct SEP9Submission: Codable, Sendable, Equatable {
    public var transactionID: String
    public var auth: HookAuth
    public var fields: [String: String]

    public init(transactionID: String, auth: HookAuth, fields: [String: String]) {
        self.transactionID = transactionID
        self.auth = auth
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case transactionID = "transaction_id", auth, fields
    }
}
/// `deposit_instructions` request.
public struct InstructionsRequest: Codable, Sendable, Equatable {
    public var transaction: HookTransaction

    public init(transaction: HookTransaction) {
        self.transaction = transaction
    }
}

/// `deposit_instructions` reply: SEP-9 financial-account field name to value and what it is.
public struct InstructionsReply: Codable, Sendable, Equatable {
    /// One line of instructions.
    public struct Instruction: Codable, Sendable, Equatable {
        public var value: String
        public var description: String

        public init(value: String, description: String) {
            self.value = value
            self.description = description
        }
    }

    public var instructions: [String: Instruction]
    public var message: String?

    public init(instructions: [String: Instruction], message: String? = nil) {
        self.instructions = instructions
        self.message = message
    }
}
