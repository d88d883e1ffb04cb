import AssayBundle

/// Renders a verification report: one line per difference, hints and findings, then a summary line.
enum VerificationOutput {
    static func text(_ report: VerificationReport, bundle: String) -> String {
        let style = TerminalStyle.standardOutput
        var out = report.package.map { TerminalText.line("package: \($0.summary)") + "\n" } ?? ""
        if let own = report.ownChecksums { out += "note: \(own.note)\n" }
        for difference in report.differences {
            out +=
                "\(style.red(difference.kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0))) "
                + TerminalText.line("\(difference.path)\(detail(difference))") + "\n"
        }
        for hint in report.hints { out += TerminalText.line("hint: \(hint.message)") + "\n" }
        for finding in report.findings where finding.severity != .info {
            out += TerminalText.line(finding.line) + "\n"
        }
        if !report.unlisted.isEmpty {
            out +=
                "note: \(report.unlisted.count) file(s) in the bundle are not listed by the manifest "
                + "(a files-only manifest cannot say they were added)\n"
        }
        let s = report.summary
        let counts =
            [
                ("missing", s.missing), ("added", s.added), ("modified", s.modified), ("type changed", s.typeChanged),
                ("executable bit changed", s.executableChanged), ("link target changed", s.targetChanged),
                ("error findings", s.errorFindings),
            ]
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
            + (report.signature?.valid == false ? ["bad signature"] : [])
        let prefix = TerminalText.line(
            "\(bundle)" + (report.strippedPrefix.map { " (top-level folder '\($0)' stripped)" } ?? ""))
        out +=
            report.clean
            ? style.green("OK") + " \(prefix): \(s.matched) paths match\n"
            : style.red("FAILED") + " \(prefix): \(s.matched) paths match, \(counts.joined(separator: ", "))\n"
        return out
    }

    private static func detail(_ difference: Difference) -> String {
        func describe(_ state: EntryState?) -> String {
            guard let state else { return "-" }
            var parts = [state.type.rawValue]
            if let size = state.size { parts.append("\(size) bytes") }
            if let digest = state.digest { parts.append(difference.algorithm.map { "\($0):\(digest)" } ?? digest) }
            if let target = state.target { parts.append("-> \(target)") }
            if let executable = state.executable, executable { parts.append("executable") }
            return parts.joined(separator: " ")
        }
        switch difference.kind {
        case .missing, .added: return ""
        default: return "  expected \(describe(difference.expected)); found \(describe(difference.actual))"
        }
    }
}
