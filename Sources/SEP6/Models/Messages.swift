/// The wallet-facing texts of SEP-6 in the languages it speaks (SEP-6 "Error": the error text should be in the
/// requested `lang`). Placeholders are `{name}`.
enum Messages {
    /// Languages with a full catalog; anything else falls back to the configured default.
    static let languages: Set<String> = ["en", "es"]

    /// `lang` (RFC 4646, e.g. `es-AR`) reduced to a language this module speaks, or `fallback`.
    static func language(_ lang: String?, fallback: String) -> String {
        guard let lang, let primary = lang.split(separator: "-").first.map({ $0.lowercased() }), Self.languages.contains(primary) else {
            return fallback
        }
        return primary
    }

    static func text(_ key: String, _ language: String, _ arguments: [String: String] = [:]) -> String {
        var text = Self.catalog[key]?[language] ?? Self.catalog[key]?["en"] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    private static let catalog: [String: [String: String]] = [
        "asset_code_required": ["en": "asset_code is required", "es": "asset_code es obligatorio"],
        "field_required": ["en": "{field} is required", "es": "{field} es obligatorio"],
        "asset_unknown": ["en": "{asset} is not an asset this anchor offers under SEP-6", "es": "{asset} no es un activo que este ancla ofrezca por SEP-6"],
        "asset_not_enabled": ["en": "{operation} is not enabled for {asset}", "es": "{operation} no está habilitado para {asset}"],
        "account_invalid": ["en": "account is not a valid Stellar account (G… or M…)", "es": "account no es una cuenta Stellar válida (G… o M…)"],
        "account_contract": ["en": "contract accounts (C…) are not supported", "es": "las cuentas de contrato (C…) no están admitidas"],
        "account_mismatch": ["en": "account must be the authenticated account", "es": "account debe ser la cuenta autenticada"],
        "amount_invalid": ["en": "amount must be a positive decimal number", "es": "amount debe ser un número decimal positivo"],
        "memo_type_invalid": ["en": "memo_type must be text, id or hash", "es": "memo_type debe ser text, id o hash"],
        "memo_invalid": ["en": "memo is not a valid {type} memo", "es": "memo no es un memo {type} válido"],
        "refund_memo_pair": ["en": "refund_memo and refund_memo_type go together", "es": "refund_memo y refund_memo_type van juntos"],
        "boolean_invalid": ["en": "{field} must be true or false", "es": "{field} debe ser true o false"],
        "country_code_invalid": ["en": "country_code must be an ISO 3166-1 alpha-3 code", "es": "country_code debe ser un código ISO 3166-1 alfa-3"],
        "callback_invalid": ["en": "on_change_callback must be an absolute http(s) URL", "es": "on_change_callback debe ser una URL http(s) absoluta"],
        "method_unsupported": ["en": "{method} is not a supported {field} for {asset}", "es": "{method} no es un {field} admitido para {asset}"],
        "asset_id_invalid": ["en": "{field} must be a SEP-38 asset (iso4217:USD, stellar:CODE:ISSUER)", "es": "{field} debe ser un activo SEP-38 (iso4217:USD, stellar:CODE:ISSUER)"],
        "quote_not_found": ["en": "quote {id} was not found", "es": "no se encontró la cotización {id}"],
        "quote_expired": ["en": "quote {id} has expired", "es": "la cotización {id} ha vencido"],
        "quote_mismatch": ["en": "{field} does not match quote {id}", "es": "{field} no coincide con la cotización {id}"],
        "operation_unsupported": ["en": "{operation} is not supported", "es": "{operation} no está admitido"],
        "fee_exceeds_amount": ["en": "the fee is more than the amount", "es": "la comisión supera el importe"],
        "operation_invalid": ["en": "operation must be deposit or withdraw", "es": "operation debe ser deposit o withdraw"],
        "unavailable": ["en": "the anchor cannot handle this request right now; try again later", "es": "el ancla no puede atender la solicitud ahora; inténtalo más tarde"],
        "no_receiving_account": ["en": "withdrawals of {asset} have no receiving account", "es": "los retiros de {asset} no tienen cuenta receptora"],
        "lookup_required": ["en": "one of id, stellar_transaction_id or external_transaction_id is required", "es": "se requiere id, stellar_transaction_id o external_transaction_id"],
        "not_found": ["en": "transaction not found", "es": "transacción no encontrada"],
        "kind_invalid": ["en": "kind must be deposit, deposit-exchange, withdrawal or withdrawal-exchange", "es": "kind debe ser deposit, deposit-exchange, withdrawal o withdrawal-exchange"],
        "limit_invalid": ["en": "limit must be a positive integer", "es": "limit debe ser un entero positivo"],
        "no_older_than_invalid": ["en": "no_older_than must be a UTC ISO 8601 date", "es": "no_older_than debe ser una fecha UTC ISO 8601"],
        "patch_not_expected": ["en": "this transaction is not waiting for updated information", "es": "esta transacción no espera información actualizada"],
        "patch_body_invalid": ["en": "the body must be {\"transaction\": {field: value, …}} with string values", "es": "el cuerpo debe ser {\"transaction\": {campo: valor, …}} con valores de texto"],
        "patch_field_unexpected": ["en": "{field} was not requested", "es": "{field} no fue solicitado"],
        "patch_field_missing": ["en": "{field} is required", "es": "{field} es obligatorio"],
        "how_customer_info": [
            "en": "The anchor needs more information about you: provide it through SEP-12 (KYC_SERVER), then this transaction continues.",
            "es": "El ancla necesita más información sobre ti: envíala por SEP-12 (KYC_SERVER) y la transacción continuará.",
        ],
        "how_default": ["en": "Follow the anchor's instructions for transaction {id}.", "es": "Sigue las instrucciones del ancla para la transacción {id}."],
        "customer_info_message": ["en": "The anchor needs: {fields}", "es": "El ancla necesita: {fields}"],
    ]
}
