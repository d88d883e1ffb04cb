import AssayCore

/// An `auditRun` row.
struct AuditRunRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "auditRun"
    var id: Int64?
    var ranAt: String
    var actor: String
    var asOf: CalendarDate
    var policyDigest: String
    var format: String
    var reportFile: String?
    var reportSha256: String?
    var logHeadSeq: Int64?
    var logHeadHash: String?
    var info: Int
    var low: Int
    var medium: Int
    var high: Int
    var critical: Int

    var run: AuditRun {
        var counts = SeverityCounts()
        counts.info = info
        counts.low = low
        counts.medium = medium
        counts.high = high
        counts.critical = critical
        return AuditRun(
            id: id ?? 0, ranAt: ranAt, actor: actor, asOf: asOf, policyDigest: policyDigest, format: format,
            reportFile: reportFile, reportSha256: reportSha256, logHeadSeq: logHeadSeq, logHeadHash: logHeadHash,
            counts: counts)
    }
}

/// An `auditFinding` row.
struct AuditFindingRecord: Codable, Sendable, SQLRecord {
    static let databaseTableName = "auditFinding"
    static let keyColumns = ["runId", "findingId"]
    var runId: Int64
    var findingId: String
    var kind: String
    var severity: Severity
    var vendorId: Int64?
    var vendorName: String?
    var subject: String
    var message: String
    var acceptanceId: Int64?

    var finding: RecordedFinding {
        RecordedFinding(
            id: findingId, kind: kind, severity: severity, vendorId: vendorId, vendorName: vendorName,
            subject: subject, message: message, acceptanceId: acceptanceId)
    }
}

extension Severity: SQLValueConvertible {}
