import AssayBundle
import AssayProvenance
import AssayStore
import Foundation

/// `artifact verify`: a verdict for each selected artefact against the expectations of its vendor's deposits,
/// recorded as one run.
///
/// `reproduced` when the artefact's SHA-256 is an expectation's; `equivalent-content` when it is a package whose
/// content bundle digest is that of an expected package Assay holds (a rebuilt copy, or a recorded artefact an
/// expectation vouches for); `differs` when an expectation names a file of the same name but neither holds (the
/// differing members named from the content manifests, and a diffoscope report kept when diffoscope is
/// installed); otherwise `no-expectation`.
public enum ArtifactVerifier {
    /// Gives and records the verdicts; `diffoscope` runs the comparison tool, `nil` when it is not installed.
    public static func verify(
        _ selection: ArtifactSelection, store: Store, diffoscope: Diffoscope? = Diffoscope.installed()
    ) throws(StoreError) -> ArtifactVerification {
        let artifacts = try selectedArtifacts(selection, store: store)
        let allArtifacts = try store.artifacts()
        var entries: [ArtifactVerificationDraft.Entry] = []
        var rejected: [RejectedEvidence] = []
        var expectedByVendor: [Int64: [ExpectedBinary]] = [:]
        for artifact in artifacts {
            if expectedByVendor[artifact.vendor.id] == nil {
                let deposits = try depositIds(selection, vendor: artifact.vendor.id, store: store)
                var expected: [ExpectedBinary] = []
                for id in deposits {
                    expected += try store.expectations(deposit: id).map { ExpectedBinary($0, vouched: allArtifacts) }
                    rejected += try store.rejectedEvidence(deposit: id)
                }
                expectedByVendor[artifact.vendor.id] = expected.sorted(by: ExpectedBinary.strongerFirst)
            }
            entries.append(
                try verdict(
                    for: artifact, expected: expectedByVendor[artifact.vendor.id] ?? [], store: store,
                    diffoscope: diffoscope))
        }
        return try store.recordVerification(
            ArtifactVerificationDraft(
                scope: selection.scope, diffoscope: diffoscope?.version, entries: entries, rejectedEvidence: rejected))
    }

    static func verdict(for artifact: Artifact, expected: [ExpectedBinary], store: Store, diffoscope: Diffoscope?)
        throws(StoreError) -> ArtifactVerificationDraft.Entry
    {
        if let match = expected.first(where: { $0.expectation.subjectSha256 == artifact.sha256 }) {
            return .init(artifactId: artifact.id, verdict: .reproduced, expectationId: match.expectation.id)
        }
        if let digest = artifact.contentDigest, let match = expected.first(where: { $0.contentDigest == digest }) {
            return .init(artifactId: artifact.id, verdict: .equivalentContent, expectationId: match.expectation.id)
        }
        let named = expected.filter { $0.fileName == artifact.name }
        guard let closest = named.first(where: { $0.keptSha256 != nil }) ?? named.first else {
            return .init(artifactId: artifact.id, verdict: .noExpectation)
        }
        var entry = ArtifactVerificationDraft.Entry(
            artifactId: artifact.id, verdict: .differs, expectationId: closest.expectation.id,
            differingMembers: try differingMembers(artifact, closest, store: store))
        if let diffoscope, let expectedFile = try closest.keptSha256.flatMap(store.keptFile),
            let actualFile = try store.keptFile(sha256: artifact.sha256)
        {
            let report = diffoscope.compare(expectedFile, actualFile)
            entry.diffoscopeReport = report?.json
            entry.diffoscopeSummary = report?.summary ?? []
        }
        return entry
    }

    /// The members added, removed or changed between the expected package's content and the artefact's.
    static func differingMembers(_ artifact: Artifact, _ expected: ExpectedBinary, store: Store) throws(StoreError)
        -> [String]
    {
        guard let actualSha = artifact.contentManifestSha256, let expectedSha = expected.contentManifestSha256 else {
            return []
        }
        do {
            let diff = try ManifestDiff(
                from: try store.contentManifest(sha256: expectedSha), to: try store.contentManifest(sha256: actualSha))
            return (diff.added.map(\.path) + diff.removed.map(\.path) + diff.changed.map(\.path)).sorted()
        } catch let error as StoreError {
            throw error
        } catch let error as BundleError {
            throw StoreError.bundle(error)
        } catch {
            throw StoreError.database(String(describing: error))
        }
    }

    private static func selectedArtifacts(_ selection: ArtifactSelection, store: Store) throws(StoreError)
        -> [Artifact]
    {
        switch selection {
        case .artifacts(let ids): try ids.map { id throws(StoreError) in try store.artifact(id) }
        case .vendor(let vendor): try store.artifacts(vendor: vendor)
        case .deposit(let id): try store.artifacts(vendor: "#\(try store.escrowDeposit(id).vendor.id)")
        case .all: try store.artifacts()
        }
    }

    private static func depositIds(_ selection: ArtifactSelection, vendor: Int64, store: Store) throws(StoreError)
        -> [Int64]
    {
        if case .deposit(let id) = selection { return [id] }
        return try store.escrowDeposits(vendor: "#\(vendor)").map(\.id)
    }
}
