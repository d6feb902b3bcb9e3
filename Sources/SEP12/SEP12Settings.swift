/// SEP-12 configuration: where uploaded KYC files live and how large one may be.
public struct SEP12Settings: Sendable {
    /// Directory the host owns for uploaded files; created on first use.
    public var filesDirectory: String
    /// Largest accepted file; larger uploads get 413.
    public var maxFileBytes: Int

    public init(filesDirectory: String, maxFileBytes: Int) {
        self.filesDirectory = filesDirectory
        self.maxFileBytes = maxFileBytes
    }
}
