import ArgumentParser

/// `assay audit …`
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Evaluate every vendor against a policy, write reports, compare runs, schedule audits.",
        discussion: """
            A policy (YAML, Schemas/audit-policy.schema.json; 'audit policy init' writes the commented default) \
            says what is required. 'audit run' evaluates the records as of a day and writes the report; with --out \
            or --record it also records the run (policy digest, counts, report SHA-256, audit-log head) in the \
            store and the audit log, and without them it is a preview that 'audit history' does not list.
            Findings accepted with 'assay risk accept' are listed apart and not counted.
            Exit status of run: 0 done; 1 a counted finding reached --fail-on; 2 error.
            """,
        subcommands: [
            AuditRunCommand.self, AuditDiff.self, AuditHistory.self, AuditPolicyCommand.self, AuditSchedule.self,
            AuditWatch.self,
        ]
    )
}

/// `assay audit policy …`
struct AuditPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Write or check an audit policy.",
        subcommands: [AuditPolicyInit.self, AuditPolicyCheck.self]
    )
}
