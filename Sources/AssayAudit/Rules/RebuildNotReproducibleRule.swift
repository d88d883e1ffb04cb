/// The latest rebuild of a deposit built different bytes in its attempts.
public struct RebuildNotReproducibleRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.rebuildNotReproducible] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.binaries.latestRebuilds.compactMap { rebuild in
            guard rebuild.reproducible == .no else { return nil }
            return context.finding(
                .rebuildNotReproducible, key: "deposit-\(rebuild.depositId)", vendor: rebuild.vendorId,
                subject: "deposit #\(rebuild.depositId)",
                message: "Rebuild #\(rebuild.id) of deposit #\(rebuild.depositId) on \(rebuild.on), the latest, is not "
                    + "reproducible: its attempts built different "
                    + rebuild.differingArtifacts.joined(separator: ", ") + ".",
                records: [
                    RecordReference("rebuildRun", rebuild.id), RecordReference("escrowDeposit", rebuild.depositId),
                ])
        }
    }
}
