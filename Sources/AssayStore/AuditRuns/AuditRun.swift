import AssayCore

/// A recorded audit run: when it ran, for which day, under which policy, what it found, which report it wrote,
/// and the audit log's head at the moment its records were read.
public struct AuditRun: Codable, Sendable, Equatable {
    public var id: Int64
    /// When the run was recorded (ISO 8601 UTC).
    public var ranAt: String
    public var actor: String
    /// The day the records were evaluated for.
    public var asOf: CalendarDate
    /// SHA-256 of the policy's canonical JSON.
    public var policyDigest: String
    /// The report's format (`json`, `html`, …).
    public var format: String
    /// The report file written, when one was.
    public var reportFile: String?
    /// SHA-256 of the report file's bytes.
    public var reportSha256: String?
    /// The audit log's last entry when the records were read: ties the report to that exact state.
    public var logHeadSeq: Int64?
    public var logHeadHash: String?
    /// How many findings of each severity counted (accepted findings are not counted).
    public var counts: SeverityCounts
}

/// Findings counted by severity.
public struct SeverityCounts: Codable, Sendable, Equatable {
    public var info = 0
    public var low = 0
    public var medium = 0
    public var high = 0
    public var critical = 0

    public init() {}

    /// Counts the severities given.
    public init(_ severities: some Sequence<Severity>) {
        for severity in severities { self[severity] += 1 }
    }

    /// The count of one severity.
    public subscript(severity: Severity) -> Int {
        get {
            switch severity {
            case .info: info
            case .low: low
            case .medium: medium
            case .high: high
            case .critical: critical
            }
        }
        set {
            switch severity {
            case .info: info = newValue
            case .low: low = newValue
            case .medium: medium = newValue
            case .high: high = newValue
            case .critical: critical = newValue
            }
        }
    }

    /// All findings.
    public var total: Int { info + low + medium + high + critical }
}

/// A finding as a run keeps it, for comparing runs.
public struct RecordedFinding: Codable, Sendable, Equatable {
    /// The finding's stable id: the same problem keeps it from run to run.
    public var id: String
    public var kind: String
    public var severity: Severity
    public var vendorId: Int64?
    public var vendorName: String?
    public var subject: String
    public var message: String
    /// The risk acceptance under which the run reported the finding as accepted; `nil` when the finding counted.
    public var acceptanceId: Int64?

    public init(
        id: String, kind: String, severity: Severity, vendorId: Int64?, vendorName: String?, subject: String,
        message: String, acceptanceId: Int64?
    ) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.vendorId = vendorId
        self.vendorName = vendorName
        self.subject = subject
        self.message = message
        self.acceptanceId = acceptanceId
    }
}

/// What a run to record is made of.
public struct AuditRunDraft: Sendable {
    public var asOf: CalendarDate
    public var policyDigest: String
    public var format: String
    public var reportFile: String?
    public var reportSha256: String?
    /// The log head read with the records (``AuditSnapshot/logVerification``).
    public var logHeadSeq: Int64?
    public var logHeadHash: String?
    /// The findings reported: those that counted, and those accepted (with their ``RecordedFinding/acceptanceId``).
    public var findings: [RecordedFinding]

    public init(asOf: CalendarDate, policyDigest: String, format: String, findings: [RecordedFinding]) {
        self.asOf = asOf
        self.policyDigest = policyDigest
        self.format = format
        self.findings = findings
    }
}
