extension Transaction {
    /// A memo type as the SEP JSON spells it; hash memos travel base64-encoded.
    public enum MemoType: String, Sendable, Codable, CaseIterable {
        case text
        case id
        case hash
    }

    /// `fee_details`: the total and, optionally, its parts.
    ///
    /// SEP-6 and SEP-31 call the parts `details`, SEP-24 `breakdown`; this model uses `details` and the
    /// SEP-24 response type renames it.
    public struct FeeDetails: Sendable, Codable, Equatable {
        public var total: Amount
        /// SEP-38 asset id the fee is charged in.
        public var asset: String
        public var details: [Item]?

        public init(total: Amount, asset: String, details: [Item]? = nil) {
            self.total = total
            self.asset = asset
            self.details = details
        }

        /// One named part of a fee.
        public struct Item: Sendable, Codable, Equatable {
            public var name: String
            public var description: String?
            public var amount: Amount

            public init(name: String, description: String? = nil, amount: Amount) {
                self.name = name
                self.description = description
                self.amount = amount
            }
        }
    }

    /// `refunds`: what was paid back, and through which payments.
    public struct Refunds: Sendable, Codable, Equatable {
        /// Total refunded, including fees charged on refunds.
        public var amountRefunded: Amount
        /// Total fees charged on refunds.
        public var amountFee: Amount
        public var payments: [Payment]

        public init(amountRefunded: Amount, amountFee: Amount, payments: [Payment] = []) {
            self.amountRefunded = amountRefunded
            self.amountFee = amountFee
            self.payments = payments
        }

        enum CodingKeys: String, CodingKey {
            case amountRefunded = "amount_refunded"
            case amountFee = "amount_fee"
            case payments
        }

        /// One refund payment.
        public struct Payment: Sendable, Codable, Equatable {
            /// A Stellar transaction hash or an off-chain reference, per `idType`.
            public var id: String
            public var idType: IDType
            public var amount: Amount
            public var fee: Amount

            public init(id: String, idType: IDType, amount: Amount, fee: Amount) {
                self.id = id
                self.idType = idType
                self.amount = amount
                self.fee = fee
            }

            /// Which network `id` belongs to.
            public enum IDType: String, Sendable, Codable, CaseIterable {
                case stellar
                case external
            }

            enum CodingKeys: String, CodingKey {
                case id
                case idType = "id_type"
                case amount, fee
            }
        }
    }

    /// One entry of `required_info_updates`: a field the wallet must send.
    public struct FieldRequirement: Sendable, Codable, Equatable {
        public var description: String?
        public var choices: [String]?
        public var optional: Bool?

        public init(description: String? = nil, choices: [String]? = nil, optional: Bool? = nil) {
            self.description = description
            self.choices = choices
            self.optional = optional
        }
    }

    /// One entry of SEP-6 `instructions`: a value the user needs to send off-chain funds, and what it is.
    public struct Instruction: Sendable, Codable, Equatable {
        public var value: String
        public var description: String

        public init(value: String, description: String) {
            self.value = value
            self.description = description
        }
    }
}
