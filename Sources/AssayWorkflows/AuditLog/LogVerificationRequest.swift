import AssayCore
import AssayCrypto
import AssayStore

/// A verification of the audit log: its chain, stored checkpoints and records to a depth, and optionally that it
/// still extends a checkpoint file kept elsewhere, signed by the organisation's key.
public struct LogVerificationRequest: Sendable {
    /// How much to verify.
    public var depth: LogVerificationDepth = .records
    /// A checkpoint file from `log checkpoint`, checked when the log itself verifies.
    public var checkpointFile: String?
    /// The public key that must have signed ``checkpointFile``.
    public var publicKeyFile: String?

    /// A verification to `depth`, without a checkpoint file.
    public init(depth: LogVerificationDepth = .records) {
        self.depth = depth
    }

    /// Reads the checkpoint file and its key first (so a bad file is refused before any work), verifies the log,
    /// and when it is intact checks that it extends the checkpoint; `progress` counts the log entries verified.
    public func run(in store: Store, progress: ProgressHandler? = nil) throws -> LogVerificationOutcome {
        let anchor = try loadCheckpoint()
        let verification = try store.verifyLog(depth, progress: progress)
        var outcome = LogVerificationOutcome(verification: verification)
        if let anchor, verification.isIntact {
            outcome.checkpoint = CheckpointVerdict(
                path: anchor.path, checkpoint: anchor.checkpoint, keyFingerprint: anchor.key.fingerprint.hex,
                check: try store.check(anchor.checkpoint, key: anchor.key))
        }
        return outcome
    }

    private func loadCheckpoint() throws -> (path: String, checkpoint: LogCheckpoint, key: PublicKey)? {
        guard let checkpointFile, let publicKeyFile else { return nil }
        let key = try SignatureCheck.keys([publicKeyFile])[0]
        let bytes = try SignatureCheck.readBytes(checkpointFile, what: "checkpoint")
        return (checkpointFile, try LogCheckpoint(json: bytes, path: checkpointFile), key)
    }
}

/// What a verification of the audit log found.
public struct LogVerificationOutcome: Sendable {
    /// The chain, stored checkpoints and records.
    public var verification: LogVerification
    /// Whether the log extends the checkpoint file; `nil` when none was given or the log itself is broken.
    public var checkpoint: CheckpointVerdict?

    /// The outcome of `verification`, with the checkpoint file's verdict when there is one.
    public init(verification: LogVerification, checkpoint: CheckpointVerdict? = nil) {
        self.verification = verification
        self.checkpoint = checkpoint
    }

    /// True when the log verifies and extends the checkpoint file, if one was given (exit 0).
    public var passes: Bool { verification.isIntact && (checkpoint?.check.holds ?? true) }
}

/// Whether the log extends a checkpoint file.
public struct CheckpointVerdict: Sendable {
    /// The checkpoint file.
    public var path: String
    /// The checkpoint the file holds.
    public var checkpoint: LogCheckpoint
    /// The SHA-256 fingerprint (hex) of the key the checkpoint was checked with.
    public var keyFingerprint: String
    /// Whether the log extends it unchanged.
    public var check: CheckpointCheck
}
