/// The version this build reports in `/health`, `--version` and logs.
public enum CapstanVersion {
    public static let current = "0.1.0"
}
