/// The `toml` hook's request: what the host already knows, so the plugin can tailor its part.
public struct TOMLRequest: Codable, Sendable, Equatable {
    /// A currency from the host's asset table; the host supplies its code and issuer.
    public struct Currency: Codable, Sendable, Equatable {
        public var code: String
        public var issuer: String?

        public init(code: String, issuer: String? = nil) {
            self.code = code
            self.issuer = issuer
        }
    }

    public var homeDomain: String?
    public var networkPassphrase: String?
    public var currencies: [Currency]

    enum CodingKeys: String, CodingKey {
        case homeDomain = "home_domain", networkPassphrase = "network_passphrase", currencies
    }

    public init(homeDomain: String? = nil, networkPassphrase: String? = nil, currencies: [Currency] = []) {
        self.homeDomain = homeDomain
        self.networkPassphrase = networkPassphrase
        self.currencies = currencies
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.homeDomain = try container.decodeIfPresent(String.self, forKey: .homeDomain)
        self.networkPassphrase = try container.decodeIfPresent(String.self, forKey: .networkPassphrase)
        self.currencies = try container.decodeIfPresent([Currency].self, forKey: .currencies) ?? []
    }
}

/// The `toml` hook's response, which the host merges into its own stellar.toml. Keys are spelled
/// exactly as in SEP-1 (`ORG_NAME`, `anchor_asset_type`, ...).
public struct TOMLResponse: Codable, Sendable, Equatable {
    /// `[DOCUMENTATION]`.
    public var documentation: [String: TOMLValue]
    /// `[[PRINCIPALS]]`, one dictionary each.
    public var principals: [[String: TOMLValue]]
    /// `[[CURRENCIES]]` fields, matched to the host's assets by code.
    public var currencies: [TOMLCurrency]
    /// Top-level keys the host does not own itself (for example `ACCOUNTS`).
    public var topLevel: [String: TOMLValue]

    enum CodingKeys: String, CodingKey { case documentation, principals, currencies, topLevel = "top_level" }

    public init(
        documentation: [String: TOMLValue] = [:], principals: [[String: TOMLValue]] = [],
        currencies: [TOMLCurrency] = [], topLevel: [String: TOMLValue] = [:]
    ) {
        self.documentation = documentation
        self.principals = principals
        self.currencies = currencies
        self.topLevel = topLevel
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.documentation = try container.decodeIfPresent([String: TOMLValue].self, forKey: .documentation) ?? [:]
        self.principals = try container.decodeIfPresent([[String: TOMLValue]].self, forKey: .principals) ?? []
        self.currencies = try container.decodeIfPresent([TOMLCurrency].self, forKey: .currencies) ?? []
        self.topLevel = try container.decodeIfPresent([String: TOMLValue].self, forKey: .topLevel) ?? [:]
    }
}

/// One `[[CURRENCIES]]` entry: its code plus SEP-1 fields, encoded flat as `{"code": ..., ...fields}`.
public struct TOMLCurrency: Codable, Sendable, Equatable {
    public var code: String
    public var fields: [String: TOMLValue]

    public init(code: String, fields: [String: TOMLValue]) {
        self.code = code
        self.fields = fields
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { self.stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        self.code = try container.decode(String.self, forKey: Key("code"))
        var fields: [String: TOMLValue] = [:]
        for key in container.allKeys where key.stringValue != "code" {
            fields[key.stringValue] = try container.decode(TOMLValue.self, forKey: key)
        }
        self.fields = fields
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(self.code, forKey: Key("code"))
        for (key, value) in self.fields where key != "code" { try container.encode(value, forKey: Key(key)) }
    }
}
