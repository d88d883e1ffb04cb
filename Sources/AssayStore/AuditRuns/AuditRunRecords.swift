import AssayCore
import GRDB

/// An `auditRun` row.
struct AuditRunRecord: Codable, Sendable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
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

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

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
struct AuditFindingRecord: Codable, Sendable, SQLRecord, FetchableRecord, PersistableRecord {
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

    enum Columns {
        static let runId = Column(CodingKeys.runId)
        static let findingId = Column(CodingKeys.findingId)
    }

    var finding: RecordedFinding {
        RecordedFinding(
            id: findingId, kind: kind, severity: severity, vendorId: vendorId, vendorName: vendorName,
            subject: subject, message: message, acceptanceId: acceptanceId)
    }
}

extension Severity: DatabaseValueConvertible {}
