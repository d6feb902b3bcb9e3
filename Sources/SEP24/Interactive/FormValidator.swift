import CapstanCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Checks submitted values against a `FormSchema` on the server, whatever the browser did: required, type,
/// min/max, pattern and choices, with one message per field in the page's language.
struct FormValidator {
    /// The longest value any field takes; longer input is refused before any other check.
    static let maxLength = 1000

    let catalog: MessageCatalog
    let language: String
    /// The asset an `amount` field is in: its limits apply on top of the field's own, and its decimals bound input.
    let asset: Asset
    let operation: FeeOperation

    /// The values the hooks receive (checkboxes as `true`/`false`, empty optional fields left out) and the errors.
    func validate(_ schema: FormSchema, _ submitted: [String: String]) -> (values: [String: String], errors: [String: String]) {
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        for field in schema.fields {
            let raw = (submitted[field.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if let error = self.check(field, raw) {
                errors[field.name] = error
            } else if field.type == .checkbox {
                values[field.name] = raw == "true" ? "true" : "false"
            } else if !raw.isEmpty {
                values[field.name] = raw
            }
        }
        return (values, errors)
    }

    private func check(_ field: FormField, _ value: String) -> String? {
        let label = field.label
        if value.count > Self.maxLength { return self.text("v_too_long", ["max": String(Self.maxLength)]) }
        if field.type == .checkbox {
            return field.required && value != "true" ? self.text("v_required_checkbox", ["label": label]) : nil
        }
        guard !value.isEmpty else {
            guard field.required else { return nil }
            return self.text(field.type == .select ? "v_required_choice" : "v_required", ["label": label.lowercasedFirst])
        }
        switch field.type {
        case .email:
            guard value.wholeMatch(of: /[^\s@]+@[^\s@]+\.[^\s@]+/) != nil else { return self.text("v_email") }
        case .number:
            guard value.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil, let number = Decimal(string: value) else { return self.text("v_number") }
            if let min = field.min.flatMap({ Decimal(string: $0) }), number < min { return self.text("v_min", ["min": field.min ?? ""]) }
            if let max = field.max.flatMap({ Decimal(string: $0) }), number > max { return self.text("v_max", ["max": field.max ?? ""]) }
        case .amount:
            return self.checkAmount(field, value)
        case .date:
            guard value.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil, let date = UTCTimestamp.parse(value),
                  UTCTimestamp.format(date).hasPrefix(value) else { return self.text("v_date") }
            if let min = field.min, value < min { return self.text("v_date_min", ["min": min]) }
            if let max = field.max, value > max { return self.text("v_date_max", ["max": max]) }
        case .select:
            guard field.choices?.contains(where: { $0.value == value }) == true else { return self.text("v_choice") }
        case .text, .checkbox:
            break
        }
        if let pattern = field.pattern, let regex = try? Regex(pattern), (try? regex.wholeMatch(in: value)) == nil {
            return self.text("v_pattern", ["label": label])
        }
        return nil
    }

    /// An amount of `asset`: at most its significant decimals, within the field's bounds and the asset's limits.
    private func checkAmount(_ field: FormField, _ value: String) -> String? {
        guard let amount = Amount(value) else { return self.text("v_amount") }
        let decimals = value.split(separator: ".").dropFirst().first?.count ?? 0
        if decimals > self.asset.significantDecimals {
            return self.text("v_amount_decimals", ["decimals": String(self.asset.significantDecimals)])
        }
        let limits = self.limits(field)
        if let min = limits.min, amount < min { return self.text("v_min", ["min": self.display(min)]) }
        if let max = limits.max, amount > max { return self.text("v_max", ["max": self.display(max)]) }
        if amount.isZero { return self.text("v_amount") }
        return nil
    }

    /// The tighter of the field's bounds and the asset's limits for this operation.
    func limits(_ field: FormField) -> (min: Amount?, max: Amount?) {
        let direction = self.operation == .deposit ? self.asset.deposit : self.asset.withdraw
        var minimum = direction.minAmount, maximum = direction.maxAmount
        if let own = field.min.flatMap({ Amount($0) }), own > (minimum ?? .zero) { minimum = own }
        if let own = field.max.flatMap({ Amount($0) }), maximum.map({ own < $0 }) ?? true { maximum = own }
        return (minimum, maximum)
    }

    func display(_ amount: Amount) -> String {
        amount.formatted(decimals: self.asset.significantDecimals)
    }

    private func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        self.catalog.text(key, self.language, arguments)
    }
}

extension String {
    /// "Email address" → "email address", for messages like "Enter email address"; acronyms ("IBAN") stay.
    var lowercasedFirst: String {
        guard let first = self.first, self.count > 1, !self.dropFirst().first!.isUppercase else { return self }
        return first.lowercased() + self.dropFirst()
    }
}
