import AssayAudit
import AssayCore
import AssayTestSupport
import Foundation
import Testing

@Suite struct PolicyTests {
    @Test func theTemplateIsTheDefaultPolicy() throws {
        let policy = try AuditPolicy.standard()
        #expect(policy.jurisdictions.map(\.code) == ["US", "EU", "GB"])
        #expect(policy.expiryWarnings.map(\.days) == [90, 30, 7])
        #expect(policy.expiryWarning(daysLeft: 31)?.days == 90)
        #expect(policy.expiryWarning(daysLeft: 7)?.severity == .high)
        #expect(policy.expiryWarning(daysLeft: 91) == nil)
        #expect(policy.severity(of: .auditLogBroken) == .critical)
        #expect(try policy.digest() == (try AuditPolicy.standard().digest()))
    }

    @Test func commentsDoNotChangeTheDigest() throws {
        let bare = PolicyTemplate.text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(try PolicyReader.read(bare, file: "bare").digest() == (try AuditPolicy.standard().digest()))
    }

    @Test(arguments: [
        ("jurisdictions: [US\n", "p.yaml: line 2: not valid YAML: did not find expected ',' or ']'"),
        ("- a\n", "p.yaml: line 1: expected a mapping of keys to values"),
        ("", "p.yaml: line 1: the policy is empty"),
    ])
    func refusesBrokenYAML(text: String, message: String) {
        #expect { try PolicyReader.read(text, file: "p.yaml") } throws: { error in
            (error as? AuditError)?.description == message
        }
    }

    /// The 1-based line of the template holding `text`.
    static func line(_ text: String) -> Int {
        (PolicyTemplate.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
            ?? -1) + 1
    }

    @Test(arguments: [
        (
            "depositAllowanceDays: 90", "depositAllowanceDays: ninety",
            "p.yaml: line \(PolicyTests.line("depositAllowanceDays")): escrow.depositAllowanceDays: expected a whole number of days from 0 to 36500, not 'ninety'"
        ),
        (
            "jurisdictions: [US, EU, GB]", "jurisdictions: [US, XX]",
            "p.yaml: line \(PolicyTests.line("jurisdictions: [")): jurisdictions[1]: invalid jurisdiction 'XX': expected an ISO 3166-1 alpha-2 code such as US or GB, or a bloc: EU, EEA"
        ),
        (
            "    severity: low", "    severity: urgent",
            "p.yaml: line \(PolicyTests.line("severity: low")): expiryWarnings[0].severity: invalid severity 'urgent': expected one of info, low, medium, high, critical"
        ),
        (
            "  x509-weak: medium", "  x509-weakness: medium",
            "p.yaml: line \(PolicyTests.line("x509-weak:")): severities.x509-weakness: unknown key, "
                + "did you mean 'x509-weak'? (expected one of: "
                + FindingKind.allCases.filter { $0 != .certificationExpiring }.map(\.rawValue).joined(separator: ", ")
                + ")"
        ),
        (
            "    high: 90", "    high: soon",
            "p.yaml: line \(PolicyTests.line("high: 90")): acceptance.maxDays.high: expected a whole number of days from 0 to 36500, not 'soon'"
        ),
        (
            "    relationship: supplier", "    relationship: friend",
            "p.yaml: line \(PolicyTests.line("relationship: supplier")): requiredSchemes[0].relationship: invalid relationship 'friend': expected one of supplier, prospect, former, monitored"
        ),
    ])
    func refusesBadValuesWithLineAndField(original: String, replacement: String, message: String) throws {
        let text = PolicyTemplate.text.replacingOccurrences(of: original, with: replacement)
        #expect(text != PolicyTemplate.text)
        #expect { try PolicyReader.read(text, file: "p.yaml") } throws: { error in
            let description = (error as? AuditError)?.description ?? ""
            if description != message { Issue.record("got: \(description)") }
            return description == message
        }
    }

    @Test func refusesAMissingKey() {
        let text = PolicyTemplate.text.replacingOccurrences(of: "escrow:", with: "escrowed:")
        #expect { try PolicyReader.read(text, file: "p.yaml") } throws: { error in
            (error as? AuditError)?.description.hasPrefix("p.yaml: line \(Self.line("escrow:")): escrowed: unknown key")
                == true
        }
    }

    @Test func acceptanceLimitsPerSeverityAreOptional() throws {
        let policy = try AuditPolicy.standard()
        #expect(policy.acceptance.maxDays(for: .critical) == 0)
        #expect(policy.acceptance.lastDay(acceptedOn: day("2026-12-01"), severity: .critical) == nil)
        #expect(policy.acceptance.lastDay(acceptedOn: day("2026-12-01"), severity: .high) == day("2027-03-01"))
        #expect(policy.acceptance.maxDays(for: .low) == 365)
        let block = try #require(PolicyTemplate.text.range(of: "acceptance:\n"))
        let older = String(PolicyTemplate.text[..<block.lowerBound])
        #expect(try PolicyReader.read(older, file: "older.yaml").acceptance == policy.acceptance)
        let missing = PolicyTemplate.text.replacingOccurrences(of: "    info: 365\n", with: "")
        #expect { try PolicyReader.read(missing, file: "p.yaml") } throws: { error in
            (error as? AuditError)?.description
                == "p.yaml: line \(Self.line("critical: none")): acceptance.maxDays: missing key 'info'"
        }
    }

    @Test func schemaDescribesThePolicy() throws {
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(try AuditPolicy.standard()), as: UTF8.self)
        #expect(try SchemaValidator.problems(in: json, schema: "audit-policy.schema.json") == nil)
        var bad = try AuditPolicy.standard()
        bad.severities["no-such-kind"] = .low
        let badJSON = String(decoding: try encoder.encode(bad), as: UTF8.self)
        #expect(try SchemaValidator.problems(in: badJSON, schema: "audit-policy.schema.json") != nil)
    }
}
