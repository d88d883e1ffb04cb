import AssayAudit
import AssayProvenance

/// The text form of an `escrow expect` run: the expectations, then what an in-toto layout's evaluation found (its
/// expiry, each step's threshold, the products below it), the remarks, and what was recorded.
enum ExpectationOutput {
    static func print(_ recording: ExpectationRecording) {
        if !recording.expectations.isEmpty {
            var table = TextTable("ID", "SUBJECT", "SHA-256", "KIND", "STRENGTH", "SIGNER", "SOURCE")
            for expectation in recording.expectations {
                table.add(
                    "\(expectation.id)", expectation.subjectName,
                    expectation.subjectSha256.map { String($0.prefix(16)) },
                    expectation.kind.rawValue, expectation.strength.rawValue, expectation.signer,
                    expectation.sourceLink.rawValue)
            }
            Output.write(table.rendered(style: .standardOutput))
        }
        if let evaluation = recording.inToto { lines(evaluation).forEach(Output.line) }
        let remarks = recording.expectations.flatMap(\.remarks) + (recording.inToto?.remarks ?? [])
        for remark in Set(remarks).sorted() { Output.line("note: \(remark)") }
        let count = recording.expectations.count
        Output.line(
            count == 0
                ? "recorded nothing for deposit #\(recording.depositId): the evidence vouches for no binary"
                : (recording.alreadyRecorded ? "already recorded: " : "recorded ")
                    + "\(count) expectations of deposit #\(recording.depositId)")
    }

    /// The layout's expiry, then per step whether its threshold is met, its products below the threshold and the
    /// links that do not count.
    private static func lines(_ evaluation: InTotoEvaluation) -> [String] {
        var lines = [
            "in-toto layout \(evaluation.layoutSha256.prefix(16)): "
                + (evaluation.expired ? "EXPIRED at \(evaluation.expires)" : "expires \(evaluation.expires)")
                + ", signature \(evaluation.layoutStrength.rawValue)"
        ]
        for step in evaluation.steps {
            lines.append(
                "step '\(step.name)': threshold \(step.threshold) of \(step.functionaries.count) functionaries, "
                    + "\(step.links.compactMap(\.functionary).count) counted links: "
                    + (step.met ? "met" : "not met"))
            for product in step.products where !product.meetsThreshold {
                lines.append(
                    "step '\(step.name)': below threshold: \(product.name) sha256 \(product.sha256.prefix(16)) "
                        + "(\(product.functionaries.count) of \(step.threshold): "
                        + "\(product.functionaries.joined(separator: ", ")))")
            }
            for link in step.links {
                guard let remark = link.remark else { continue }
                lines.append("step '\(step.name)': link \(link.file): \(remark)")
            }
        }
        return lines
    }
}
