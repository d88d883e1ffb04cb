/// An artefact of a vendor that offers escrow, which no expectation of the vendor's deposits names: nothing says
/// the deployed binary comes from the escrowed source.
public struct BinaryWithoutProvenanceRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.binaryWithoutProvenance] }

    public func findings(in context: AuditContext) -> [Finding] {
        let offering = Set(context.snapshot.offers.map(\.vendorId))
        return context.snapshot.binaries.artifacts.compactMap { artifact in
            guard offering.contains(artifact.vendorId), !artifact.expected else { return nil }
            return context.finding(
                .binaryWithoutProvenance, key: "artifact-\(artifact.id)", vendor: artifact.vendorId,
                subject: "artifact #\(artifact.id) (\(artifact.name))",
                message: "No expectation of the vendor's escrow deposits names artifact #\(artifact.id) "
                    + "(\(artifact.name)): nothing ties the binary to the escrowed source.",
                records: [RecordReference("artifact", artifact.id)])
        }
    }
}
