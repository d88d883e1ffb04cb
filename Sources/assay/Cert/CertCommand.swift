import ArgumentParser

/// `assay cert …`
struct CertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Register and track vendors' security certifications.",
        discussion: """
            Schemes: iso27001, cc (Common Criteria), eucc, fips140-2, fips140-3, soc2, csa-star, nesas, x509, \
            or a custom name given with --custom-scheme. Validity is derived from the dates as of a day \
            (--as-of), never stored.
            """,
        subcommands: [
            CertAdd.self, CertEdit.self, CertRemove.self, CertList.self, CertShow.self, CertSetStatus.self,
            CertAttach.self, CertImportX509.self, CertReconcile.self,
        ]
    )
}
