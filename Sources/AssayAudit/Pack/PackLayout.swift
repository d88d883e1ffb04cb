/// The file names of an evidence pack (README "Evidence pack"), all at the top of the tar.
public enum PackLayout {
    /// `sha256sum` lines for every other file but ``signature``: `sha256sum -c MANIFEST` checks them.
    public static let manifest = "MANIFEST"
    /// The detached signature over ``manifest`` with the organisation's key (Ed25519 raw, ECDSA DER over SHA-256).
    public static let signature = "MANIFEST.sig"
    /// The signed `assay-log-checkpoint/1` of the exported log's head (`Schemas/log-checkpoint.schema.json`).
    public static let checkpoint = "checkpoint.json"
    /// The whole audit log from entry 1 to the checkpoint's head, one entry per line with its `rows`
    /// (`Schemas/log-entry.schema.json`): a complete chain, so no hash from outside the pack is needed.
    public static let log = "log.jsonl"
    /// The audit report as of the pack's day (`Schemas/audit-report.schema.json`).
    public static let reportJSON = "audit/report.json"
    /// The same report for people.
    public static let reportHTML = "audit/report.html"

    /// A vendor's dossier (`Schemas/dossier.schema.json`).
    public static func dossierJSON(vendorId: Int64) -> String { "dossiers/vendor-\(vendorId).json" }
    /// A vendor's dossier for people.
    public static func dossierHTML(vendorId: Int64) -> String { "dossiers/vendor-\(vendorId).html" }
    /// An evidence file, named by its SHA-256.
    public static func evidence(sha256: String) -> String { "evidence/\(sha256)" }
    /// A deposit record (`escrow deposit --format json` shape).
    public static func deposit(id: Int64) -> String { "escrow/deposit-\(id).json" }
    /// A deposit's manifest, the bytes the store keeps (`Schemas/manifest.schema.json`).
    public static func depositManifest(id: Int64) -> String { "escrow/deposit-\(id).manifest.json" }
    /// A verification run of a deposit.
    public static func verification(id: Int64) -> String { "escrow/verification-\(id).json" }
}
