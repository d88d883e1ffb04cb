/// The verdict on one artefact: stable text stored in the records.
public enum BinaryVerdict: String, Codable, Sendable, CaseIterable {
    /// Bit for bit equal to an expectation.
    case reproduced
    /// A package whose installed contents equal an expected package's; only archive metadata differs.
    case equivalentContent = "equivalent-content"
    /// An expectation exists for the same name but neither digest matches.
    case differs
    /// No expectation names or matches the artefact.
    case noExpectation = "no-expectation"

    /// Whether the verdict passes (`reproduced` or `equivalent-content`).
    public var passes: Bool { self == .reproduced || self == .equivalentContent }
}

/// One recorded `artifact verify` run.
public struct ArtifactVerification: Codable, Sendable, Equatable {
    /// The verdict on one artefact, with the expectation it was held against.
    public struct Entry: Codable, Sendable, Equatable {
        public var artifact: Artifact
        public var verdict: BinaryVerdict
        /// The expectation that matched, or that the artefact differs from.
        public var expectation: Expectation?
        /// Members of the package whose content differs from the expected package's (added, removed or changed).
        public var differingMembers: [String]
        /// SHA-256 of the diffoscope JSON report kept beside the database, when diffoscope ran.
        public var diffoscopeSha256: String?
        /// The report's top-level differences, a line each.
        public var diffoscopeSummary: [String]
    }

    public var id: Int64
    public var verifiedAt: String
    public var actor: String
    /// What was verified, as asked (`artifacts 1, 2`, `vendor ZTE`, `deposit 3`, `all`).
    public var scope: String
    /// True when every artefact was reproduced or equivalent and no evidence in scope was rejected.
    public var passed: Bool
    /// diffoscope's version when it was used.
    public var diffoscope: String?
    public var toolVersion: String
    public var entries: [Entry]
    /// Evidence refused for the deposits in scope (an invalid signature fails the run).
    public var rejectedEvidence: [RejectedEvidence]
}

/// What ``Store/recordVerification(_:)`` records: a verdict for each artefact.
public struct ArtifactVerificationDraft: Sendable {
    /// One artefact's verdict.
    public struct Entry: Sendable {
        public var artifactId: Int64
        public var verdict: BinaryVerdict
        public var expectationId: Int64?
        public var differingMembers: [String]
        /// A diffoscope JSON report to keep, and its summary.
        public var diffoscopeReport: String?
        public var diffoscopeSummary: [String]

        /// Creates an entry.
        public init(
            artifactId: Int64, verdict: BinaryVerdict, expectationId: Int64? = nil, differingMembers: [String] = [],
            diffoscopeReport: String? = nil, diffoscopeSummary: [String] = []
        ) {
            self.artifactId = artifactId
            self.verdict = verdict
            self.expectationId = expectationId
            self.differingMembers = differingMembers
            self.diffoscopeReport = diffoscopeReport
            self.diffoscopeSummary = diffoscopeSummary
        }
    }

    public var scope: String
    public var diffoscope: String?
    public var entries: [Entry]
    public var rejectedEvidence: [RejectedEvidence]

    /// Creates a draft.
    public init(scope: String, diffoscope: String?, entries: [Entry], rejectedEvidence: [RejectedEvidence]) {
        self.scope = scope
        self.diffoscope = diffoscope
        self.entries = entries
        self.rejectedEvidence = rejectedEvidence
    }
}
