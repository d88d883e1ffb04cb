public import AssayBundle
import AssayCore
import Foundation

/// The source a rebuild builds: a bundle, the top-level folder its read stripped, and the manifest every extracted
/// copy must match.
public struct RebuildSource: Sendable {
    /// The bundle: a directory or an archive.
    public var bundle: String
    /// The single top-level folder removed from its paths (``AssayBundle/Manifest/strippedPrefix`` of its read).
    public var strippedPrefix: EntryPath?
    /// The manifest each extracted copy is verified against (the deposit's), `nil` to build what is extracted.
    public var expected: Manifest?

    /// Creates a source.
    public init(bundle: String, strippedPrefix: EntryPath? = nil, expected: Manifest? = nil) {
        self.bundle = bundle
        self.strippedPrefix = strippedPrefix
        self.expected = expected
    }
}

/// Builds a source as a plan says: each attempt extracts the bundle safely into a folder of its own
/// (`attempt-N/build`, so two attempts differ in path and path-dependence shows), runs the command there in a clean
/// environment, and keeps the log and copies of the artefacts under `kept/attempt-N/`; then the attempt's folder
/// is removed.
///
/// The clean environment is exactly `PATH=/usr/local/bin:/usr/bin:/bin`, `HOME` and `TMPDIR` (empty folders of the
/// attempt), `LANG` and `LC_ALL` `C.UTF-8`, `TZ=UTC` and `SOURCE_DATE_EPOCH`, then the plan's variables (which may
/// replace these); umask 022; no standard input; no network when ``NetworkIsolation`` can arrange it. Every
/// extracted file is dated `SOURCE_DATE_EPOCH`. A build that fails or misses an artefact is still an attempt, with its
/// exit status; only trouble running it at all throws.
public struct RebuildRunner {
    /// What to build and how.
    public let plan: RebuildPlan
    /// The source built.
    public let source: RebuildSource
    /// An existing, private folder that receives the attempts and what is kept of them.
    public let workFolder: String

    /// Creates a runner.
    public init(plan: RebuildPlan, source: RebuildSource, workFolder: String) {
        self.plan = plan
        self.source = source
        self.workFolder = workFolder
    }

    /// Runs every attempt, in order, calling `announce` with each attempt's number as it starts. The outcome's
    /// environment is the first attempt's (`HOME` and `TMPDIR` are each attempt's own).
    public func run(announcing announce: ((Int) -> Void)? = nil) throws(ProvenanceError) -> RebuildOutcome {
        let network = NetworkIsolation.probe()
        var attempts: [RebuildOutcome.Attempt] = []
        var environments: [[String: String]] = []
        for number in 1...plan.runs {
            announce?(number)
            let (attempt, environment) = try attempt(number, network: network)
            attempts.append(attempt)
            environments.append(environment)
        }
        return RebuildOutcome(
            command: plan.command, environment: environments.first ?? [:], sourceDateEpoch: plan.sourceDateEpoch,
            network: network.description, attempts: attempts)
    }

    private func attempt(
        _ number: Int, network: NetworkIsolation
    ) throws(ProvenanceError) -> (RebuildOutcome.Attempt, [String: String]) {
        let scratch = workFolder + "/attempt-\(number)"
        let kept = workFolder + "/kept/attempt-\(number)"
        let build = scratch + "/build"
        let home = scratch + "/home"
        let tmp = scratch + "/tmp"
        try Scratch.makeFolders([scratch, home, tmp, kept])
        let extracted = try extract(into: build)
        if let expected = source.expected {
            let report = try Self.bundle { () throws(BundleError) in try Verifier.verify(extracted, against: expected) }
            guard report.clean else {
                throw .cannotRun(
                    place: source.bundle,
                    reason: "the extracted copy does not match the deposit (\(report.differences.count) differences, "
                        + "\(report.summary.errorFindings) error findings): was the bundle changed after it was verified?"
                )
            }
        }
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "TMPDIR": tmp, "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8", "TZ": "UTC", "SOURCE_DATE_EPOCH": String(plan.sourceDateEpoch),
        ]
        environment.merge(plan.environment) { $1 }
        let log = kept + "/build.log"
        let startedAt = Timestamp.now()
        let status = try BuildProcess.run(
            plan.command, in: build, environment: environment, network: network, log: log)
        let finishedAt = Timestamp.now()
        let keeper = ArtifactKeeper(build: build, kept: kept + "/artifacts", log: log)
        let artifacts = try plan.artifacts.map { path throws(ProvenanceError) in try keeper.keep(path) }
        Scratch.remove(scratch, noting: log)
        let attempt = RebuildOutcome.Attempt(
            folder: build, exitStatus: status, logPath: log, artifacts: artifacts, startedAt: startedAt,
            finishedAt: finishedAt)
        return (attempt, environment)
    }

    private func extract(into build: String) throws(ProvenanceError) -> Manifest {
        let options = ReadOptions(algorithm: source.expected?.algorithm ?? .sha256)
        return try Self.bundle { () throws(BundleError) in
            try BundleExtractor(options: options).extract(
                bundleAt: source.bundle, into: build, stripping: source.strippedPrefix,
                modified: Int(plan.sourceDateEpoch))
        }
    }

    private static func bundle<T>(_ body: () throws(BundleError) -> T) throws(ProvenanceError) -> T {
        do { return try body() } catch { throw .bundle(error) }
    }
}
