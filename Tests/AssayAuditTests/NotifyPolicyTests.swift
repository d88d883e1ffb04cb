import AssayAudit
import AssayTestSupport
import Foundation
import Testing

/// The `notifications` list of a policy file: channels read, mistakes refused with line and key, the JSON form
/// described by Schemas/audit-policy.schema.json, and the digest unchanged by channels.
@Suite struct NotifyPolicyTests {
    static let channels = """
        notifications:
          - name: security
            type: email
            url: smtps://mail.example.com:465
            from: assay@example.com
            to: [security@example.com]
            username: assay
            passwordEnv: SMTP_PASSWORD
            report: inline
          - name: siem
            type: webhook
            url: https://hooks.example.com/assay
            secretFile: /etc/assay/secret
            caFile: /etc/assay/ca.pem

        """

    @Test func channelsAreReadAndLeftOutOfTheDigest() throws {
        let policy = try PolicyReader.read(PolicyTemplate.text + Self.channels, file: "p.yaml")
        #expect(
            try policy.channel(named: "security").destination
                == .email(
                    EmailDestination(
                        url: "smtps://mail.example.com:465", from: "assay@example.com", to: ["security@example.com"],
                        username: "assay", password: .environment("SMTP_PASSWORD"), report: .inline)))
        let siem = try policy.channel(named: "siem")
        #expect(
            siem.destination
                == .webhook(
                    WebhookDestination(
                        url: "https://hooks.example.com/assay", body: .json, secret: .file("/etc/assay/secret"))))
        #expect(siem.caFile == "/etc/assay/ca.pem")
        #expect(try policy.digest() == (try AuditPolicy.standard().digest()))
        #expect { try policy.channel(named: "chat") } throws: { error in
            (error as? NotifyError)?.code == "notify.unknown-channel"
        }
    }

    @Test(arguments: [
        ("  - name: a\n    type: pager\n    url: https://x", "notifications[0].type: expected email or webhook"),
        (
            "  - name: a\n    type: webhook\n    url: http://x\n    body: text",
            "notifications[0].url: expected a URL starting https://"
        ),
        ("  - name: a\n    type: webhook\n    url: https://x", "a json webhook is signed"),
        (
            "  - name: a\n    type: webhook\n    url: https://x\n    body: text\n    from: a@b",
            "notifications[0].from: not a key of a channel of type webhook"
        ),
        (
            "  - name: a\n    type: email\n    url: smtp://x\n    from: a@b\n    to: [nobody]",
            "notifications[0].to[0]: expected an e-mail address"
        ),
        (
            "  - name: a\n    type: email\n    url: smtp://x\n    from: a@b\n    to: [c@d]\n    passwordEnv: P",
            "'username' and a password"
        ),
        ("  - name: a\n    type: webhook\n    url: https://x\n    secretEnv: S\n    secretFile: f", "not both"),
        (
            "  - name: a\n    type: webhook\n    url: https://x\n    body: text\n  - name: a\n    type: webhook\n    url: https://y\n    body: text",
            "already declared"
        ),
    ])
    func mistakesAreRefused(yaml: String, expected: String) {
        #expect {
            try PolicyReader.read(PolicyTemplate.text + "notifications:\n" + yaml + "\n", file: "p.yaml")
        } throws: { error in
            (error as? AuditError)?.description.contains(expected) == true
        }
    }

    @Test func schemaDescribesTheChannels() throws {
        let standard = try JSONEncoder().encode(try AuditPolicy.standard())
        var object = try #require(try JSONSerialization.jsonObject(with: standard) as? [String: Any])
        object["notifications"] = [
            [
                "name": "security", "type": "email", "url": "smtps://mail.example.com:465", "from": "assay@example.com",
                "to": ["security@example.com"], "username": "assay", "passwordEnv": "SMTP_PASSWORD", "report": "inline",
            ],
            ["name": "siem", "type": "webhook", "url": "https://hooks.example.com/assay", "secretFile": "/etc/secret"],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(try SchemaValidator.problems(in: json, schema: "audit-policy.schema.json") == nil)
        object["notifications"] = [["name": "siem", "type": "webhook", "url": "https://x", "from": "a@b"]]
        let bad = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(try SchemaValidator.problems(in: bad, schema: "audit-policy.schema.json") != nil)
    }
}
