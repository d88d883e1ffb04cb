import AssayAudit
import AssayTestSupport
import Foundation
import Testing

/// `audit run --notify` against real servers on the loopback address: an HTTPS webhook receiver and aiosmtpd
/// (STARTTLS and implicit TLS), each with a certificate made here and given to the channel as its CA.
@Suite struct NotifyCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    var reports: String { directory.file("reports") }
    static let secret = "webhook-secret-\(UUID().uuidString)"
    static let password = "smtp-password-\(UUID().uuidString)"

    /// A store with one counted finding (a tier-1 supplier without ISO 27001).
    init() throws {
        let added = try AssayProcess.run(
            ["vendor", "add", "Acme", "--relationship", "supplier", "--tier", "1"],
            database: directory.file("assay.sqlite"))
        try #require(added.exitCode == 0, "\(added.stderr)")
    }

    /// The default policy with these channels under `notifications`.
    func policy(_ channels: String) throws -> String {
        try directory.write("policy.yaml", PolicyTemplate.text + "notifications:\n" + channels)
    }

    func audit(_ policy: String, _ channels: [String], extra: [String] = []) throws -> RunResult {
        try AssayProcess.run(
            ["audit", "run", "--policy", policy, "--out", reports, "--format", "md", "--notify"] + channels + extra,
            database: db, environment: ["HOOK_SECRET": Self.secret, "SMTP_PASSWORD": Self.password])
    }

    func webhook(status: Int = 200) throws -> (LocalServer, cert: String) {
        let (cert, key) = try LocalServer.certificate(in: directory.path)
        let server = try LocalServer(
            script: LocalServer.https, folder: directory.file("https-\(status)"),
            arguments: [cert, key, "\(status)", Self.secret])
        return (server, cert)
    }

    @Test func webhooksReceiveTheSignedSummaryAndTheTextVariant() throws {
        let (server, cert) = try webhook()
        let policy = try policy(
            """
              - name: siem
                type: webhook
                url: https://127.0.0.1:\(server.port)/assay
                secretEnv: HOOK_SECRET
                caFile: \(cert)
              - name: chat
                type: webhook
                url: https://127.0.0.1:\(server.port)/slack
                body: text
                caFile: \(cert)

            """)
        let first = try audit(policy, ["siem", "chat"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(!first.stderr.contains("warning"), "\(first.stderr)")
        let second = try audit(policy, ["siem"])
        #expect(second.exitCode == 0, "\(second.stderr)")

        let received = try server.received()
        try #require(received.count == 3)
        #expect(received.map { $0["path"] as? String } == ["/assay", "/slack", "/assay"])
        let json = received[0]
        #expect(json["signatureValid"] as? Bool == true)
        #expect(json["contentType"] as? String == "application/json")
        #expect(json["event"] as? String == "audit.run")
        let body = try #require(json["body"] as? String)
        #expect(try SchemaValidator.problems(in: body, schema: "notification.schema.json") == nil)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(summary["runId"] as? Int == 1)
        #expect(summary["previousRunId"] == nil)
        #expect(summary["new"] as? Int == 1)
        #expect((summary["counts"] as? [String: Int])?["high"] == 1)
        let top = try #require((summary["topFindings"] as? [[String: Any]])?.first)
        #expect(top["id"] as? String == "required-scheme-missing:vendor-1-iso27001")
        let report = try #require(summary["report"] as? [String: String])
        // Two runs may write in the same second (NAME.md and NAME-2.md): the summary names the first one's file.
        let name = try #require(report["name"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports).contains(name))
        #expect(report["sha256"] == (try AuditCommandTests.sha256(reports + "/" + name)))

        // The text variant: {"text": …} as Slack and Teams take it, unsigned as declared.
        let text = try #require(
            try JSONSerialization.jsonObject(with: Data((received[1]["body"] as? String ?? "").utf8))
                as? [String: String])
        #expect(text.keys.sorted() == ["text"])
        #expect(text["text"]?.hasPrefix("Assay audit ") == true)
        #expect(text["text"]?.contains("required-scheme-missing:vendor-1-iso27001") == true)
        #expect(received[1]["signature"] == nil || received[1]["signature"] is NSNull)

        // The second run compares with the first: nothing new, nothing resolved.
        let later = try #require(
            try JSONSerialization.jsonObject(with: Data((received[2]["body"] as? String ?? "").utf8))
                as? [String: Any])
        #expect(later["runId"] as? Int == 2)
        #expect(later["previousRunId"] as? Int == 1)
        #expect(later["new"] as? Int == 0)
        #expect(later["resolved"] as? Int == 0)
        #expect(received[2]["signatureValid"] as? Bool == true)
    }

    @Test(arguments: ["starttls", "implicit"])
    func emailArrivesOverTLSWithTheReport(mode: String) throws {
        let (cert, key) = try LocalServer.certificate(in: directory.path)
        let server = try LocalServer(
            script: LocalServer.smtp, folder: directory.file("smtp"),
            arguments: [cert, key, mode, "assay", Self.password])
        let scheme = mode == "implicit" ? "smtps" : "smtp"
        let passwordFile = try directory.write("smtp-password", Self.password + "\n")
        let policy = try policy(
            """
              - name: security
                type: email
                url: \(scheme)://127.0.0.1:\(server.port)
                from: assay@example.com
                to: [security@example.com, ciso@example.com]
                username: assay
                \(mode == "implicit" ? "passwordEnv: SMTP_PASSWORD" : "passwordFile: \(passwordFile)")
                report: \(mode == "implicit" ? "inline" : "attach")
                caFile: \(cert)

            """)
        let result = try audit(policy, ["security"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        let mail = try #require(try server.received().first)
        #expect(mail["from"] as? String == "assay@example.com")
        #expect(mail["to"] as? [String] == ["security@example.com", "ciso@example.com"])
        #expect(mail["authenticated"] as? Bool == true)
        #expect(
            (mail["subject"] as? String)?.hasPrefix("Assay audit ") == true
                && (mail["subject"] as? String)?.contains("1 finding (1 high), 1 new, 0 resolved") == true)
        let parts = try #require(mail["parts"] as? [[String: Any]])
        let report = try #require(
            try FileManager.default.contentsOfDirectory(atPath: reports).first.map {
                try String(contentsOfFile: reports + "/" + $0, encoding: .utf8)
            })
        if mode == "implicit" {
            #expect(parts.count == 1)
            #expect((parts.first?["text"] as? String)?.contains(report) == true)
        } else {
            #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/markdown"])
            #expect((parts.last?["filename"] as? String)?.hasSuffix(".md") == true)
            #expect(parts.last?["text"] as? String == report)
        }
    }

    @Test func aChannelThatFailsWarnsAndLeavesTheRunAlone() throws {
        let (failing, cert) = try webhook(status: 500)
        let closed = try LocalServer(
            script: LocalServer.https, folder: directory.file("closed"),
            arguments: [cert, directory.file("server-key.pem"), "200", Self.secret])
        closed.stop()
        let policy = try policy(
            """
              - name: broken
                type: webhook
                url: https://127.0.0.1:\(failing.port)/assay
                secretEnv: HOOK_SECRET
                caFile: \(cert)
              - name: down
                type: webhook
                url: https://127.0.0.1:\(closed.port)/assay
                secretEnv: HOOK_SECRET
                caFile: \(cert)
              - name: untrusted
                type: webhook
                url: https://127.0.0.1:\(failing.port)/assay
                secretEnv: HOOK_SECRET

            """)
        let result = try audit(policy, ["broken", "down", "untrusted"], extra: ["--fail-on", "critical"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("assay: warning: notify ") }
        #expect(warnings.count == 3, "\(result.stderr)")
        #expect(warnings.contains { $0.hasPrefix("assay: warning: notify broken: the server answered HTTP 500") })
        #expect(warnings.contains { $0.hasPrefix("assay: warning: notify down: ") })
        #expect(warnings.contains { $0.hasPrefix("assay: warning: notify untrusted: ") && $0.contains("certificate") })
        #expect(warnings.allSatisfy { $0.hasSuffix("(after 3 tries)") })
        #expect(!result.stderr.contains(Self.secret))
        // Retried: three POSTs reached the failing server (only the CA-verified channel got through TLS).
        #expect(try failing.received().count == 3)
        // The report was written and the run recorded all the same.
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports).count == 1)
        let history = try AssayProcess.run(["audit", "history"], database: db)
        #expect(history.stdout.contains("1"), "\(history.stdout)")
    }

    @Test func channelsAreCheckedBeforeTheRun() throws {
        let policy = try policy(
            """
              - name: chat
                type: webhook
                url: https://127.0.0.1:1/slack
                body: text

            """)
        let unknown = try audit(policy, ["nope"])
        #expect(unknown.exitCode == 2)
        #expect(
            unknown.stderr
                == "assay: error[notify.unknown-channel]: no notification channel 'nope' in the policy "
                + "(it declares: chat)\n")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: reports)) ?? []).isEmpty)
        let noOut = try AssayProcess.run(["audit", "run", "--policy", policy, "--notify", "chat"], database: db)
        #expect(noOut.exitCode == 64)
        #expect(noOut.stderr.contains("--notify needs --out"))
    }
}
