import AssayAudit
import AssayProvenance
import AssayStore

/// Renders a recorded rebuild: the verification, the environment's fixed points, each attempt with its artefacts,
/// whether the attempts agreed, and the record.
enum RebuildOutput {
    static func text(_ built: EscrowRebuild.Built, bundle: String, deposit: Int64) -> String {
        let style = TerminalStyle.standardOutput
        let outcome = built.outcome
        var out = VerificationOutput.text(built.verification, bundle: bundle)
        out += TerminalText.line("network: \(outcome.network)") + "\n"
        out += "SOURCE_DATE_EPOCH=\(outcome.sourceDateEpoch)\n"
        for (index, attempt) in outcome.attempts.enumerated() {
            let status = attempt.exitStatus == 0 ? style.green("exit 0") : style.red("exit \(attempt.exitStatus)")
            out += TerminalText.line("attempt \(index + 1) in \(attempt.folder): ") + status + "\n"
            if let log = built.logs[index + 1] { out += "  " + TerminalText.line("log: \(log)") + "\n" }
            for artifact in attempt.artifacts {
                let digest = artifact.sha256.map { "sha256 \($0)  \(artifact.size ?? 0) bytes" } ?? style.red("missing")
                out += "  " + TerminalText.line("\(artifact.path)  ") + digest + "\n"
            }
        }
        switch outcome.reproducible {
        case true?: out += style.green("reproducible") + ": the attempts built the same artefacts bit for bit\n"
        case false?:
            out +=
                style.red("not reproducible") + ": "
                + TerminalText.line(
                    "the attempts built different \(outcome.differingArtifacts.joined(separator: ", "))")
                + "\n"
        case nil:
            out += outcome.succeeded ? "reproducibility not checked: one attempt (use --runs 2)\n" : ""
        }
        let verdict = outcome.succeeded ? style.green("succeeded") : style.red("failed")
        let expectations = built.run.expectationIds.map { "#\($0)" }.joined(separator: ", ")
        out +=
            "recorded rebuild run #\(built.run.id) of deposit #\(deposit): " + verdict
            + (expectations.isEmpty ? "" : "; expectations \(expectations)") + "\n"
        return out
    }
}
