/// What one `escrow rebuild` did: the command, the clean environment it ran in, and each build attempt with the
/// digests of the artefacts it produced.
///
/// The rebuild engine produces it; the store records it (the first successful attempt's artefacts become
/// expectations of kind ``ProvenanceClaim/Kind/rebuild``), and the audit reads whether the attempts agreed.
public struct RebuildOutcome: Sendable, Equatable, Codable {
    /// One build of the extracted source in its own folder.
    public struct Attempt: Sendable, Equatable, Codable {
        /// The scratch folder the source was extracted into and built in.
        public var folder: String
        /// The command's exit status (a signal is reported as 128 + its number).
        public var exitStatus: Int32
        /// The build's standard output and error, as written (kept with the run by the store).
        public var logPath: String
        /// The artefacts named with `--artifact`, in the order given.
        public var artifacts: [BuiltArtifact]
        /// When the build started and ended, as ``AssayCore/Timestamp`` text.
        public var startedAt: String
        public var finishedAt: String

        /// Creates an attempt.
        public init(
            folder: String, exitStatus: Int32, logPath: String, artifacts: [BuiltArtifact], startedAt: String,
            finishedAt: String
        ) {
            self.folder = folder
            self.exitStatus = exitStatus
            self.logPath = logPath
            self.artifacts = artifacts
            self.startedAt = startedAt
            self.finishedAt = finishedAt
        }
    }

    /// One artefact of one attempt.
    public struct BuiltArtifact: Sendable, Equatable, Codable {
        /// The path as given with `--artifact`, relative to the build folder.
        public var path: String
        /// Where the built file is now (a copy kept with the run), `nil` when the build did not produce it.
        public var keptAt: String?
        /// Its size and SHA-256 (lowercase hex), `nil` when missing.
        public var size: UInt64?
        public var sha256: String?

        /// Creates an artefact record.
        public init(path: String, keptAt: String?, size: UInt64?, sha256: String?) {
            self.path = path
            self.keptAt = keptAt
            self.size = size
            self.sha256 = sha256
        }
    }

    /// The command as given, run by `/bin/sh -c`.
    public var command: String
    /// The whole environment the command saw.
    public var environment: [String: String]
    /// `SOURCE_DATE_EPOCH` the build ran with.
    public var sourceDateEpoch: Int64
    /// How the network was cut off, or why it was not (`isolated: new network namespace`, `not isolated: …`).
    public var network: String
    /// The attempts, in the order they ran.
    public var attempts: [Attempt]

    /// Creates an outcome.
    public init(
        command: String, environment: [String: String], sourceDateEpoch: Int64, network: String, attempts: [Attempt]
    ) {
        self.command = command
        self.environment = environment
        self.sourceDateEpoch = sourceDateEpoch
        self.network = network
        self.attempts = attempts
    }

    /// True when every attempt exited 0 and produced every artefact.
    public var succeeded: Bool {
        attempts.allSatisfy { attempt in attempt.exitStatus == 0 && attempt.artifacts.allSatisfy { $0.sha256 != nil } }
    }

    /// The artefact paths whose digests differ between attempts (empty with one attempt).
    public var differingArtifacts: [String] {
        guard let first = attempts.first else { return [] }
        return first.artifacts.map(\.path).filter { path in
            Set(attempts.map { attempt in attempt.artifacts.first { $0.path == path }?.sha256 ?? "" }).count > 1
        }
    }

    /// Whether the attempts agree bit for bit: `nil` with fewer than two successful attempts.
    public var reproducible: Bool? {
        guard attempts.count > 1, succeeded else { return nil }
        return differingArtifacts.isEmpty
    }
}
