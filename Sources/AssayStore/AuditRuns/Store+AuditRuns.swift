import AssayCore
import GRDB

extension Store {
    /// Records an audit run and its findings in one transaction, logged as `audit.run`; the run's counts are of the
    /// findings that counted, not of those accepted.
    @discardableResult
    public func recordAuditRun(_ draft: AuditRunDraft) throws(StoreError) -> AuditRun {
        try write { db, log in
            let counts = SeverityCounts(draft.findings.filter { $0.acceptanceId == nil }.map(\.severity))
            var record = AuditRunRecord(
                ranAt: Timestamp.now(), actor: log.actor, asOf: draft.asOf, policyDigest: draft.policyDigest,
                format: draft.format, reportFile: draft.reportFile, reportSha256: draft.reportSha256,
                logHeadSeq: draft.logHeadSeq, logHeadHash: draft.logHeadHash, info: counts.info, low: counts.low,
                medium: counts.medium, high: counts.high, critical: counts.critical)
            try record.insert(db)
            guard let runId = record.id else { throw StoreError.database("audit run row without id") }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO auditFinding (runId, findingId, kind, severity, vendorId, vendorName, subject, message,
                                              acceptanceId)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for finding in draft.findings {
                try insert.execute(arguments: [
                    runId, finding.id, finding.kind, finding.severity, finding.vendorId, finding.vendorName,
                    finding.subject, finding.message, finding.acceptanceId,
                ])
            }
            let run = record.run
            try log.append(
                db, action: "audit.run", entity: "auditRun", entityId: runId, vendorId: nil,
                change: Change<AuditRun>(after: run))
            return run
        }
    }

    /// Recorded audit runs, oldest first; with `limit`, the most recent ones.
    public func auditRuns(limit: Int? = nil) throws(StoreError) -> [AuditRun] {
        try read { db in
            if let limit {
                return try AuditRunRecord.order(AuditRunRecord.Columns.id.desc).limit(limit).fetchAll(db)
                    .reversed().map(\.run)
            }
            return try AuditRunRecord.order(AuditRunRecord.Columns.id).fetchAll(db).map(\.run)
        }
    }

    /// The latest recorded run with the findings it reported, when a run is recorded.
    public func latestAuditRun() throws(StoreError) -> (run: AuditRun, findings: [RecordedFinding])? {
        try read { db in
            guard let record = try AuditRunRecord.order(AuditRunRecord.Columns.id.desc).fetchOne(db), let id = record.id
            else { return nil }
            let findings = try AuditFindingRecord.filter(AuditFindingRecord.Columns.runId == id)
                .order(AuditFindingRecord.Columns.findingId).fetchAll(db).map(\.finding)
            return (record.run, findings)
        }
    }

    /// One recorded run.
    public func auditRun(_ id: Int64) throws(StoreError) -> AuditRun {
        try read { db in
            guard let record = try AuditRunRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound(entity: "audit run", id: "\(id)")
            }
            return record.run
        }
    }

    /// The findings a run reported, by id.
    public func auditFindings(run id: Int64) throws(StoreError) -> [RecordedFinding] {
        try read { db in
            guard try AuditRunRecord.exists(db, key: id) else {
                throw StoreError.notFound(entity: "audit run", id: "\(id)")
            }
            return try AuditFindingRecord.filter(AuditFindingRecord.Columns.runId == id)
                .order(AuditFindingRecord.Columns.findingId).fetchAll(db).map(\.finding)
        }
    }
}
