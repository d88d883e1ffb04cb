import AssayStore

/// The text form of an `artifact verify` run: a table of verdicts, then what stands behind each.
enum VerdictOutput {
    static func text(_ run: ArtifactVerification) -> String {
        var table = TextTable("ARTIFACT", "NAME", "VERDICT", "EXPECTATION", "EVIDENCE", "STRENGTH", "SIGNER", "SOURCE")
        for entry in run.entries {
            let expectation = entry.expectation
            table.add(
                "\(entry.artifact.id)", entry.artifact.name, entry.verdict.rawValue,
                expectation.map { "#\($0.id) deposit #\($0.depositId)" }, expectation?.kind.rawValue,
                expectation?.strength.rawValue, expectation?.signer, expectation?.sourceLink.rawValue)
        }
        var lines = [table.rendered(style: .standardOutput)]
        for entry in run.entries where entry.verdict == .differs {
            if !entry.differingMembers.isEmpty {
                lines.append(
                    "artifact #\(entry.artifact.id): differing members: "
                        + entry.differingMembers.joined(separator: ", "))
            }
            for line in entry.diffoscopeSummary { lines.append("artifact #\(entry.artifact.id): diffoscope: \(line)") }
        }
        for entry in run.entries {
            for remark in entry.expectation?.remarks ?? [] {
                lines.append("artifact #\(entry.artifact.id): expectation #\(entry.expectation?.id ?? 0): \(remark)")
            }
        }
        for rejected in run.rejectedEvidence {
            lines.append(
                "deposit #\(rejected.depositId): evidence \(rejected.evidenceSha256.prefix(16)) refused: "
                    + rejected.reason)
        }
        lines.append("recorded artifact verification #\(run.id): \(run.passed ? "passed" : "failed")")
        return lines.joined(separator: "\n") + "\n"
    }
}
