import AssayCore

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
            try db.insert(&record)
            guard let runId = record.id else { throw StoreError.database("audit run row without id") }
            // One statement for every finding: the SQLite store prepares it once.
            let insert = """
                INSERT INTO "auditFinding" ("runId", "findingId", "kind", "severity", "vendorId", "vendorName",
                                            "subject", "message", "acceptanceId")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            for finding in draft.findings {
                try db.run(insert, [
                    runId, finding.id, finding.kind, finding.severity.rawValue, finding.vendorId, finding.vendorName,
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
            // A negative limit is none, as SQLite reads `LIMIT -1`.
            if let limit, limit >= 0 {
                return try db.all(AuditRunRecord.self, #"SELECT * FROM "auditRun" ORDER BY "id" DESC LIMIT ?"#, [limit])
                    .reversed().map(\.run)
            }
            return try db.all(AuditRunRecord.self, #"SELECT * FROM "auditRun" ORDER BY "id""#).map(\.run)
        }
    }

    /// The latest recorded run with the findings it reported, when a run is recorded.
    public func latestAuditRun() throws(StoreError) -> (run: AuditRun, findings: [RecordedFinding])? {
        try read { db in
            guard let record = try db.one(AuditRunRecord.self, #"SELECT * FROM "auditRun" ORDER BY "id" DESC LIMIT 1"#),
                let id = record.id
            else { return nil }
            return (record.run, try Self.findings(db, run: id))
        }
    }

    /// One recorded run.
    public func auditRun(_ id: Int64) throws(StoreError) -> AuditRun {
        try read { db in
            guard let record = try db.find(AuditRunRecord.self, id: id) else {
                throw StoreError.notFound(entity: "audit run", id: "\(id)")
            }
            return record.run
        }
    }

    /// The findings a run reported, by id.
    public func auditFindings(run id: Int64) throws(StoreError) -> [RecordedFinding] {
        try read { db in
            guard try db.exists(AuditRunRecord.self, key: [id]) else {
                throw StoreError.notFound(entity: "audit run", id: "\(id)")
            }
            return try Self.findings(db, run: id)
        }
    }

    /// The findings a run reported, by id.
    private static func findings(_ db: any SQLConnection, run id: Int64) throws -> [RecordedFinding] {
        try db.all(
            AuditFindingRecord.self, #"SELECT * FROM "auditFinding" WHERE "runId" = ? ORDER BY "findingId""#, [id]
        ).map(\.finding)
    }
}
