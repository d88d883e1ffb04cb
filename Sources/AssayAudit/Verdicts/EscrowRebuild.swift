public import AssayBundle
public import AssayProvenance
public import AssayStore
import Foundation

/// `escrow rebuild`: verify a bundle against a deposit, extract it safely, build it in a clean environment (once
/// or several times, each in its own folder), and record the run with its logs and artefacts.
public struct EscrowRebuild: Sendable {
    /// The deposit rebuilt.
    public var deposit: Int64
    /// The bundle to build: a directory or an archive, which must verify cleanly against the deposit.
    public var bundle: String
    /// The command, the artefacts and how many runs; `SOURCE_DATE_EPOCH` when given.
    public var command: String
    public var artifacts: [String]
    public var runs: Int
    public var environment: [String: String]
    /// `SOURCE_DATE_EPOCH`; `nil` for the deposit's recorded time (see ``sourceDateEpoch(of:)``).
    public var sourceDateEpoch: Int64?
    /// Keep an archive's single top-level folder in paths (as the deposit was made with it), instead of building
    /// inside it.
    public var keepPrefix: Bool

    /// Creates a request.
    public init(
        deposit: Int64, bundle: String, command: String, artifacts: [String], runs: Int = 1,
        environment: [String: String] = [:], sourceDateEpoch: Int64? = nil, keepPrefix: Bool = false
    ) {
        self.deposit = deposit
        self.bundle = bundle
        self.command = command
        self.artifacts = artifacts
        self.runs = runs
        self.environment = environment
        self.sourceDateEpoch = sourceDateEpoch
        self.keepPrefix = keepPrefix
    }

    /// What came of it.
    public enum Result: Sendable {
        /// The bundle did not verify cleanly against the deposit: nothing was built or recorded.
        case refused(VerificationReport)
        /// The build ran (successfully or not) and was recorded.
        case built(Built)
    }

    /// A recorded rebuild.
    public struct Built: Sendable {
        /// The verification of the bundle against the deposit, clean.
        public var verification: VerificationReport
        /// What the engine did.
        public var outcome: RebuildOutcome
        /// The record.
        public var run: RebuildRun
        /// Where the store keeps each attempt's log, by attempt number.
        public var logs: [Int: String]
        /// The last lines of the log of each attempt that failed, by attempt number.
        public var logTails: [Int: String]

        /// Whether the build succeeded (every artefact produced) and, when it ran more than once, reproduced bit
        /// for bit.
        public var passed: Bool { outcome.succeeded && outcome.reproducible != false }
    }

    /// Runs it: verify, extract, build, record. Throws `StoreError`, `BundleError` or `ProvenanceError` on trouble;
    /// a build that fails or does not reproduce is a recorded result, not an error.
    public func run(in store: Store, announcing announce: ((Int) -> Void)? = nil) throws -> Result {
        let record = try store.escrowDeposit(deposit)
        let expected = try store.depositManifest(deposit)
        let options = ReadOptions(algorithm: expected.algorithm, keepPrefix: keepPrefix)
        let read = try BundleReader.read(at: bundle, options: options)
        let verification = try Verifier.verify(read, readFrom: bundle, against: expected, options: options)
        guard verification.clean else { return .refused(verification) }
        let plan = try RebuildPlan(
            command: command, artifacts: artifacts, runs: runs, environment: environment,
            sourceDateEpoch: try sourceDateEpoch ?? Self.sourceDateEpoch(of: record))
        let work = try Self.workFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let source = RebuildSource(bundle: bundle, strippedPrefix: read.strippedPrefix, expected: expected)
        let outcome = try RebuildRunner(plan: plan, source: source, workFolder: work).run(announcing: announce)
        var tails: [Int: String] = [:]
        for (index, attempt) in outcome.attempts.enumerated() where attempt.exitStatus != 0 {
            tails[index + 1] = Self.tail(of: attempt.logPath)
        }
        let run = try store.recordRebuild(deposit: deposit, outcome: outcome)
        var logs: [Int: String] = [:]
        for attempt in run.attempts {
            logs[attempt.number] = try attempt.logSha256.flatMap { sha256 throws(StoreError) in
                try store.keptFile(sha256: sha256)
            }
        }
        return .built(Built(verification: verification, outcome: outcome, run: run, logs: logs, logTails: tails))
    }

    /// The deposit's `SOURCE_DATE_EPOCH`: the second it was recorded. A bundle's manifest keeps no file dates (they
    /// are not part of its content), and the deposit's time is fixed once recorded and audit-logged, so every
    /// rebuild of one deposit builds with the same clock.
    public static func sourceDateEpoch(of deposit: EscrowDeposit) throws(ProvenanceError) -> Int64 {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = parser.date(from: deposit.depositedAt) else {
            throw .malformed(
                place: "deposit #\(deposit.id)", field: "depositedAt", reason: "'\(deposit.depositedAt)' is no time")
        }
        return Int64(date.timeIntervalSince1970.rounded(.down))
    }

    /// A new private folder for the attempts, under the system's temporary folder.
    private static func workFolder() throws(ProvenanceError) -> String {
        let parent = FileManager.default.temporaryDirectory.path
        var template = Array((parent + "/assay-rebuild-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .cannotRun(place: parent, reason: String(cString: strerror(errno)))
        }
        return String(cString: made)
    }

    /// The last 20 lines of a log, for the user to see why a build failed.
    private static func tail(of log: String) -> String {
        guard let data = FileManager.default.contents(atPath: log) else { return "" }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.suffix(21).joined(separator: "\n")
    }
}
