import CapstanCore
import Testing

@Suite struct TransactionStateMachineTests {
    typealias S = TransactionStatus

    /// The happy paths the workers and SEP modules walk, one per flow; every step must be allowed.
    static let happyPaths: [(TransactionKind, [S])] = [
        // SEP-24 deposit: form done, funds arrive, paid on Stellar.
        (.deposit, [.incomplete, .pendingUserTransferStart, .pendingAnchor, .pendingStellar, .completed]),
        // Deposit waiting for a trustline, then paid.
        (.deposit, [.incomplete, .pendingUserTransferStart, .pendingExternal, .pendingAnchor, .pendingTrust, .pendingStellar, .completed]),
        // Withdrawal paid out on a rail.
        (.withdrawal, [.incomplete, .pendingUserTransferStart, .pendingAnchor, .pendingExternal, .completed]),
        // Cash pickup.
        (.withdrawal, [.incomplete, .pendingUserTransferStart, .pendingAnchor, .pendingUserTransferComplete, .completed]),
        // SEP-6 PATCH round trip: "status goes back to pending_anchor".
        (.withdrawalExchange, [.pendingAnchor, .pendingTransactionInfoUpdate, .pendingAnchor, .pendingExternal, .completed]),
        // SEP-31 receive.
        (.receive, [.pendingSender, .pendingReceiver, .pendingExternal, .completed]),
        (.receive, [.pendingReceiver, .pendingSender, .pendingReceiver, .completed]),
        // Compliance hold, then the regular flow ("Once this status cleared, transaction should follow the regular flow").
        (.deposit, [.pendingUserTransferStart, .onHold, .pendingAnchor, .pendingStellar, .completed]),
        // Operator recovery out of error, then a refund.
        (.deposit, [.pendingAnchor, .error, .pendingAnchor, .refunded]),
        (.receive, [.pendingReceiver, .error, .pendingReceiver, .completed]),
    ]

    @Test(arguments: 0..<happyPaths.count)
    func everyStepOfTheHappyPathsIsAllowed(_ index: Int) {
        let (kind, path) = Self.happyPaths[index]
        for (from, to) in zip(path, path.dropFirst()) {
            #expect(TransactionStateMachine.allows(from: from, to: to, kind: kind), "\(kind): \(from) -> \(to)")
        }
    }

    @Test(arguments: TransactionKind.allCases)
    func terminalStatusesStayTerminal(_ kind: TransactionKind) {
        for terminal in TransactionStateMachine.terminal {
            for to in S.allCases where to != terminal {
                #expect(!TransactionStateMachine.allows(from: terminal, to: to, kind: kind), "\(kind): \(terminal) -> \(to)")
            }
        }
    }

    /// SEP-24 `incomplete`: "there is not yet enough information for this transaction to be initiated" — once there
    /// is, there is no going back.
    @Test(arguments: TransactionKind.allCases)
    func nothingReturnsToIncomplete(_ kind: TransactionKind) {
        for from in S.allCases where from != .incomplete {
            #expect(!TransactionStateMachine.allows(from: from, to: .incomplete, kind: kind))
        }
    }

    @Test(arguments: [TransactionKind.deposit, .withdrawal, .depositExchange, .withdrawalExchange])
    func failuresLeaveOnlyByTheOperatorPaths(_ kind: TransactionKind) {
        for failure in TransactionStateMachine.failures {
            let exits = S.allCases.filter { $0 != failure && TransactionStateMachine.allows(from: failure, to: $0, kind: kind) }
            #expect(Set(exits) == [.pendingAnchor, .refunded], "\(kind) \(failure)")
        }
    }

    @Test func receiveErrorsRecoverIntoPendingReceiver() {
        let exits = S.allCases.filter { $0 != .error && TransactionStateMachine.allows(from: .error, to: $0, kind: .receive) }
        #expect(Set(exits) == [.pendingReceiver, .refunded])
    }

    /// SEP-24 `expired`: "funds were never received by the anchor" — so nothing after the funds arrived may expire.
    @Test(arguments: [TransactionKind.deposit, .withdrawal])
    func onlyStatusesBeforeFundsArriveMayExpire(_ kind: TransactionKind) {
        for from in [S.pendingAnchor, .pendingStellar, .pendingExternal, .onHold, .pendingTrust, .pendingUserTransferComplete] {
            #expect(!TransactionStateMachine.allows(from: from, to: .expired, kind: kind), "\(kind): \(from)")
        }
        #expect(TransactionStateMachine.allows(from: .pendingUserTransferStart, to: .expired, kind: kind))
    }

    @Test func statusesBelongToTheirKinds() {
        // SEP-24: pending_user_transfer_complete is "Only used for withdrawal transactions".
        #expect(!TransactionStateMachine.allows(from: .pendingAnchor, to: .pendingUserTransferComplete, kind: .deposit))
        #expect(!TransactionStateMachine.allows(from: .pendingAnchor, to: .pendingTrust, kind: .withdrawal))
        #expect(!TransactionStateMachine.allows(from: .pendingAnchor, to: .pendingStellar, kind: .receive))
        #expect(!TransactionStateMachine.allows(from: .pendingSender, to: .pendingReceiver, kind: .deposit))
        #expect(!TransactionStateMachine.allows(from: .incomplete, to: .pendingSender, kind: .receive))
    }

    @Test func aSampleOfNonsenseIsRefused() {
        let refused: [(TransactionKind, S, S)] = [
            (.deposit, .incomplete, .completed),                    // paid without funds
            (.deposit, .pendingUserTransferStart, .pendingStellar), // paid before the arrival was recorded
            (.deposit, .pendingUserTransferStart, .completed),
            (.deposit, .pendingUserTransferStart, .refunded),       // nothing received to refund
            (.withdrawal, .incomplete, .pendingExternal),
            (.withdrawal, .pendingUserTransferComplete, .pendingAnchor),
            (.receive, .pendingSender, .completed),
            (.receive, .pendingSender, .refunded),
            (.deposit, .error, .completed),                         // recovery goes through processing
            (.deposit, .error, .pendingStellar),
            (.deposit, .tooSmall, .tooLarge),
        ]
        for (kind, from, to) in refused {
            #expect(!TransactionStateMachine.allows(from: from, to: to, kind: kind), "\(kind): \(from) -> \(to)")
        }
    }

    @Test func protocolsNarrowTheStatuses() {
        // SEP-24's status list has neither info-update status.
        #expect(TransactionStateMachine.allows(from: .pendingAnchor, to: .pendingCustomerInfoUpdate, kind: .deposit))
        #expect(!TransactionStateMachine.allows(from: .pendingAnchor, to: .pendingCustomerInfoUpdate, kind: .deposit, protocol: .sep24))
        #expect(TransactionStateMachine.allows(from: .pendingAnchor, to: .pendingCustomerInfoUpdate, kind: .deposit, protocol: .sep6))
        #expect(!TransactionStateMachine.uses(.pendingSender, kind: .receive, protocol: .sep24))
        #expect(TransactionStateMachine.uses(.pendingSender, kind: .receive, protocol: .sep31))
        #expect(!TransactionStateMachine.uses(.incomplete, kind: .depositExchange, protocol: .sep24))
    }

    @Test func checkThrowsAnErrorNamingFromToAndKind() {
        #expect(throws: TransitionError(from: .completed, to: .pendingAnchor, kind: .deposit, protocol: .sep24)) {
            try TransactionStateMachine.check(from: .completed, to: .pendingAnchor, kind: .deposit, protocol: .sep24)
        }
        let error = TransitionError(from: .completed, to: .pendingAnchor, kind: .withdrawal)
        #expect(error.description == "a withdrawal transaction cannot move from completed to pending_anchor")
        #expect(TransitionError(from: nil, to: .completed, kind: .receive, protocol: .sep31).description
            == "a sep31 receive transaction cannot start in status completed")
        #expect(throws: Never.self) { try TransactionStateMachine.check(from: .incomplete, to: .pendingAnchor, kind: .deposit) }
    }

    @Test func staying_in_a_status_is_not_a_transition() {
        #expect(TransactionStateMachine.allows(from: .pendingAnchor, to: .pendingAnchor, kind: .deposit))
        #expect(TransactionStateMachine.allows(from: .completed, to: .completed, kind: .deposit))
        #expect(!TransactionStateMachine.allows(from: .pendingSender, to: .pendingSender, kind: .deposit))
    }

    /// The table, flattened: every allowed move exists in `transitions(kind:)` and nothing else is allowed.
    @Test(arguments: TransactionKind.allCases)
    func transitionsListsExactlyWhatAllowsAccepts(_ kind: TransactionKind) {
        let listed = Set(TransactionStateMachine.transitions(kind: kind).map { "\($0.from.rawValue)>\($0.to.rawValue)" })
        var allowed: Set<String> = []
        for from in S.allCases {
            for to in S.allCases where from != to && TransactionStateMachine.allows(from: from, to: to, kind: kind) {
                allowed.insert("\(from.rawValue)>\(to.rawValue)")
            }
        }
        #expect(listed == allowed)
        #expect(!listed.isEmpty)
    }

    /// THE table, pinned: every allowed move of each flow, one line per status (`from -> to…`, in declaration order).
    /// A change to the state machine must change this list too, deliberately.
    static let pinned: [TransactionKind: [String]] = [
        .deposit: [
            "incomplete -> pending_user_transfer_start pending_anchor pending_user pending_customer_info_update pending_transaction_info_update expired too_small too_large error",
            "pending_user_transfer_start -> pending_external pending_anchor pending_user pending_customer_info_update pending_transaction_info_update on_hold expired no_market too_small too_large error",
            "pending_external -> pending_anchor on_hold no_market too_small too_large error",
            "pending_anchor -> pending_user_transfer_start pending_external pending_stellar pending_trust pending_user pending_customer_info_update pending_transaction_info_update on_hold refunded no_market too_small too_large error",
            "pending_stellar -> pending_anchor pending_trust completed error",
            "pending_trust -> pending_anchor pending_stellar refunded no_market too_small too_large error",
            "pending_user -> pending_user_transfer_start pending_external pending_anchor refunded expired no_market too_small too_large error",
            "pending_customer_info_update -> pending_user_transfer_start pending_anchor refunded expired no_market too_small too_large error",
            "pending_transaction_info_update -> pending_user_transfer_start pending_anchor refunded expired no_market too_small too_large error",
            "on_hold -> pending_external pending_anchor pending_stellar refunded no_market too_small too_large error",
            "no_market -> pending_anchor refunded",
            "too_small -> pending_anchor refunded",
            "too_large -> pending_anchor refunded",
            "error -> pending_anchor refunded",
        ],
        .withdrawal: [
            "incomplete -> pending_user_transfer_start pending_anchor pending_user pending_customer_info_update pending_transaction_info_update expired too_small too_large error",
            "pending_user_transfer_start -> pending_anchor pending_user pending_customer_info_update pending_transaction_info_update on_hold expired no_market too_small too_large error",
            "pending_user_transfer_complete -> completed refunded error",
            "pending_external -> pending_user_transfer_complete pending_anchor on_hold completed refunded no_market too_small too_large error",
            "pending_anchor -> pending_user_transfer_start pending_user_transfer_complete pending_external pending_stellar pending_user pending_customer_info_update pending_transaction_info_update on_hold completed refunded no_market too_small too_large error",
            "pending_stellar -> pending_anchor refunded error",
            "pending_user -> pending_user_transfer_start pending_external pending_anchor refunded expired no_market too_small too_large error",
            "pending_customer_info_update -> pending_user_transfer_start pending_anchor refunded expired no_market too_small too_large error",
            "pending_transaction_info_update -> pending_user_transfer_start pending_anchor refunded expired no_market too_small too_large error",
            "on_hold -> pending_external pending_anchor refunded no_market too_small too_large error",
            "no_market -> pending_anchor refunded",
            "too_small -> pending_anchor refunded",
            "too_large -> pending_anchor refunded",
            "error -> pending_anchor refunded",
        ],
        .receive: [
            "pending_external -> pending_receiver completed refunded error",
            "pending_stellar -> pending_receiver refunded error",
            "pending_customer_info_update -> pending_sender pending_receiver refunded expired error",
            "pending_transaction_info_update -> pending_sender pending_receiver refunded expired error",
            "pending_sender -> pending_stellar pending_customer_info_update pending_transaction_info_update pending_receiver expired error",
            "pending_receiver -> pending_external pending_stellar pending_customer_info_update pending_transaction_info_update pending_sender completed refunded error",
            "error -> pending_receiver refunded",
        ],
    ]

    @Test(arguments: [TransactionKind.deposit, .withdrawal, .receive])
    func everyAllowedTransitionIsPinned(_ kind: TransactionKind) {
        let transitions = TransactionStateMachine.transitions(kind: kind)
        let lines = S.allCases.compactMap { from -> String? in
            let targets = transitions.filter { $0.from == from }.map(\.to.rawValue)
            return targets.isEmpty ? nil : "\(from.rawValue) -> \(targets.joined(separator: " "))"
        }
        #expect(lines == Self.pinned[kind])
    }

    @Test func exchangeKindsFollowTheirBaseFlow() {
        for from in S.allCases {
            for to in S.allCases {
                #expect(TransactionStateMachine.allows(from: from, to: to, kind: .depositExchange)
                    == TransactionStateMachine.allows(from: from, to: to, kind: .deposit))
                #expect(TransactionStateMachine.allows(from: from, to: to, kind: .withdrawalExchange)
                    == TransactionStateMachine.allows(from: from, to: to, kind: .withdrawal))
            }
        }
    }
}
