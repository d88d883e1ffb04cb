/// Provenance evidence offered for a deposit whose signature did not verify.
public struct ProvenanceSignatureInvalidRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.provenanceSignatureInvalid] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.binaries.rejectedEvidence.map { rejected in
            context.finding(
                .provenanceSignatureInvalid, key: "evidence-\(rejected.id)", vendor: rejected.vendorId,
                subject: "deposit #\(rejected.depositId)",
                message: "Provenance evidence for deposit #\(rejected.depositId) refused on \(rejected.on): "
                    + rejected.reason,
                records: [
                    RecordReference("rejectedEvidence", rejected.id), RecordReference("escrowDeposit", rejected.depositId),
                ])
        }
    }
}
