extension SEPError {
    /// 403 `{"error": "authentication_required", "type": "authentication_required"}`: SEP-6 and SEP-24
    /// specify the `type` field on this response; the `error` field keeps the shape every SEP shares.
    public static let authenticationRequired = SEPError(
        status: .forbidden, message: "authentication_required", extra: ["type": "authentication_required"]
    )

    /// A token was sent but is malformed, forged or expired. Also 403 with the same `type`, so wallets
    /// take the same recovery (run SEP-10 again) as for a missing token.
    public static let invalidToken = SEPError(
        status: .forbidden, message: "the SEP-10 token is invalid or expired", extra: ["type": "authentication_required"]
    )
}
