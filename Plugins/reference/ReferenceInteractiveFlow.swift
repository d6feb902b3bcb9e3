import CapstanPluginKit

/// The reference anchor's SEP-24 flow: the amount, then (once per customer) name and email, then done.
///
/// The host renders, localises the chrome, validates required fields, types and limits, and works out fees; this
/// plugin only decides which form comes next, adds one business rule of its own (an email domain that cannot
/// receive mail is refused, with a message on that field) and keeps the customer record in the host's
/// key-value store, so a returning customer is not asked again.
enum ReferenceInteractiveFlow {
    static func form(_ request: FormRequest, host: HostServices) throws -> FormReply {
        let words = Words(request.lang)
        let transaction = request.transaction
        let deposit = transaction.kind == "deposit"
        let values = request.values ?? [:]
        if request.step == 0 || values["amount"] == nil && transaction.amountIn == nil {
            return FormReply(form: Form(
                id: "amount",
                title: deposit ? words.depositTitle(transaction.assetCode) : words.withdrawTitle(transaction.assetCode),
                description: deposit ? words.depositLead : words.withdrawLead,
                fields: [Field(name: "amount", type: "amount", label: words.amount, required: true,
                               value: transaction.amountIn ?? transaction.amountExpected)]))
        }
        if try host.value(CustomerRecord.self, forKey: Self.customerKey(transaction)) == nil {
            let prefill = request.prefill ?? [:]
            let name = [prefill["first_name"], prefill["last_name"]].compactMap { $0 }.joined(separator: " ")
            return FormReply(form: Form(
                id: "kyc", title: words.kycTitle, description: words.kycLead, submitLabel: deposit ? words.confirmDeposit : words.confirmWithdraw,
                fields: [
                    Field(name: "name", type: "text", label: words.name, required: true, value: name.isEmpty ? nil : name),
                    Field(name: "email_address", type: "email", label: words.email, help: words.emailHelp, required: true),
                ]))
        }
        return FormReply(form: nil, content: Content(title: words.nextTitle, body: deposit ? words.nextDeposit : words.nextWithdraw))
    }

    static func submit(_ request: SubmitRequest, host: HostServices) throws -> SubmitReply {
        guard request.form == "kyc" else { return SubmitReply() }
        let words = Words(request.lang)
        let email = request.values["email_address"] ?? ""
        // RFC 6761 reserves .invalid: mail to it can never arrive, so a receipt could never reach the customer.
        if email.lowercased().hasSuffix(".invalid") {
            throw PluginFailure.invalid(words.emailUndeliverable, fields: ["email_address": words.emailUndeliverable])
        }
        try host.setValue(
            CustomerRecord(name: request.values["name"] ?? "", emailAddress: email), forKey: Self.customerKey(request.transaction))
        return SubmitReply()
    }

    static func saveSEP9(_ request: SEP9SaveRequest, host: HostServices) throws -> EmptyReply {
        try host.setValue(request.fields, forKey: "sep9:\(request.auth.sub)")
        return EmptyReply()
    }

    /// Where to send a deposit's dollars: the demo bank account and the transaction's reference.
    static func instructions(_ request: InstructionsRequest) -> InstructionsReply {
        let reference = String(request.transaction.id.prefix(8)).uppercased()
        return InstructionsReply(instructions: [
            "organization.bank_name": .init(value: "Capstan Demo Bank", description: "Bank"),
            "organization.bank_number": .init(value: "121000358", description: "Routing number"),
            "organization.bank_account_number": .init(value: "4420 0006 1187", description: "Account number"),
            "external_transfer_memo": .init(value: reference, description: "Reference"),
        ], message: "Send a bank transfer in US dollars and include the reference \(reference).")
    }

    static func customerKey(_ transaction: HookTransaction) -> String { "kyc:\(transaction.customerKey)" }
}

/// The plugin's own wording, in the two languages the host ships.
private struct Words {
    let spanish: Bool

    init(_ lang: String?) { self.spanish = lang?.hasPrefix("es") == true }

    func depositTitle(_ code: String) -> String { self.spanish ? "¿Cuánto quieres depositar?" : "How much would you like to deposit?" }
    func withdrawTitle(_ code: String) -> String { self.spanish ? "¿Cuánto quieres retirar?" : "How much would you like to withdraw?" }
    var depositLead: String { self.spanish ? "Recibirás SRT en tu billetera cuando llegue tu transferencia." : "You'll receive SRT in your wallet once your bank transfer arrives." }
    var withdrawLead: String { self.spanish ? "Enviaremos dólares a tu cuenta bancaria cuando llegue tu pago en SRT." : "We'll send dollars to your bank account once your SRT payment arrives." }
    var amount: String { self.spanish ? "Importe" : "Amount" }
    var kycTitle: String { self.spanish ? "Cuéntanos quién eres" : "Tell us who you are" }
    var kycLead: String { self.spanish ? "Lo necesitamos una sola vez para cumplir la normativa." : "We need this once, to meet our regulatory obligations." }
    var name: String { self.spanish ? "Nombre completo" : "Full name" }
    var email: String { self.spanish ? "Correo electrónico" : "Email address" }
    var emailHelp: String { self.spanish ? "Te enviaremos el recibo aquí." : "We'll send your receipt here." }
    var emailUndeliverable: String { self.spanish ? "Esta dirección no puede recibir correo" : "This email address can't receive mail" }
    var confirmDeposit: String { self.spanish ? "Confirmar depósito" : "Confirm deposit" }
    var confirmWithdraw: String { self.spanish ? "Confirmar retiro" : "Confirm withdrawal" }
    var nextTitle: String { self.spanish ? "Qué pasa ahora" : "What happens next" }
    var nextDeposit: String {
        self.spanish ? "Haz la transferencia con los datos de abajo. Te avisaremos en cuanto lleguen los fondos."
            : "Make the bank transfer with the details below. We'll let you know as soon as the funds arrive."
    }
    var nextWithdraw: String {
        self.spanish ? "Confirma el pago en tu billetera. Enviamos el dinero a tu banco en un día hábil."
            : "Confirm the payment in your wallet. We send the money to your bank within one business day."
    }
}
