import AssayAudit
import AssayCore
import AssayRegistry
import AssayStore
import AssayTestSupport
import Foundation
import Testing

/// The fixture's report in every format: golden files for Markdown, JSON and CSV; structure and escaping for HTML.
@Suite struct AuditReportTests {
    let fixture: AuditFixture
    let snapshot: AuditSnapshot
    let report: AuditReport

    init() throws {
        fixture = try AuditFixture()
        snapshot = try fixture.snapshot()
        let policy = try AuditPolicy.standard()
        var report = AuditReport(
            snapshot: snapshot, policyDigest: try policy.digest(),
            assessment: AuditEngine().evaluate(snapshot, policy: policy), generatedAt: "2026-06-01T06:00:00.000Z")
        // The log's hashes cover real timestamps; golden files need fixed ones.
        report.logHead = report.logHead.map { LogHead(seq: $0.seq, hash: String(repeating: "0f", count: 32)) }
        report.tool = "golden"
        self.report = report
    }

    @Test func markdown() throws {
        try Golden.expect("audit.md", MarkdownRenderer.render(AuditOutline.document(report)))
    }

    @Test func jsonFollowsItsSchema() throws {
        let json = try AuditTabularRenderer.json(report)
        try Golden.expect("audit.json", json)
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: json, schema: "audit-report.schema.json") == nil)
    }

    @Test func jsonWrittenInPiecesIsTheWholeReportEncodedAtOnce() throws {
        // Large enough for several pieces, with a checkpoint, no log head and no accepted findings.
        var large = report
        large.findings = Array(repeating: report.findings, count: 300).flatMap { $0 }
        large.accepted = []
        large.logHead = nil
        large.checkpoint = try JSONDecoder().decode(
            LogCheckpoint.self,
            from: Data(
                """
                {"format": "assay-log-checkpoint/1", "seq": 12, "hash": "\(String(repeating: "0f", count: 32))",
                 "createdAt": "2026-06-01T06:00:00.000Z", "actor": "SAMPLE", "keyType": "Ed25519",
                 "keyFingerprint": "\(String(repeating: "ab", count: 32))", "signature": "c2FtcGxl"}
                """.utf8))
        for whole in [report, large] {
            var pieces: [[UInt8]] = []
            try AuditTabularRenderer.json(whole) { pieces.append($0) }
            let encoded = try SortedJSONEncoder(pretty: true).encode(whole) + "\n"
            #expect(String(decoding: Array(pieces.joined()), as: UTF8.self) == encoded)
            #expect(pieces.dropLast().allSatisfy { $0.count >= 1 << 20 && $0.count < 2 << 20 })
        }
        var pieces = 0
        try AuditTabularRenderer.json(large) { _ in pieces += 1 }
        #expect(pieces > 2)
    }

    @Test func csvHasOneFindingPerRow() throws {
        let csv = AuditTabularRenderer.csv(report)
        try Golden.expect("audit.csv", csv)
        var table = try CSVTable(
            reader: CSVReader(bytes: Array(csv.utf8), file: "audit.csv"), encoding: .utf8,
            required: AuditTabularRenderer.columns)
        #expect(table.columns == AuditTabularRenderer.columns)
        var rows = 0
        while try table.next() != nil { rows += 1 }
        #expect(rows == report.findings.count + report.accepted.count)
    }

    @Test func summaryCounts() {
        #expect(report.counts.total == report.findings.count)
        #expect(!FailureThreshold(severity: .high, onlyNew: false).failing(report, previous: []).isEmpty)
        #expect(FailureThreshold(severity: .critical, onlyNew: false).failing(report, previous: []).isEmpty)
        #expect(report.countLine.hasPrefix("\(report.findings.count) findings: "))
    }

    @Test func htmlIsOneSelfContainedPageWithEveryPart() throws {
        let html = try AuditHTMLRenderer.render(report, snapshot: snapshot)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        for part in [
            "<style>", "@media print", "class=\"tiles\"", "<h2>Certification validity over time</h2>",
            "<h2>Market-access timeline</h2>", "<h2>Escrow verification status</h2>", "<h2>Findings by vendor</h2>",
            "<section class=\"vendor\" id=\"vendor-1\">", "<svg role=\"img\" aria-label=\"Certifications expiring",
            "<svg role=\"img\" aria-label=\"Market-access restrictions",
        ] {
            #expect(html.contains(part), "missing \(part)")
        }
        #expect(html.components(separatedBy: "<section class=\"vendor\"").count - 1 == 4)
        #expect(html.components(separatedBy: "class=\"tile ").count - 1 == Severity.allCases.count)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
        #expect(!html.contains("<img") && !html.contains("src="))
        #expect(html.contains("<td class=\"failed\">failed on 2026-05-20</td>"))
    }

    @Test func htmlEscapesEveryPieceOfData() throws {
        let html = try AuditHTMLRenderer.render(report, snapshot: snapshot)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>X</b>"))
        #expect(html.contains("<h3>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; <span"))
        #expect(html.contains("&lt;b&gt;X&lt;/b&gt;"))
        #expect(!html.contains("<i>reason</i>"))
        #expect(html.contains("<h2>Accepted risks</h2>"))
        #expect(
            html.contains(
                "by SAMPLE Owner (risk acceptance #1, ticket SAMPLE-1): SAMPLE &lt;i&gt;reason&lt;/i&gt; &amp; co"))
        let markdown = MarkdownRenderer.render(AuditOutline.document(report))
        #expect(!markdown.contains("<script>"))
    }
}
