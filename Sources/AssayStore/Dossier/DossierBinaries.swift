import AssayCore
import Foundation

/// The binaries in a dossier as they stood on its day: each artefact with its latest verdict, the expectations
/// of the vendor's deposits, and the deposits' rebuilds.
public struct DossierBinaries: Codable, Sendable, Equatable {
    public var artifacts: [DossierArtifact]
    public var expectations: [Expectation]
    public var rebuilds: [DossierRebuild]
}

/// An artefact in a dossier with its latest verdict by the dossier's day.
public struct DossierArtifact: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var sha256: String
    public var product: String?
    public var version: String?
    public var site: String?
    public var addedAt: String
    /// The latest verdict, absent when the artefact was not verified by the day.
    public var verdict: BinaryVerdict?
    public var verificationId: Int64?
    /// The expectation the verdict rests on.
    public var expectationId: Int64?
    public var differingMembers: [String]
}

/// A rebuild of one of the vendor's deposits.
public struct DossierRebuild: Codable, Sendable, Equatable {
    public var id: Int64
    public var depositId: Int64
    public var recordedAt: String
    public var succeeded: Bool
    public var reproducible: Reproducibility
    public var differingArtifacts: [String]
}

/// What a binary-equivalence timeline entry is about.
public struct DossierBinaryReference: Codable, Sendable, Equatable {
    public var artifactId: Int64?
    public var expectationId: Int64?
    public var rebuildRunId: Int64?
    public var verificationId: Int64?
    public var verdict: BinaryVerdict?
}

extension DossierBinaries {
    struct Built {
        var entries: [DossierEntry]
        var binaries: DossierBinaries
    }

    /// The vendor's binary-equivalence records that count on the day (recorded by the cut-off, on or before it).
    static func build(
        _ db: any SQLConnection, vendorId: Int64, asOf: CalendarDate, recordedBefore cutoff: String
    ) throws -> Built {
        let lastDay = asOf.description
        func counts(_ timestamp: String) -> Bool { timestamp < cutoff && timestamp.prefix(10) <= lastDay }
        func date(_ timestamp: String) throws -> PartialDate { PartialDate(try Timestamp.day(of: timestamp)) }
        var entries: [DossierEntry] = []
        // Rows of the vendor's deposits (those under its offers), in order.
        let ofDeposits = """
            "depositId" IN (
                SELECT d."id" FROM "escrowDeposit" d JOIN "escrowOffer" o ON o."id" = d."offerId"
                WHERE o."vendorId" = ?)
            ORDER BY "id"
            """
        let expectations = try db.all(
            ExpectationRecord.self, #"SELECT * FROM "expectation" WHERE \#(ofDeposits)"#, [vendorId]
        ).filter { counts($0.recordedAt) }.map(Store.expectation)
        for expectation in expectations {
            let sha = expectation.subjectSha256.map { " \($0.prefix(16))…" } ?? ""
            entries.append(
                DossierEntry(
                    date: try date(expectation.recordedAt), kind: .escrowExpectation,
                    title: "Expectation #\(expectation.id) of deposit #\(expectation.depositId): "
                        + "\(expectation.subjectName)\(sha) (\(expectation.kind.rawValue), "
                        + "\(expectation.strength.rawValue), \(expectation.sourceLink.rawValue))",
                    binary: DossierBinaryReference(expectationId: expectation.id)))
        }
        var rebuilds: [DossierRebuild] = []
        let runs = try db.all(RebuildRunRecord.self, #"SELECT * FROM "rebuildRun" WHERE \#(ofDeposits)"#, [vendorId])
        for run in runs where counts(run.recordedAt) {
            guard let id = run.id else { throw StoreError.database("rebuild run row without id") }
            rebuilds.append(
                DossierRebuild(
                    id: id, depositId: run.depositId, recordedAt: run.recordedAt, succeeded: run.succeeded,
                    reproducible: run.reproducible, differingArtifacts: run.differingArtifacts))
            entries.append(
                DossierEntry(
                    date: try date(run.recordedAt), kind: .escrowRebuild,
                    title: "Rebuild #\(id) of deposit #\(run.depositId): "
                        + (run.succeeded ? "built" : "failed") + ", reproducible: \(run.reproducible.rawValue)",
                    binary: DossierBinaryReference(rebuildRunId: id)))
        }
        var artifacts: [DossierArtifact] = []
        let records = try db.all(
            ArtifactRecord.self, #"SELECT * FROM "artifact" WHERE "vendorId" = ? ORDER BY "id""#, [vendorId])
        for record in records where counts(record.addedAt) {
            guard let id = record.id else { throw StoreError.database("artifact row without id") }
            let site = record.site.map { " at \($0)" } ?? ""
            entries.append(
                DossierEntry(
                    date: try date(record.addedAt), kind: .artifact,
                    title: "Artifact #\(id) \(record.name)\(site): sha256 \(record.sha256.prefix(16))…",
                    binary: DossierBinaryReference(artifactId: id)))
            var artifact = DossierArtifact(
                id: id, name: record.name, sha256: record.sha256, product: record.product, version: record.version,
                site: record.site, addedAt: record.addedAt, differingMembers: [])
            let verdicts = try db.rows(
                """
                SELECT r."id", r."verifiedAt", v."verdict", v."expectationId", v."differingMembers"
                FROM "artifactVerdict" v JOIN "artifactVerification" r ON r."id" = v."verificationId"
                WHERE v."artifactId" = ? ORDER BY v."id"
                """, [id]
            ).filter { counts(try $0[1]) }
            for row in verdicts {
                guard let verdict = BinaryVerdict(rawValue: try row[2]) else { continue }
                let members: String = try row[4]
                artifact.verdict = verdict
                artifact.verificationId = try row[0]
                artifact.expectationId = try row[3]
                artifact.differingMembers = try JSONDecoder().decode([String].self, from: Data(members.utf8))
                entries.append(
                    DossierEntry(
                        date: try date(try row[1]), kind: .artifactVerdict,
                        title: "Verification #\(artifact.verificationId ?? 0) of artifact #\(id) \(record.name): "
                            + verdict.rawValue,
                        binary: DossierBinaryReference(
                            artifactId: id, expectationId: artifact.expectationId,
                            verificationId: artifact.verificationId, verdict: verdict)))
            }
            artifacts.append(artifact)
        }
        return Built(
            entries: entries,
            binaries: DossierBinaries(artifacts: artifacts, expectations: expectations, rebuilds: rebuilds))
    }
}
