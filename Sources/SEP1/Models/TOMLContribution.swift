/// What a plugin adds to stellar.toml: the `toml` hook's response, decoded.
///
/// The host owns the keys it can derive itself (passphrase, signing key, endpoints, accounts, each
/// currency's code and issuer); a contribution fills in everything an operator knows and the host does not.
public struct TOMLContribution: Sendable, Equatable, Decodable {
    /// Top-level keys beyond the ones the host writes (`FEDERATION_SERVER`, `URI_REQUEST_SIGNING_KEY`, …).
    public var topLevel: [String: TOMLValue]
    /// The `[DOCUMENTATION]` table.
    public var documentation: [String: TOMLValue]
    /// The `[[PRINCIPALS]]` entries.
    public var principals: [[String: TOMLValue]]
    /// `[[CURRENCIES]]` fields, matched to the asset table by `code`.
    public var currencies: [[String: TOMLValue]]
    /// `[[VALIDATORS]]` entries, for anchors that also run validators.
    public var validators: [[String: TOMLValue]]

    public init(
        topLevel: [String: TOMLValue] = [:],
        documentation: [String: TOMLValue] = [:],
        principals: [[String: TOMLValue]] = [],
        currencies: [[String: TOMLValue]] = [],
        validators: [[String: TOMLValue]] = []
    ) {
        self.topLevel = topLevel
        self.documentation = documentation
        self.principals = principals
        self.currencies = currencies
        self.validators = validators
    }

    enum CodingKeys: String, CodingKey {
        case topLevel = "top_level", documentation, principals, currencies, validators
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.topLevel = try container.decodeIfPresent([String: TOMLValue].self, forKey: .topLevel) ?? [:]
        self.documentation = try container.decodeIfPresent([String: TOMLValue].self, forKey: .documentation) ?? [:]
        self.principals = try container.decodeIfPresent([[String: TOMLValue]].self, forKey: .principals) ?? []
        self.currencies = try container.decodeIfPresent([[String: TOMLValue]].self, forKey: .currencies) ?? []
        self.validators = try container.decodeIfPresent([[String: TOMLValue]].self, forKey: .validators) ?? []
    }
}

/// What a contributor is told about the file it contributes to.
public struct TOMLContext: Sendable, Equatable, Encodable {
    /// A currency the host will list, by code and issuer.
    public struct Currency: Sendable, Equatable, Encodable {
        public let code: String
        public let issuer: String?
    }

    public let homeDomain: String
    public let networkPassphrase: String
    public let currencies: [Currency]

    enum CodingKeys: String, CodingKey {
        case homeDomain = "home_domain", networkPassphrase = "network_passphrase", currencies
    }
}

/// Supplies the operator's part of stellar.toml; the plugin host implements it with the `toml` hook.
public protocol TOMLContributor: Sendable {
    /// The contribution, or `nil` when no plugin provides one.
    func contribution(for context: TOMLContext) async throws -> TOMLContribution?
}
