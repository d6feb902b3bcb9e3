import AsyncHTTPClient
import Foundation
import NIOCore
import StellarKit

extension HorizonClient {
    /// `POST /transactions`: submits a signed envelope and waits for its ledger.
    ///
    /// Returns the transaction when it succeeded. A failure with result codes is a definite `HorizonSubmitError`;
    /// `.timeout` and `.unavailable` mean the outcome is unknown (`isOutcomeUnknown`): look the hash up with
    /// `transaction(hash:)`, or resubmit the same envelope.
    public func submit(envelopeXDR: String) async throws(HorizonSubmitError) -> HorizonTransaction {
        try await self.submit(envelopeXDR: envelopeXDR, hash: nil)
    }

    /// Submits `envelope`, whose hash on `network` the unknown-outcome errors then carry.
    public func submit(_ envelope: TransactionEnvelope, network: Network) async throws(HorizonSubmitError) -> HorizonTransaction {
        let xdr: String
        let hash: String
        do {
            xdr = try envelope.xdrBase64
            hash = try envelope.hashHex(network: network)
        } catch {
            throw .malformed(detail: "the envelope does not encode: \(error)")
        }
        return try await self.submit(envelopeXDR: xdr, hash: hash)
    }

    private func submit(envelopeXDR: String, hash: String?) async throws(HorizonSubmitError) -> HorizonTransaction {
        // Base64 holds `+`, `/` and `=`, all of which a form body must escape.
        let encoded = envelopeXDR.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? envelopeXDR
        let reply: HorizonHTTP.Reply
        do throws(HorizonError) {
            reply = try await self.http.send(
                .POST, "/transactions", contentType: "application/x-www-form-urlencoded", body: "tx=" + encoded,
                timeout: self.configuration.submitTimeout)
        } catch {
            if case .timeout = error { throw .timeout(transactionHash: hash) }
            // The request may have reached Horizon before the connection broke.
            throw .unavailable(reason: error.description, transactionHash: hash)
        }
        switch reply.status {
        case 200, 201:
            let transaction: HorizonTransaction
            do {
                transaction = try JSONDecoder().decode(HorizonTransaction.self, from: reply.data)
            } catch {
                // Horizon accepted it; only the answer is unreadable.
                throw .unavailable(reason: "unreadable success response: \(DecodingFailure.describe(error))", transactionHash: hash)
            }
            if let failure = transaction.failure { throw failure }
            return transaction
        case 504:
            throw .timeout(transactionHash: hash)
        case 429:
            throw .rateLimited
        case 500...:
            throw .unavailable(reason: "Horizon answered HTTP \(reply.status)", transactionHash: hash)
        default:
            let problem = reply.problem
            if problem?.type == "transaction_malformed" { throw .malformed(detail: problem?.detail ?? "") }
            if let problem, let codes = problem.resultCodes {
                throw HorizonSubmitError.from(HorizonSubmitFailure(resultCodes: codes, resultXDR: problem.resultXDR, envelopeXDR: problem.envelopeXDR))
            }
            throw .rejected(status: reply.status, problemType: problem?.type ?? "", detail: problem?.detail ?? "")
        }
    }
}
