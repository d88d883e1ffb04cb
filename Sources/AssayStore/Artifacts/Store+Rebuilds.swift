import AssayCore
import AssayProvenance
import Foundation

extension Store {
    /// Records an `escrow rebuild` of a deposit: the environment, each attempt with its log, and each artefact
    /// with its digests; the logs and the built files are kept beside the database, and a built package's content
    /// is read as a bundle. When the run succeeded, the first attempt's artefacts become expectations of kind
    /// `rebuild` (unsigned, built by `assay rebuild on HOST`), with a remark when the attempts disagree. Logged as
    /// `escrow.rebuild`.
    @discardableResult
    public func recordRebuild(deposit depositId: Int64, outcome: RebuildOutcome) throws(StoreError) -> RebuildRun {
        let blobs = StoredBlobs(location)
        var logs: [StoredBlobs.Pending?] = []
        var built: [[KeptArtifact]] = []
        for attempt in outcome.attempts {
            logs.append(
                FileManager.default.fileExists(atPath: attempt.logPath)
                    ? try blobs.keep(fileAt: attempt.logPath, role: "build-log") : nil)
            built.append(try attempt.artifacts.map { artifact throws(StoreError) in try KeptArtifact(artifact, blobs) })
        }
        let builder = "assay rebuild on \(ProcessInfo.processInfo.hostName)"
        return try write { db, log in
            let deposit = try Self.depositRecord(db, depositId)
            let reproducible: Reproducibility = outcome.reproducible.map { $0 ? .yes : .no } ?? .unknown
            var run = RebuildRunRecord(
                depositId: depositId, command: outcome.command, environment: outcome.environment,
                sourceDateEpoch: outcome.sourceDateEpoch, network: outcome.network, builder: builder,
                succeeded: outcome.succeeded, reproducible: reproducible,
                differingArtifacts: outcome.differingArtifacts, recordedAt: Timestamp.now())
            try db.insert(&run)
            guard let runId = run.id else { throw StoreError.database("rebuild run row without id") }
            for (index, attempt) in outcome.attempts.enumerated() {
                var row = RebuildAttemptRecord(
                    runId: runId, number: index + 1, folder: attempt.folder, exitStatus: attempt.exitStatus,
                    logSha256: try logs[index].map { try StoredBlobs.list($0, db) }, startedAt: attempt.startedAt,
                    finishedAt: attempt.finishedAt)
                try db.insert(&row)
                guard let attemptId = row.id else { throw StoreError.database("rebuild attempt row without id") }
                for kept in built[index] { try kept.insert(db, attempt: attemptId) }
            }
            if outcome.succeeded, let first = built.first {
                let remarks =
                    reproducible == .no
                    ? [
                        "not reproducible: the attempts built different "
                            + outcome.differingArtifacts.joined(separator: ", ")
                    ] : []
                // The source was verified against the deposit before it was built: the deposit is the source.
                let source = DigestedName(
                    name: "deposit #\(depositId)", digests: [deposit.algorithm: deposit.bundleDigest])
                for kept in first {
                    var expectation = kept.expectation(
                        deposit: depositId, run: runId, builder: builder, remarks: remarks, source: source)
                    try db.insert(&expectation)
                }
            }
            let recorded = try Self.rebuildRun(db, run)
            try log.append(
                db, action: "escrow.rebuild", entity: "rebuildRun", entityId: runId,
                vendorId: try Self.offerRecord(db, deposit.offerId).vendorId,
                change: Change(after: recorded))
            return recorded
        }
    }

    /// A deposit's rebuild runs (every deposit's when `nil`), oldest first.
    public func rebuildRuns(deposit depositId: Int64? = nil) throws(StoreError) -> [RebuildRun] {
        try read { db in
            let records =
                if let depositId {
                    try db.all(
                        RebuildRunRecord.self,
                        "SELECT * FROM \"rebuildRun\" WHERE \"depositId\" = ? ORDER BY \"id\"", [depositId])
                } else {
                    try db.all(RebuildRunRecord.self, "SELECT * FROM \"rebuildRun\" ORDER BY \"id\"")
                }
            return try records.map { try Self.rebuildRun(db, $0) }
        }
    }

    static func rebuildRun(_ db: any SQLConnection, _ record: RebuildRunRecord) throws -> RebuildRun {
        guard let id = record.id else { throw StoreError.database("rebuild run row without id") }
        let attempts = try db.all(
            RebuildAttemptRecord.self, "SELECT * FROM \"rebuildAttempt\" WHERE \"runId\" = ? ORDER BY \"number\"", [id])
        return RebuildRun(
            id: id, depositId: record.depositId, command: record.command, environment: record.environment,
            sourceDateEpoch: record.sourceDateEpoch, network: record.network, builder: record.builder,
            succeeded: record.succeeded, reproducible: record.reproducible,
            differingArtifacts: record.differingArtifacts, recordedAt: record.recordedAt,
            attempts: try attempts.map { attempt in
                guard let attemptId = attempt.id else { throw StoreError.database("rebuild attempt row without id") }
                let artifacts = try db.all(
                    RebuildArtifactRecord.self,
                    "SELECT * FROM \"rebuildArtifact\" WHERE \"attemptId\" = ? ORDER BY \"id\"", [attemptId])
                return RebuildRun.Attempt(
                    number: attempt.number, folder: attempt.folder, exitStatus: attempt.exitStatus,
                    logSha256: attempt.logSha256, startedAt: attempt.startedAt, finishedAt: attempt.finishedAt,
                    artifacts: artifacts.map {
                        RebuildRun.BuiltArtifact(
                            path: $0.path, size: $0.size, sha256: $0.sha256, contentDigest: $0.contentDigest,
                            contentManifestSha256: $0.contentManifestSha256)
                    })
            },
            expectationIds: try db.values(
                Int64.self, "SELECT \"id\" FROM \"expectation\" WHERE \"rebuildRunId\" = ? ORDER BY \"id\"", [id]))
    }
}

/// One built artefact with its kept copy and content, ready to be listed inside the transaction.
private struct KeptArtifact {
    var path: String
    var file: StoredBlobs.Pending?
    var content: PackageContent?
    var manifest: StoredBlobs.Pending?

    init(_ artifact: RebuildOutcome.BuiltArtifact, _ blobs: StoredBlobs) throws(StoreError) {
        path = artifact.path
        guard let kept = artifact.keptAt, artifact.sha256 != nil else { return }
        let file = try blobs.keep(fileAt: kept, role: "rebuilt")
        guard file.sha256 == artifact.sha256 else {
            throw StoreError.refused("\(kept): the kept copy of \(path) no longer has the SHA-256 the rebuild gave it")
        }
        self.file = file
        content = try PackageContent.read(kept)
        manifest = try content.map { content throws(StoreError) in
            try blobs.keep(bytes: content.manifest, name: file.originalName + ".manifest.json", role: "manifest")
        }
    }

    func insert(_ db: any SQLConnection, attempt: Int64) throws {
        var row = RebuildArtifactRecord(
            attemptId: attempt, path: path, size: file?.size, sha256: try file.map { try StoredBlobs.list($0, db) },
            contentDigest: content?.digest, contentManifestSha256: try manifest.map { try StoredBlobs.list($0, db) })
        try db.insert(&row)
    }

    func expectation(deposit: Int64, run: Int64, builder: String, remarks: [String], source: DigestedName)
        -> ExpectationRecord
    {
        ExpectationRecord(
            depositId: deposit, subjectName: (path as NSString).lastPathComponent, subjectSha256: file?.sha256,
            subjectDigests: file.map { ["sha256": $0.sha256] } ?? [:], contentDigest: content?.digest,
            contentManifestSha256: manifest?.sha256, kind: .rebuild, evidenceSha256: nil, signer: nil,
            strength: .unsigned, sourceLink: .linked, sources: [source], builder: builder, remarks: remarks,
            rebuildRunId: run, recordedAt: Timestamp.now())
    }
}
