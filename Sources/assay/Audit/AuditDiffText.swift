import AssayAudit
import AssayCore
import AssayStore

/// The text form of a diff between two runs: a line per new, resolved and persisting finding (saying when the later
/// run, or for a resolved one the earlier, reported it as accepted), then the counts.
enum AuditDiffText {
    /// The lines from a recorded run to a later run or preview, `target` naming it ("run #2", "this preview").
    static func lines(_ diff: FindingDiff, from earlier: AuditRun, to target: String, asOf: CalendarDate) -> String {
        var out = "Changes from run #\(earlier.id) (as of \(earlier.asOf)) to \(target) (as of \(asOf))\n"
        for (label, findings) in [("new", diff.new), ("resolved", diff.resolved), ("persisting", diff.persisting)] {
            for finding in findings {
                let vendor = finding.vendorName.map { "\($0): " } ?? ""
                let accepted = finding.acceptanceId.map { " (accepted: risk acceptance #\($0))" } ?? ""
                out +=
                    "\(label.padding(toLength: 11, withPad: " ", startingAt: 0))"
                    + "\(finding.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))"
                    + TerminalText.line("\(finding.id)  \(vendor)\(finding.message)\(accepted)") + "\n"
            }
        }
        return out + diff.countLine + "\n"
    }
}
