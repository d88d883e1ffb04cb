import AssayStore

/// The lines of a dossier's binaries section: each artefact with its latest verdict, each expectation with the
/// evidence behind it, each rebuild.
enum DossierBinaryLines {
    static func lines(_ binaries: DossierBinaries) -> [String] {
        binaries.artifacts.map(artifactLine) + binaries.expectations.map(expectationLine)
            + binaries.rebuilds.map(rebuildLine)
    }

    private static func artifactLine(_ artifact: DossierArtifact) -> String {
        let site = artifact.site.map { " at \($0)" } ?? ""
        let product = [artifact.product, artifact.version].compactMap { $0 }.joined(separator: " ")
        let verdict =
            artifact.verdict.map { verdict in
                "\(verdict.rawValue) (verification #\(artifact.verificationId ?? 0)"
                    + (artifact.expectationId.map { ", expectation #\($0)" } ?? "") + ")"
                    + (artifact.differingMembers.isEmpty
                        ? "" : "; differing members: " + artifact.differingMembers.joined(separator: ", "))
            } ?? "not verified"
        return "artifact \(artifact.name)\(product.isEmpty ? "" : " (\(product))")\(site), sha256 "
            + "\(artifact.sha256.prefix(16))…: \(verdict) [artifact #\(artifact.id)]"
    }

    private static func expectationLine(_ expectation: Expectation) -> String {
        let signer = expectation.signer.map { " by \($0)" } ?? ""
        return "expected of deposit #\(expectation.depositId): \(expectation.subjectName) — "
            + "\(expectation.kind.rawValue), \(expectation.strength.rawValue)\(signer), "
            + expectation.sourceLink.rawValue
            + " [expectation #\(expectation.id)]"
    }

    private static func rebuildLine(_ rebuild: DossierRebuild) -> String {
        let differing =
            rebuild.differingArtifacts.isEmpty ? "" : " (differ: \(rebuild.differingArtifacts.joined(separator: ", ")))"
        return "rebuild of deposit #\(rebuild.depositId) on \(rebuild.recordedAt.prefix(10)): "
            + (rebuild.succeeded ? "built" : "failed") + ", reproducible: \(rebuild.reproducible.rawValue)"
            + "\(differing) [rebuild #\(rebuild.id)]"
    }
}
