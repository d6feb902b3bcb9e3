import CapstanCore

/// The parts of a transaction object that SEP-6 and SEP-24 write the same way.
extension JSONObjectText {
    /// `fee_details`: the total, its asset, and the parts under `partsKey` (SEP-24 says `breakdown`, SEP-6 `details`).
    public mutating func feeDetails(_ details: Transaction.FeeDetails?, partsKey: String) {
        guard let details else { return }
        self.object("fee_details") { fee in
            fee.string("total", details.total.description)
            fee.string("asset", details.asset)
            if let parts = details.details {
                fee.objects(partsKey, parts) { part, item in
                    item.string("name", part.name)
                    item.string("description", part.description)
                    item.string("amount", part.amount.description)
                }
            }
        }
    }

    /// `refunds`, with each refund payment.
    public mutating func refunds(_ refunds: Transaction.Refunds?) {
        guard let refunds else { return }
        self.object("refunds") { object in
            object.string("amount_refunded", refunds.amountRefunded.description)
            object.string("amount_fee", refunds.amountFee.description)
            object.objects("payments", refunds.payments) { payment, item in
                item.string("id", payment.id)
                item.string("id_type", payment.idType.rawValue)
                item.string("amount", payment.amount.description)
                item.string("fee", payment.fee.description)
            }
        }
    }
}

extension SEP10Subject {
    /// The account a transaction's `sub` names, as the wallet wrote it: the `M…` address of a muxed subject, else the
    /// `G…` account (without the memo of a `G…:memo` subject).
    public static func walletAccount(of sub: String) -> String {
        let subject = SEP10Subject(sub)
        return subject?.muxedAccount ?? subject?.account ?? sub
    }
}
