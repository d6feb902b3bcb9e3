import CapstanCore

/// The context of `form.mustache`: one hook form with its values, errors, fee preview and summary so far.
struct FormPage {
    let page: PageModel
    let transaction: Transaction
    let asset: Asset
    let form: FormSchema
    let content: PageContent?
    /// The value each field shows: what was just submitted, else what the flow has, else the form's or prefill's.
    let values: [String: String]
    let errors: [String: String]
    let formMessage: String?
    let notice: String?
    let csrf: String
    let action: String
    let feeURL: String
    /// The fee preview for a prefilled or resubmitted amount, so it shows even without JavaScript.
    let preview: FeeBreakdown?

    func context() -> [String: Any] {
        var context = self.page.base(title: self.form.title, transaction: self.transaction)
        let validator = FormValidator(
            catalog: self.page.deps.pages.catalog, language: self.page.language, asset: self.asset,
            operation: self.transaction.kind == .deposit ? .deposit : .withdraw)
        var errorList: [[String: Any]] = []
        if let message = self.formMessage, !self.errors.values.contains(message) {
            errorList.append(["field_id": Self.fieldID(self.form.fields.first?.name ?? "form"), "message": message])
        }
        var fields: [[String: Any]] = []
        for field in self.form.fields {
            let id = Self.fieldID(field.name)
            if let error = self.errors[field.name] { errorList.append(["field_id": id, "message": error]) }
            fields.append(self.field(field, id: id, validator: validator))
        }
        context["form_title"] = self.form.title
        if let description = self.form.description { context["form_description"] = description }
        if let content { context["content"] = ["title": content.title, "body": content.body] }
        if let notice { context["notice"] = notice }
        context["errors"] = errorList
        context["has_errors"] = !errorList.isEmpty
        context["fields"] = fields
        context["form_id"] = self.form.id
        context["csrf"] = self.csrf
        context["action"] = self.action
        context["submit_label"] = self.form.submitLabel ?? self.page.text("form_continue")
        context["show_required_hint"] = self.form.fields.contains { $0.required && $0.type != .checkbox }
        if self.form.fields.contains(where: { $0.type == .amount }) {
            let view = TransactionView(page: self.page, transaction: self.transaction, asset: self.asset)
            context["fee"] = [
                "fee_text": view.money(self.preview?.amountFee) ?? "—",
                "receive_text": view.money(self.preview?.amountOut) ?? "—",
            ]
        } else if self.transaction.amountIn != nil {
            // After the amount step: remind the user what they are agreeing to (and show the fee without JavaScript).
            let view = TransactionView(page: self.page, transaction: self.transaction, asset: self.asset)
            var rows: [[String: Any]] = []
            if let amount = view.money(self.transaction.amountIn) { rows.append(PageModel.row(self.page.text("you_send"), amount)) }
            if let fee = view.money(self.transaction.amountFee) { rows.append(PageModel.row(self.page.text("fee"), fee)) }
            if let out = view.money(self.transaction.amountOut) { rows.append(PageModel.row(self.page.text("you_receive"), out, strong: true)) }
            context["summary_rows"] = rows
            context["has_summary"] = !rows.isEmpty
        }
        return context
    }

    private func field(_ field: FormField, id: String, validator: FormValidator) -> [String: Any] {
        var item: [String: Any] = [
            "id": id, "name": field.name, "label": field.label, "required": field.required,
            "is_checkbox": field.type == .checkbox, "is_select": field.type == .select, "is_amount": field.type == .amount,
            "is_plain": [.text, .email, .number, .date].contains(field.type), "maxlength": FormValidator.maxLength,
        ]
        var describedBy: [String] = []
        if let help = field.help {
            item["help"] = help
            item["help_id"] = "\(id)-help"
            describedBy.append("\(id)-help")
        }
        let value = self.values[field.name] ?? ""
        switch field.type {
        case .checkbox:
            item["checked"] = value == "true"
        case .select:
            item["choices"] = (field.choices ?? []).map { ["value": $0.value, "label": $0.label, "selected": $0.value == value] }
        case .amount:
            item["value"] = value
            item["asset_code"] = self.asset.code
            item["fee_url"] = self.feeURL
            let limits = validator.limits(field)
            let text: String? = switch (limits.min, limits.max) {
            case (let min?, let max?): self.page.text("amount_between", ["min": validator.display(min), "max": validator.display(max), "asset": self.asset.code])
            case (let min?, nil): self.page.text("amount_at_least", ["min": validator.display(min), "asset": self.asset.code])
            case (nil, let max?): self.page.text("amount_at_most", ["max": validator.display(max), "asset": self.asset.code])
            case (nil, nil): nil
            }
            if let text {
                item["limits"] = text
                item["limits_id"] = "\(id)-limits"
                describedBy.append("\(id)-limits")
            }
        case .text, .email, .number, .date:
            item["value"] = value
            item["input_type"] = switch field.type {
            case .email: "email"
            case .date: "date"
            default: "text"
            }
            if field.type == .number { item["inputmode"] = "decimal" }
            if field.type == .email { item["inputmode"] = "email" }
            if let autocomplete = Self.autocomplete[field.name] { item["autocomplete"] = autocomplete }
            if field.type == .number || field.type == .date {
                if let min = field.min { item["min"] = min }
                if let max = field.max { item["max"] = max }
            }
            if let pattern = field.pattern { item["pattern"] = pattern }
        }
        if let error = self.errors[field.name] {
            item["error"] = error
            item["error_id"] = "\(id)-error"
            describedBy.append("\(id)-error")
        }
        if !describedBy.isEmpty { item["describedby"] = describedBy.joined(separator: " ") }
        return item
    }

    /// An HTML id for a field name (`organization.name` → `field-organization-name`).
    static func fieldID(_ name: String) -> String {
        "field-" + String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
    }

    /// Browser autofill tokens (HTML "autofill field names") for SEP-9 names.
    static let autocomplete: [String: String] = [
        "first_name": "given-name", "given_name": "given-name", "last_name": "family-name", "family_name": "family-name",
        "additional_name": "additional-name", "name": "name", "full_name": "name", "email_address": "email", "email": "email",
        "mobile_number": "tel", "address": "street-address", "city": "address-level2", "state_or_province": "address-level1",
        "postal_code": "postal-code", "address_country_code": "country", "birth_date": "bday",
        "organization.name": "organization",
    ]
}
