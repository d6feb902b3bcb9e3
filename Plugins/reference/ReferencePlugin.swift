import CapstanPluginKit

/// The reference anchor's plugin: stellar.toml contents, fees, the SEP-6/24 flows, SEP-12 customers and pretend bank rails for the SRT demo asset.
let plugin = CapstanPlugin(name: "reference", version: "1.1.0") { hooks in
    hooks.toml { (request: TOMLRequest, _) in ReferenceTOML.response(for: request) }
    hooks.fee { (request: FeeRequest, _) in try ReferenceFees.standard.fee(for: request) }
    hooks.on(.sep24Form) { (request: FormRequest, host) in try ReferenceInteractiveFlow.form(request, host: host) }
    hooks.on(.sep24FormSubmit) { (request: SubmitRequest, host) in try ReferenceInteractiveFlow.submit(request, host: host) }
    hooks.on(.sep9Save) { (request: SEP9SaveRequest, host) in try ReferenceInteractiveFlow.saveSEP9(request, host: host) }
    hooks.on(.depositInstructions) { (request: InstructionsRequest, _) in ReferenceInteractiveFlow.instructions(request) }
    hooks.on(.sep6Info) { (request: ReferenceSEP6.InfoRequest, _) in ReferenceSEP6.info(request) }
    hooks.on(.sep6Deposit) { (request: ReferenceSEP6.TransferRequest, host) in try ReferenceSEP6.deposit(request, host: host) }
    hooks.on(.sep6Withdraw) { (request: ReferenceSEP6.TransferRequest, host) in try ReferenceSEP6.withdraw(request, host: host) }
    hooks.on(.customerGet) { (request: ReferenceCustomers.GetRequest, host) in try ReferenceCustomers.get(request, host: host) }
    hooks.on(.customerPut) { (request: ReferenceCustomers.PutRequest, host) in try ReferenceCustomers.put(request, host: host) }
    hooks.on(.customerDelete) { (request: ReferenceCustomers.DeleteRequest, host) in try ReferenceCustomers.delete(request, host: host) }
    hooks.on(.customerCallback) { (request: ReferenceCustomers.CallbackRequest, _) in ReferenceCustomers.callback(request) }
    hooks.initialize { configuration, host in try ReferenceRails.configure(configuration, host: host) }
    hooks.on(.railsPollDeposits) { (request: ReferenceRails.Batch, host) in try ReferenceRails.pollDeposits(request, host: host) }
    hooks.on(.railsSendPayout) { (request: ReferenceRails.PayoutRequest, host) in try ReferenceRails.sendPayout(request, host: host) }
    hooks.on(.railsPollPayouts) { (request: ReferenceRails.Batch, host) in try ReferenceRails.pollPayouts(request, host: host) }
    hooks.on(.afterDeposit) { (request: ReferenceRails.Single, host) in ReferenceRails.afterDeposit(request, host: host) }
    hooks.on(.transactionEvent) { (request: ReferenceRails.Event, host) in ReferenceRails.transactionEvent(request, host: host) }
}

/// The one symbol the host looks up.
@_cdecl("capstan_plugin_entry")
public func capstanPluginEntry() -> UnsafeRawPointer? { plugin.entry() }
