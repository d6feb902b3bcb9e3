/// One interactive form as the `sep24_form` hook describes it; the host renders, localises and validates it.
public struct FormSchema: Codable, Sendable, Equatable {
    /// Names the form in `sep24_form_submit`, and lets a stale browser tab be told apart from the current step.
    public var id: String
    public var title: String
    public var description: String?
    /// The button's text; the catalog's "Continue" when absent.
    public var submitLabel: String?
    public var fields: [FormField]

    public init(id: String, title: String, description: String? = nil, submitLabel: String? = nil, fields: [FormField]) {
        self.id = id
        self.title = title
        self.description = description
        self.submitLabel = submitLabel
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, fields
        case submitLabel = "submit_label"
    }
}

/// One input of a `FormSchema`.
public struct FormField: Codable, Sendable, Equatable {
    /// The kinds of input the host can render and check.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case text, email, number, amount, select, date, checkbox
    }

    /// One option of a `select`.
    public struct Choice: Codable, Sendable, Equatable {
        public var value: String
        public var label: String

        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// The submitted value's key; SEP-9 names (`email_address`) get matching browser autofill.
    public var name: String
    public var type: Kind
    public var label: String
    public var help: String?
    public var required: Bool
    public var choices: [Choice]?
    /// Lower bound of a number, amount (decimal strings) or date (`YYYY-MM-DD`).
    public var min: String?
    /// Upper bound, like `min`.
    public var max: String?
    /// An ECMAScript regular expression the whole text must match (as the HTML `pattern` attribute).
    public var pattern: String?
    /// The initial value.
    public var value: String?

    public init(
        name: String, type: Kind, label: String, help: String? = nil, required: Bool = false, choices: [Choice]? = nil,
        min: String? = nil, max: String? = nil, pattern: String? = nil, value: String? = nil
    ) {
        self.name = name
        self.type = type
        self.label = label
        self.help = help
        self.required = required
        self.choices = choices
        self.min = min
        self.max = max
        self.pattern = pattern
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case name, type, label, help, required, choices, min, max, pattern, value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.name = try container.decode(String.self, forKey: .name)
        self.type = try container.decode(Kind.self, forKey: .type)
        self.label = try container.decode(String.self, forKey: .label)
        self.help = try container.decodeIfPresent(String.self, forKey: .help)
        self.required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        self.choices = try container.decodeIfPresent([Choice].self, forKey: .choices)
        self.min = try container.decodeIfPresent(String.self, forKey: .min)
        self.max = try container.decodeIfPresent(String.self, forKey: .max)
        self.pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
        self.value = try container.decodeIfPresent(String.self, forKey: .value)
    }
}

/// Text shown beside a form, or alone on the last page (`"content"` in the `sep24_form` reply).
public struct PageContent: Codable, Sendable, Equatable {
    public var title: String
    public var body: String

    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }
}
