import ArgumentParser
import AssayCore
import AssayStore

/// `assay cert show ID`
struct CertShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a certification with its status history and evidence."
    )

    @Argument(help: "The certification's id.")
    var id: Int64

    @Option(help: ArgumentHelp("Derive validity as of this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let asOf = try convert("--as-of", asOf, CalendarDate.init(iso:)) ?? .today
        let opened = try store.open(.readOnly)
        let cert = try opened.certification(id, asOf: asOf)
        let paths = try (cert.evidence ?? []).map { ($0.id, try opened.storedFilePath(sha256: $0.sha256)) }
        try Self.emit(cert, format: output.format, evidencePaths: Dictionary(paths, uniquingKeysWith: { first, _ in first }))
    }

    /// Prints a certification; `evidencePaths` gives, by evidence id, where each file is on this machine.
    static func emit(_ cert: CertificationDetails, format: OutputFormat, evidencePaths: [Int64: String] = [:]) throws {
        let history = cert.statusHistory?.map {
            "\($0.effectiveOn) \($0.status.rawValue)\($0.reason.map { ": \($0)" } ?? "")"
        }
        let evidence = cert.evidence?.map { item in
            "#\(item.id) \(item.originalName) (\(item.size) bytes, sha256 \(item.sha256))"
                + (evidencePaths[item.id].map { path in "\n  \(path)" } ?? "")
        }
        try Output.emitRecord(
            cert, format: format,
            fields: [
                ("id", "\(cert.id)"),
                ("vendor", cert.vendor.name),
                ("scheme", cert.schemeTitle),
                ("level", cert.level.map { ([$0] + cert.augmentations).joined(separator: " ") }),
                ("audit period", cert.auditPeriodStart.map { "\($0)..\(cert.auditPeriodEnd?.description ?? "")" }),
                ("product", cert.product.map { ([$0] + cert.coveredVersions).joined(separator: " ") }),
                ("number", cert.number),
                ("issuer", cert.issuer),
                ("lab", cert.lab),
                ("scope", cert.scope),
                ("issued on", cert.issuedOn?.description),
                ("valid until", cert.validUntil?.description),
                ("status", cert.status.rawValue),
                (
                    "validity",
                    "\(cert.validity.rawValue) as of \(cert.asOf)"
                        + (cert.daysRemaining.map { $0 >= 0 ? " (\($0) days left)" : " (\(-$0) days ago)" } ?? "")
                ),
                (
                    "certificate",
                    cert.x509.map { x509 in
                        [
                            "sha256 \(x509.fingerprint)", "serial \(x509.serialNumber)",
                            "\(x509.notBefore) to \(x509.notAfter)",
                            "\(x509.signatureAlgorithm), \(x509.keyAlgorithm)\(x509.keyBits.map { " \($0) bits" } ?? "")",
                        ]
                            + x509.dnsNames.map { "DNS \($0)" } + x509.weaknesses.map { "WEAK: \($0)" }
                    }?.joined(separator: "\n")
                ),
                ("notes", cert.notes),
                ("claim key", cert.claimKey),
                ("history", history?.joined(separator: "\n")),
                ("evidence", evidence?.joined(separator: "\n")),
            ])
    }
}
