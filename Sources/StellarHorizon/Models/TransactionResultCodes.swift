import Foundation
import StellarKit

extension HorizonResultCodes {
    /// The codes in a base64 `TransactionResult` (a transaction's `result_xdr`), named as Horizon names them in
    /// `extras.result_codes`. A transaction found by hash carries no `result_codes`, so this is how a failed one is
    /// classified. Nil when the XDR is not a `TransactionResult` or holds an operation type not read here (offers,
    /// liquidity pools, Soroban), whose result layouts are not modelled.
    public init?(resultXDR: String) {
        guard let data = Data(base64Encoded: resultXDR) else { return nil }
        var decoder = XDRDecoder(bytes: Array(data))
        guard let codes = try? ResultXDR.transactionResult(&decoder) else { return nil }
        self = codes
    }
}

/// `TransactionResult` from Stellar-transaction.x, read only as far as its result codes.
enum ResultXDR {
    struct Unsupported: Error {}

    static func transactionResult(_ decoder: inout XDRDecoder) throws -> HorizonResultCodes {
        _ = try decoder.decodeInt64()
        let code = try decoder.decodeInt32()
        switch code {
        case 1, -13:
            // A fee bump: the inner transaction's hash, fee, code and operations.
            _ = try decoder.decodeFixedOpaque(count: 32)
            _ = try decoder.decodeInt64()
            let inner = try decoder.decodeInt32()
            let operations = inner == 0 || inner == -1 ? try self.operationResults(&decoder) : []
            return HorizonResultCodes(transaction: try self.transactionName(code), innerTransaction: try self.transactionName(inner), operations: operations)
        case 0, -1:
            return HorizonResultCodes(transaction: try self.transactionName(code), operations: try self.operationResults(&decoder))
        default:
            return HorizonResultCodes(transaction: try self.transactionName(code))
        }
    }

    static func transactionName(_ code: Int32) throws -> String {
        let names: [Int32: String] = [
            1: "tx_fee_bump_inner_success", 0: "tx_success", -1: "tx_failed", -2: "tx_too_early", -3: "tx_too_late",
            -4: "tx_missing_operation", -5: "tx_bad_seq", -6: "tx_bad_auth", -7: "tx_insufficient_balance", -8: "tx_no_source_account",
            -9: "tx_insufficient_fee", -10: "tx_bad_auth_extra", -11: "tx_internal_error", -12: "tx_not_supported",
            -13: "tx_fee_bump_inner_failed", -14: "tx_bad_sponsorship", -15: "tx_bad_minseq_age_or_gap", -16: "tx_malformed",
            -17: "tx_soroban_invalid",
        ]
        guard let name = names[code] else { throw Unsupported() }
        return name
    }

    static func operationResults(_ decoder: inout XDRDecoder) throws -> [String] {
        let count = try decoder.decodeUInt32()
        guard count <= UInt32(StellarKit.Transaction.maximumOperations) else { throw Unsupported() }
        var names: [String] = []
        for _ in 0..<count {
            let outer = try decoder.decodeInt32()
            guard outer == 0 else {
                let outerNames: [Int32: String] = [
                    -1: "op_bad_auth", -2: "op_no_source_account", -3: "op_not_supported", -4: "op_too_many_subentries",
                    -5: "op_exceeded_work_limit", -6: "op_too_many_sponsoring",
                ]
                guard let name = outerNames[outer] else { throw Unsupported() }
                names.append(name)
                continue
            }
            names.append(try self.innerResult(&decoder))
        }
        return names
    }

    /// One operation's own result: its code's name, with any success payload skipped so the next one can be read.
    private static func innerResult(_ decoder: inout XDRDecoder) throws -> String {
        let type = try decoder.decodeInt32()
        let code = try decoder.decodeInt32()
        let names: [Int32: String]
        switch type {
        case 0:
            names = [-1: "op_malformed", -2: "op_underfunded", -3: "op_low_reserve", -4: "op_already_exists"]
        case 1, 2, 13:
            var payment: [Int32: String] = [
                -1: "op_malformed", -2: "op_underfunded", -3: "op_src_no_trust", -4: "op_src_not_authorized", -5: "op_no_destination",
                -6: "op_no_trust", -7: "op_not_authorized", -8: "op_line_full", -9: "op_no_issuer",
            ]
            if type != 1 {
                payment[-10] = "op_too_few_offers"
                payment[-11] = "op_cross_self"
                payment[-12] = type == 2 ? "op_over_source_max" : "op_under_dest_min"
                if code == 0 { try self.skipPathPaymentSuccess(&decoder) }
                if code == -9 { _ = try decoder.decode(StellarKit.Asset.self) }
            }
            names = payment
        case 5:
            names = [
                -1: "op_low_reserve", -2: "op_too_many_signers", -3: "op_bad_flags", -4: "op_invalid_inflation", -5: "op_cant_change",
                -6: "op_unknown_flag", -7: "op_threshold_out_of_range", -8: "op_bad_signer", -9: "op_invalid_home_domain",
                -10: "op_auth_revocable_required",
            ]
        case 6:
            names = [
                -1: "op_malformed", -2: "op_no_issuer", -3: "op_invalid_limit", -4: "op_low_reserve", -5: "op_self_not_allowed",
                -6: "op_trust_line_missing", -7: "op_cannot_delete", -8: "op_not_aut_maintain_liabilities",
            ]
        case 8:
            if code == 0 { _ = try decoder.decodeInt64() }
            names = [
                -1: "op_malformed", -2: "op_no_account", -3: "op_immutable_set", -4: "op_has_sub_entries", -5: "op_seq_num_too_far",
                -6: "op_dest_full", -7: "op_is_sponsor",
            ]
        case 10:
            names = [-1: "op_not_supported_yet", -2: "op_data_name_not_found", -3: "op_low_reserve", -4: "op_data_invalid_name"]
        case 11:
            names = [-1: "op_bad_seq"]
        case 14:
            if code == 0 {
                guard try decoder.decodeInt32() == 0 else { throw Unsupported() }
                _ = try decoder.decodeFixedOpaque(count: 32)
            }
            names = [-1: "op_malformed", -2: "op_low_reserve", -3: "op_no_trust", -4: "op_not_authorized", -5: "op_underfunded"]
        case 15:
            names = [-1: "op_does_not_exist", -2: "op_cannot_claim", -3: "op_line_full", -4: "op_no_trust", -5: "op_not_authorized"]
        default:
            throw Unsupported()
        }
        if code == 0 { return "op_success" }
        guard let name = names[code] else { throw Unsupported() }
        return name
    }

    /// `PathPaymentStrict*ResultSuccess`: the offers crossed, then the last hop (destination, asset, amount).
    private static func skipPathPaymentSuccess(_ decoder: inout XDRDecoder) throws {
        let offers = try decoder.decodeUInt32()
        guard offers <= 1000 else { throw Unsupported() }
        for _ in 0..<offers {
            switch try decoder.decodeInt32() {
            case 0:
                _ = try decoder.decodeFixedOpaque(count: 32)
                _ = try decoder.decodeInt64()
            case 1:
                _ = try decoder.decode(PublicKey.self)
                _ = try decoder.decodeInt64()
            case 2:
                _ = try decoder.decodeFixedOpaque(count: 32)
            default:
                throw Unsupported()
            }
            _ = try decoder.decode(StellarKit.Asset.self)
            _ = try decoder.decodeInt64()
            _ = try decoder.decode(StellarKit.Asset.self)
            _ = try decoder.decodeInt64()
        }
        _ = try decoder.decode(PublicKey.self)
        _ = try decoder.decode(StellarKit.Asset.self)
        _ = try decoder.decodeInt64()
    }
}

extension HorizonTransaction {
    /// The result codes read from `result_xdr` (nil when not readable; see `HorizonResultCodes(resultXDR:)`).
    public var resultCodes: HorizonResultCodes? { HorizonResultCodes(resultXDR: self.resultXDR) }

    /// For a transaction that is in a ledger but failed: the same typed error its submission would have given
    /// (`.transactionFailed` with `tx_failed` when the result XDR is not readable). Nil when it succeeded.
    public var failure: HorizonSubmitError? {
        guard !self.successful else { return nil }
        let codes = self.resultCodes ?? HorizonResultCodes(transaction: "tx_failed")
        return .from(HorizonSubmitFailure(resultCodes: codes, resultXDR: self.resultXDR, envelopeXDR: self.envelopeXDR))
    }
}
