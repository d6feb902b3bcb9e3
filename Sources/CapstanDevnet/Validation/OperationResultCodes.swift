/// One operation type's result codes: raw values from Stellar-transaction.x, names as Horizon prints them.
protocol OperationResultCode: RawRepresentable, Sendable, Hashable where RawValue == Int32 {
    var horizonName: String { get }
}

enum CreateAccountResultCode: Int32, OperationResultCode {
    case success = 0, malformed = -1, underfunded = -2, lowReserve = -3, alreadyExists = -4

    var horizonName: String {
        switch self {
        case .success: "op_success"
        case .malformed: "op_malformed"
        case .underfunded: "op_underfunded"
        case .lowReserve: "op_low_reserve"
        case .alreadyExists: "op_already_exists"
        }
    }
}

/// The codes Payment, PathPaymentStrictReceive and PathPaymentStrictSend share (-1…-11).
enum PaymentResultCode: Int32, OperationResultCode {
    case success = 0, malformed = -1, underfunded = -2, sourceNoTrust = -3, sourceNotAuthorized = -4
    case noDestination = -5, noTrust = -6, notAuthorized = -7, lineFull = -8, noIssuer = -9
    /// Path payments only: no conversion was possible.
    case tooFewOffers = -10
    /// Path payments only: strict receive's `op_over_source_max` or strict send's `op_under_dest_min`.
    case overSendMaxOrUnderDestMin = -12

    var horizonName: String {
        switch self {
        case .success: "op_success"
        case .malformed: "op_malformed"
        case .underfunded: "op_underfunded"
        case .sourceNoTrust: "op_src_no_trust"
        case .sourceNotAuthorized: "op_src_not_authorized"
        case .noDestination: "op_no_destination"
        case .noTrust: "op_no_trust"
        case .notAuthorized: "op_not_authorized"
        case .lineFull: "op_line_full"
        case .noIssuer: "op_no_issuer"
        case .tooFewOffers: "op_too_few_offers"
        case .overSendMaxOrUnderDestMin: "op_over_source_max"
        }
    }
}

enum SetOptionsResultCode: Int32, OperationResultCode {
    case success = 0, lowReserve = -1, tooManySigners = -2, badFlags = -3, invalidInflation = -4, cantChange = -5
    case unknownFlag = -6, thresholdOutOfRange = -7, badSigner = -8, invalidHomeDomain = -9, authRevocableRequired = -10

    var horizonName: String {
        switch self {
        case .success: "op_success"
        case .lowReserve: "op_low_reserve"
        case .tooManySigners: "op_too_many_signers"
        case .badFlags: "op_bad_flags"
        case .invalidInflation: "op_invalid_inflation"
        case .cantChange: "op_cant_change"
        case .unknownFlag: "op_unknown_flag"
        case .thresholdOutOfRange: "op_threshold_out_of_range"
        case .badSigner: "op_bad_signer"
        case .invalidHomeDomain: "op_invalid_home_domain"
        case .authRevocableRequired: "op_auth_revocable_required"
        }
    }
}

enum ChangeTrustResultCode: Int32, OperationResultCode {
    case success = 0, malformed = -1, noIssuer = -2, invalidLimit = -3, lowReserve = -4, selfNotAllowed = -5
    case trustLineMissing = -6, cannotDelete = -7, notAuthMaintainLiabilities = -8

    var horizonName: String {
        switch self {
        case .success: "op_success"
        case .malformed: "op_malformed"
        case .noIssuer: "op_no_issuer"
        case .invalidLimit: "op_invalid_limit"
        case .lowReserve: "op_low_reserve"
        case .selfNotAllowed: "op_self_not_allowed"
        case .trustLineMissing: "op_trust_line_missing"
        case .cannotDelete: "op_cannot_delete"
        case .notAuthMaintainLiabilities: "op_not_aut_maintain_liabilities"
        }
    }
}

enum AccountMergeResultCode: Int32, OperationResultCode {
    case success = 0, malformed = -1, noAccount = -2, immutableSet = -3, hasSubEntries = -4, seqNumTooFar = -5
    case destinationFull = -6, isSponsor = -7

    var horizonName: String {
        switch self {
        case .success: "op_success"
        case .malformed: "op_malformed"
        case .noAccount: "op_no_account"
        case .immutableSet: "op_immutable_set"
        case .hasSubEntries: "op_has_sub_entries"
        case .seqNumTooFar: "op_seq_num_too_far"
        case .destinationFull: "op_dest_full"
        case .isSponsor: "op_is_sponsor"
        }
    }
}

enum ManageDataResultCode: Int32, OperationResultCode {
    case success = 0, notSupportedYet = -1, nameNotFound = -2, lowReserve = -3, invalidName = -4

    var horizonName: String {
        switch self {
        case .success: "op_success"
        case .notSupportedYet: "op_not_supported_yet"
        case .nameNotFound: "op_data_name_not_found"
        case .lowReserve: "op_low_reserve"
        case .invalidName: "op_data_invalid_name"
        }
    }
}

enum CreateClaimableBalanceResultCode: Int32, OperationResultCode {
    case success = 0, malformed = -1, lowReserve = -2, noTrust = -3, notAuthorized = -4, underfunded = -5

    var horizonName: String {
        switch self {
        case .success: "op_success"
        case .malformed: "op_malformed"
        case .lowReserve: "op_low_reserve"
        case .noTrust: "op_no_trust"
        case .notAuthorized: "op_not_authorized"
        case .underfunded: "op_underfunded"
        }
    }
}

enum ClaimClaimableBalanceResultCode: Int32, OperationResultCode {
    case success = 0, doesNotExist = -1, cannotClaim = -2, lineFull = -3, noTrust = -4, notAuthorized = -5

    var horizonName: String {
        switch self {
        case .success: "op_success"
        case .doesNotExist: "op_does_not_exist"
        case .cannotClaim: "op_cannot_claim"
        case .lineFull: "op_line_full"
        case .noTrust: "op_no_trust"
        case .notAuthorized: "op_not_authorized"
        }
    }
}
