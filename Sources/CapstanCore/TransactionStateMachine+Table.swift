extension TransactionStateMachine {
    /// The statuses and allowed moves of one kind of transaction. This is THE table: read it top to bottom as the
    /// flow of a transaction; the rules it follows are documented on `TransactionStateMachine`.
    struct Flow {
        let statuses: Set<TransactionStatus>
        let table: [TransactionStatus: Set<TransactionStatus>]

        init(_ kind: TransactionKind) {
            switch kind {
            case .deposit, .depositExchange:
                self.init(statuses: Self.depositStatuses, table: Self.deposit)
            case .withdrawal, .withdrawalExchange:
                self.init(statuses: Self.withdrawalStatuses, table: Self.withdrawal)
            case .receive:
                self.init(statuses: Self.receiveStatuses, table: Self.receive)
            }
        }

        private init(statuses: Set<TransactionStatus>, table: [TransactionStatus: Set<TransactionStatus>]) {
            self.statuses = statuses
            self.table = table
        }

        /// `statuses` plus every failure status.
        private static func failing(_ statuses: Set<TransactionStatus>) -> Set<TransactionStatus> {
            statuses.union(TransactionStateMachine.failures)
        }

        // MARK: deposits (SEP-6 deposit and deposit-exchange, SEP-24 deposit)

        static let depositStatuses: Set<TransactionStatus> = [
            .incomplete, .pendingUserTransferStart, .pendingExternal, .pendingAnchor, .pendingStellar, .pendingTrust,
            .pendingUser, .pendingCustomerInfoUpdate, .pendingTransactionInfoUpdate, .onHold,
            .completed, .refunded, .expired, .error, .noMarket, .tooSmall, .tooLarge,
        ]

        static let deposit: [TransactionStatus: Set<TransactionStatus>] = [
            // The wallet's interactive flow or SEP-6 request is not finished yet.
            .incomplete: [
                .pendingUserTransferStart, .pendingAnchor, .pendingUser, .pendingCustomerInfoUpdate,
                .pendingTransactionInfoUpdate, .expired, .error, .tooSmall, .tooLarge,
            ],
            // Waiting for the user's off-chain payment: it arrives (pending_anchor), is seen unconfirmed
            // (pending_external), is held for review (on_hold), or never comes (expired).
            .pendingUserTransferStart: failing([
                .pendingExternal, .pendingAnchor, .onHold, .pendingUser, .pendingCustomerInfoUpdate,
                .pendingTransactionInfoUpdate, .expired,
            ]),
            // The off-chain payment is in flight on the rail.
            .pendingExternal: failing([.pendingAnchor, .onHold]),
            // Funds received (or KYC being checked before they are): pay on Stellar, wait for a trustline, ask the
            // user for something, or send the user back to paying (KYC passed before funds were sent).
            .pendingAnchor: failing([
                .pendingUserTransferStart, .pendingStellar, .pendingTrust, .pendingExternal, .onHold, .pendingUser,
                .pendingCustomerInfoUpdate, .pendingTransactionInfoUpdate, .refunded,
            ]),
            // The signed payment was submitted: it lands (completed), fails for want of a trustline
            // (pending_trust), or is known not to have landed and goes back for a fresh envelope (pending_anchor).
            .pendingStellar: [.completed, .pendingTrust, .pendingAnchor, .error],
            // The user must add a trustline; once they do, the payment is built again.
            .pendingTrust: failing([.pendingAnchor, .pendingStellar, .refunded]),
            .pendingUser: failing([.pendingUserTransferStart, .pendingAnchor, .pendingExternal, .expired, .refunded]),
            .pendingCustomerInfoUpdate: failing([.pendingUserTransferStart, .pendingAnchor, .expired, .refunded]),
            .pendingTransactionInfoUpdate: failing([.pendingUserTransferStart, .pendingAnchor, .expired, .refunded]),
            .onHold: failing([.pendingAnchor, .pendingExternal, .pendingStellar, .refunded]),
            // Operator paths out of a failure: recover into processing, or record the refund.
            .error: [.pendingAnchor, .refunded],
            .noMarket: [.pendingAnchor, .refunded],
            .tooSmall: [.pendingAnchor, .refunded],
            .tooLarge: [.pendingAnchor, .refunded],
        ]

        // MARK: withdrawals (SEP-6 withdrawal and withdrawal-exchange, SEP-24 withdrawal)

        static let withdrawalStatuses: Set<TransactionStatus> = [
            .incomplete, .pendingUserTransferStart, .pendingUserTransferComplete, .pendingExternal, .pendingAnchor,
            .pendingStellar, .pendingUser, .pendingCustomerInfoUpdate, .pendingTransactionInfoUpdate, .onHold,
            .completed, .refunded, .expired, .error, .noMarket, .tooSmall, .tooLarge,
        ]

        static let withdrawal: [TransactionStatus: Set<TransactionStatus>] = [
            .incomplete: [
                .pendingUserTransferStart, .pendingAnchor, .pendingUser, .pendingCustomerInfoUpdate,
                .pendingTransactionInfoUpdate, .expired, .error, .tooSmall, .tooLarge,
            ],
            // Waiting for the user's Stellar payment: the watcher sees it (pending_anchor), or it never comes.
            .pendingUserTransferStart: failing([
                .pendingAnchor, .onHold, .pendingUser, .pendingCustomerInfoUpdate, .pendingTransactionInfoUpdate,
                .expired,
            ]),
            // Funds received: pay out off-chain (pending_external), make cash ready for pickup
            // (pending_user_transfer_complete), finish at once, or refund on Stellar (pending_stellar).
            .pendingAnchor: failing([
                .pendingUserTransferStart, .pendingExternal, .pendingUserTransferComplete, .pendingStellar, .onHold,
                .pendingUser, .pendingCustomerInfoUpdate, .pendingTransactionInfoUpdate, .completed, .refunded,
            ]),
            // The payout is on the rail: it completes, is ready for pickup, or bounces back for another try.
            .pendingExternal: failing([.completed, .pendingUserTransferComplete, .pendingAnchor, .onHold, .refunded]),
            // "off-chain funds are available for the customer to pick up" (SEP-24).
            .pendingUserTransferComplete: [.completed, .refunded, .error],
            // A refund payment on Stellar was submitted.
            .pendingStellar: [.refunded, .pendingAnchor, .error],
            .pendingUser: failing([.pendingUserTransferStart, .pendingAnchor, .pendingExternal, .expired, .refunded]),
            .pendingCustomerInfoUpdate: failing([.pendingUserTransferStart, .pendingAnchor, .expired, .refunded]),
            .pendingTransactionInfoUpdate: failing([.pendingUserTransferStart, .pendingAnchor, .expired, .refunded]),
            .onHold: failing([.pendingAnchor, .pendingExternal, .refunded]),
            .error: [.pendingAnchor, .refunded],
            .noMarket: [.pendingAnchor, .refunded],
            .tooSmall: [.pendingAnchor, .refunded],
            .tooLarge: [.pendingAnchor, .refunded],
        ]

        // MARK: SEP-31 receives

        static let receiveStatuses: Set<TransactionStatus> = [
            .pendingSender, .pendingStellar, .pendingCustomerInfoUpdate, .pendingTransactionInfoUpdate,
            .pendingReceiver, .pendingExternal, .completed, .refunded, .expired, .error,
        ]

        static let receive: [TransactionStatus: Set<TransactionStatus>] = [
            // Waiting for the sending anchor's payment; it arrives (pending_receiver) or never does.
            .pendingSender: [
                .pendingStellar, .pendingReceiver, .pendingCustomerInfoUpdate, .pendingTransactionInfoUpdate, .expired,
                .error,
            ],
            // Seen on Stellar, unconfirmed (or a refund payment submitted).
            .pendingStellar: [.pendingReceiver, .refunded, .error],
            // The receiving anchor processes: before the payment (no account/memo yet, SEP-31 POST) it moves on to
            // pending_sender; after it, it pays out (pending_external or straight to completed).
            .pendingReceiver: [
                .pendingSender, .pendingExternal, .pendingStellar, .pendingCustomerInfoUpdate,
                .pendingTransactionInfoUpdate, .completed, .refunded, .error,
            ],
            .pendingExternal: [.completed, .pendingReceiver, .refunded, .error],
            .pendingCustomerInfoUpdate: [.pendingSender, .pendingReceiver, .expired, .refunded, .error],
            .pendingTransactionInfoUpdate: [.pendingSender, .pendingReceiver, .expired, .refunded, .error],
            // SEP-31 has no pending_anchor: recovery goes back to the receiving anchor's processing status.
            .error: [.pendingReceiver, .refunded],
        ]
    }
}
