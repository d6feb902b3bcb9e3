/// What the host does when a customer's SEP-12 status changes: queue the signed callback and move the customer's
/// transactions on. SEP-12 itself only notices the change; the composition root supplies the effects.
public protocol CustomerStatusSink: Sendable {
    func customerStatusChanged(_ change: CustomerStatusChange) async throws
}

/// One observed change of a customer's status.
public struct CustomerStatusChange: Sendable, Equatable {
    /// The plugin's customer id.
    public var customerID: String
    /// The owner key (the SEP-10 `sub`, or `G…:<memo>` for a memo a plain account chose).
    public var owner: String
    /// The status before, nil the first time the host sees this customer.
    public var previous: CustomerReply.Status?
    /// The `GET /customer` body now, which SEP-12 callbacks carry.
    public var reply: CustomerReply
    /// The URL the wallet registered with `PUT /customer/callback`, if any.
    public var callbackURL: String?

    public init(customerID: String, owner: String, previous: CustomerReply.Status?, reply: CustomerReply, callbackURL: String?) {
        self.customerID = customerID
        self.owner = owner
        self.previous = previous
        self.reply = reply
        self.callbackURL = callbackURL
    }
}
