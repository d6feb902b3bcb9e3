extension Asset {
    /// The asset in SEP-38 identification format: `stellar:CODE:ISSUER`, or `stellar:native` for XLM.
    public var sep38Identifier: String {
        guard let issuer = self.issuer, self.code != "native" else { return "stellar:native" }
        return "stellar:\(self.code):\(issuer)"
    }
}
