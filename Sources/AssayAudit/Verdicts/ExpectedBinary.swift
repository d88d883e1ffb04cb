import AssayProvenance
import AssayStore
import Foundation

/// An expectation with what Assay holds of the binary it names: a kept file (an artefact with the expected
/// SHA-256, or a rebuilt copy) and the content of that package.
struct ExpectedBinary: Sendable {
    var expectation: Expectation
    /// The expected package's content bundle digest and manifest SHA-256, when Assay holds the package.
    var contentDigest: String?
    var contentManifestSha256: String?
    /// SHA-256 of a kept copy of the expected binary, when Assay holds one.
    var keptSha256: String?

    /// Resolves an expectation against the rebuilt copies and the recorded artefacts it vouches for.
    init(_ expectation: Expectation, vouched: [Artifact]) {
        self.expectation = expectation
        contentDigest = expectation.contentDigest
        contentManifestSha256 = expectation.contentManifestSha256
        if expectation.kind == .rebuild { keptSha256 = expectation.subjectSha256 }
        if let artifact = vouched.first(where: { $0.sha256 == expectation.subjectSha256 }) {
            keptSha256 = artifact.sha256
            contentDigest = contentDigest ?? artifact.contentDigest
            contentManifestSha256 = contentManifestSha256 ?? artifact.contentManifestSha256
        }
    }

    /// The name the expectation gives, without folders.
    var fileName: String { (expectation.subjectName as NSString).lastPathComponent }

    /// Stronger evidence first: verified signatures, then linked sources, then the oldest.
    static func strongerFirst(_ left: ExpectedBinary, _ right: ExpectedBinary) -> Bool {
        let order: [ProvenanceClaim.Strength] = [.signatureVerified, .signatureUnverified, .unsigned]
        let rank = { (binary: ExpectedBinary) in
            (order.firstIndex(of: binary.expectation.strength) ?? 3, binary.expectation.sourceLink == .linked ? 0 : 1)
        }
        let (l, r) = (rank(left), rank(right))
        return l != r ? l < r : left.expectation.id < right.expectation.id
    }
}
