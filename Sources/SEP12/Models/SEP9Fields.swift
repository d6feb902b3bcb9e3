import Foundation

/// The SEP-9 (v1.17.0) field names and the formats the host checks before a plugin sees a value.
enum SEP9Fields {
    enum Format: Sendable { case text, date, country, phone, email, language, binary }

    /// How many SEP-9 fields are files, which bounds how many one request can upload.
    static let binaryFieldCount = formats.values.count { $0 == .binary }

    static let formats: [String: Format] = {
        var formats: [String: Format] = [:]
        for name in [
            "family_name", "last_name", "given_name", "first_name", "additional_name", "state_or_province", "city",
            "postal_code", "address", "mobile_number_format", "birth_place", "tax_id", "tax_id_name", "occupation",
            "employer_name", "employer_address", "id_type", "id_number", "ip_address", "sex", "referral_id",
            "bank_name", "bank_account_type", "bank_account_number", "bank_number", "bank_branch_number",
            "external_transfer_memo", "clabe_number", "cbu_number", "cbu_alias", "mobile_money_number",
            "mobile_money_provider", "crypto_address", "crypto_memo",
            "organization.name", "organization.registration_number", "organization.registered_address",
            "organization.number_of_shareholders", "organization.shareholder_name", "organization.state_or_province",
            "organization.city", "organization.postal_code", "organization.director_name", "organization.website",
            "card.number", "card.expiration_date", "card.cvc", "card.holder_name", "card.network", "card.postal_code",
            "card.state_or_province", "card.city", "card.address", "card.token",
        ] { formats[name] = .text }
        for name in ["birth_date", "id_issue_date", "id_expiration_date", "organization.registration_date"] { formats[name] = .date }
        for name in ["address_country_code", "birth_country_code", "id_country_code", "organization.address_country_code", "card.country_code"] {
            formats[name] = .country
        }
        for name in ["mobile_number", "bank_phone_number", "organization.phone"] { formats[name] = .phone }
        for name in ["email_address", "organization.email"] { formats[name] = .email }
        formats["language_code"] = .language
        for name in [
            "photo_id_front", "photo_id_back", "notary_approval_of_photo_id", "photo_proof_residence", "proof_of_income",
            "proof_of_liveness", "organization.photo_incorporation_doc", "organization.photo_proof_address",
        ] { formats[name] = .binary }
        return formats
    }()

    /// Request parameters of `PUT /customer` that are not SEP-9 fields.
    static let control: Set<String> = ["id", "account", "memo", "memo_type", "type", "transaction_id", "lang"]

    /// Why `value` is not a valid `name`, or nil when it is.
    static func problem(_ name: String, _ value: String) -> String? {
        guard let format = Self.formats[name] else { return "\(name) is not a SEP-9 field" }
        if value.utf8.count > 1000 { return "\(name) is too long" }
        switch format {
        case .text, .binary: return nil
        case .date: return Self.isDate(value) ? nil : "\(name) must be an ISO 8601 date (YYYY-MM-DD)"
        case .country:
            // ISO 3166-1 alpha-3: three capital letters.
            return Self.matches(value, "^[A-Z]{3}$") ? nil : "\(name) must be an ISO 3166-1 alpha-3 country code"
        case .phone: return Self.matches(value, "^\\+[1-9][0-9]{1,14}$") ? nil : "\(name) must be an E.164 phone number such as +14155550100"
        case .email: return Self.matches(value, "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") ? nil : "\(name) must be an email address"
        case .language: return Self.matches(value, "^[a-z]{2}$") ? nil : "\(name) must be an ISO 639-1 language code"
        }
    }

    private static func matches(_ value: String, _ pattern: String) -> Bool {
        value.range(of: pattern, options: .regularExpression) != nil
    }

    /// A real calendar date, so `1990-02-30` is refused.
    static func isDate(_ value: String) -> Bool {
        guard Self.matches(value, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$") else { return false }
        let parts = value.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard let date = calendar.date(from: components) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == parts[0] && back.month == parts[1] && back.day == parts[2]
    }
}
