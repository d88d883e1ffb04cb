import AssayProvenance

/// Renders `provenance verify` for people: the checks done, the sources and builder named, then a verdict line.
enum ProvenanceVerificationText {
    static func render(_ result: ProvenanceVerification) -> String {
        let style = TerminalStyle.standardOutput
        let claim = result.claim
        var out = "attestation: \(result.attestation) (\(result.format.rawValue), \(claim.kind.rawValue))\n"
        out += "signer:      \(claim.signer ?? "none") (\(claim.strength.rawValue))\n"
        if let builder = claim.builder { out += "builder:     \(builder)\n" }
        for source in claim.sources { out += "source:      \(source.name) \(digests(source))\n" }
        for subject in claim.subjects { out += "subject:     \(subject.name) \(digests(subject))\n" }
        for remark in claim.remarks { out += "note:        \(remark)\n" }
        for check in result.checks { out += "checked:     \(check.name): \(check.detail)\n" }
        let verdict: String
        if result.valid {
            verdict = style.green("OK") + " \(result.file) (sha256:\(result.fileSha256)) is a subject of a verified attestation"
        } else if !result.signatureVerified {
            verdict = style.red("NOT VERIFIED") + " \(result.file): the attestation's signature was not checked "
                + "(\(claim.strength.rawValue)); give --key, or --trusted-root with --identity and --issuer"
        } else {
            verdict = style.red("FAILED") + " \(result.file) (sha256:\(result.fileSha256)) is not among the subjects"
        }
        return out + verdict + "\n"
    }

    private static func digests(_ name: DigestedName) -> String {
        name.digests.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
    }
}
