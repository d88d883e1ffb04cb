import AssayCore

/// Writes an audit report's JSON in pieces of about a megabyte, one finding at a time: the same bytes as the whole
/// report through ``SortedJSONEncoder`` (pretty, keys sorted), without ever holding the encoded report, or the
/// encoder's tree of its tens of thousands of findings, in memory.
///
/// The report's members are written here in key order (optional ones only when present, as `Codable` does); a test
/// compares the result with the whole report encoded at once, so a member added to ``AuditReport`` must be added
/// here too.
struct AuditReportJSON {
    private static let pieceBytes = 1 << 20
    private let encoder = SortedJSONEncoder(pretty: true)
    private let write: ([UInt8]) throws -> Void
    private var bytes: [UInt8] = []
    private var members = 0

    /// Writes `report` to `write`, piece by piece.
    static func write(_ report: AuditReport, to write: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(write) { write in
            var json = AuditReportJSON(write: write)
            try json.member("accepted", findings: report.accepted)
            try json.member("asOf", report.asOf)
            if let checkpoint = report.checkpoint { try json.member("checkpoint", checkpoint) }
            try json.member("counts", report.counts)
            try json.member("findings", findings: report.findings)
            try json.member("generatedAt", report.generatedAt)
            if let logHead = report.logHead { try json.member("logHead", logHead) }
            try json.member("logIntact", report.logIntact)
            try json.member("policyDigest", report.policyDigest)
            try json.member("schemaVersion", report.schemaVersion)
            try json.member("tool", report.tool)
            try json.member("vendorsEvaluated", report.vendorsEvaluated)
            try json.finish()
        }
    }

    private init(write: @escaping ([UInt8]) throws -> Void) {
        self.write = write
        bytes.reserveCapacity(Self.pieceBytes + (64 << 10))
        bytes.append(UInt8(ascii: "{"))
    }

    /// `"key" : value`, on a line of its own one level in.
    private mutating func member(_ key: String, _ value: some Encodable) throws {
        start(key)
        try encoder.encode(value, into: &bytes, level: 1)
        try flushIfFull()
    }

    /// A member listing findings, written one by one (an empty list as the encoder writes it).
    private mutating func member(_ key: String, findings: [Finding]) throws {
        guard !findings.isEmpty else { return try member(key, findings) }
        start(key)
        bytes.append(UInt8(ascii: "["))
        for (index, finding) in findings.enumerated() {
            bytes.append(contentsOf: (index == 0 ? "\n    " : ",\n    ").utf8)
            try encoder.encode(finding, into: &bytes, level: 2)
            try flushIfFull()
        }
        bytes.append(contentsOf: "\n  ]".utf8)
    }

    private mutating func start(_ key: String) {
        bytes.append(contentsOf: (members == 0 ? "\n  \"" : ",\n  \"").utf8)
        bytes.append(contentsOf: key.utf8)
        bytes.append(contentsOf: "\" : ".utf8)
        members += 1
    }

    private mutating func flushIfFull() throws {
        guard bytes.count >= Self.pieceBytes else { return }
        try write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func finish() throws {
        bytes.append(contentsOf: "\n}\n".utf8)
        try write(bytes)
        bytes.removeAll()
    }
}
