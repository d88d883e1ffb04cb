/// The version of Assay, shown by `assay --version` and recorded in manifests, runs and reports.
public enum AssayVersion {
    public static let current = "0.1.0"
}
