/// An artefact's latest verdict is `differs`: the binary deployed is not what its deposit builds.
public struct BinaryDiffersRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.binaryDiffers] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.binaries.artifacts.compactMap { artifact in
            guard let verdict = artifact.latestVerdict, verdict.verdict == .differs else { return nil }
            let members =
                verdict.differingMembers.isEmpty
                ? "" : " (differing members: \(verdict.differingMembers.joined(separator: ", ")))"
            return context.finding(
                .binaryDiffers, key: "artifact-\(artifact.id)", vendor: artifact.vendorId,
                subject: "artifact #\(artifact.id) (\(artifact.name))",
                message: "Verification #\(verdict.verificationId) on \(verdict.on), the latest, found artifact "
                    + "#\(artifact.id) (\(artifact.name)) differs from what its deposit is expected to build"
                    + "\(members).",
                records: [
                    RecordReference("artifact", artifact.id),
                    RecordReference("artifactVerification", verdict.verificationId),
                ])
        }
    }
}
