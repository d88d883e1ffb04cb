import AssayCrypto

/// Compares a bundle's manifest with the manifest it is expected to match.
public enum Verifier {
    /// Verifies `bundle` (read from disk or an archive) against `expected`.
    ///
    /// With a complete (Assay) manifest every path counts: unlisted paths are `added`. With a files-only manifest
    /// (sha256sum, BSD, BagIt, hashdeep) only listed files are checked, as `sha256sum -c` does: bundle files it does
    /// not list are reported in ``VerificationReport/unlisted`` and never fail, and directories are not compared.
    /// The findings of a files-only manifest (an SPDX document's verification-code mismatch) are reported with the
    /// bundle's. One deliberate departure from `sha256sum -c`: a listed name that is a symlink in the bundle is
    /// `type-changed`, because Assay never follows links.
    public static func verify(_ bundle: Manifest, against expected: Manifest) throws(BundleError) -> VerificationReport
    {
        guard bundle.algorithm == expected.algorithm else {
            throw BundleError.algorithmMismatch(
                expected: expected.algorithm.rawValue, actual: bundle.algorithm.rawValue)
        }
        let complete = expected.coverage == .complete
        var summary = VerificationReport.Summary()
        var differences: [Difference] = []
        var missing: [BundleEntry] = []
        var appeared: [BundleEntry] = []
        var unlisted: [String] = []
        EntryComparison.mergeJoin(expected.entries, bundle.entries, matched: { summary.matched += 1 }) { want, have in
            switch (want, have) {
            case (let want?, let have?):
                let kinds = EntryComparison.kinds(expected: want, actual: have)
                if kinds.isEmpty { summary.matched += 1 }
                differences += kinds.map { Difference(want.path, $0, expected: want, actual: have) }
            case (let want?, nil):
                missing.append(want)
                differences.append(Difference(want.path, .missing, expected: want, actual: nil))
            case (nil, let have?) where complete:
                appeared.append(have)
                differences.append(Difference(have.path, .added, expected: nil, actual: have))
            case (nil, let have?):
                guard have.type != .directory else { return }
                appeared.append(have)
                unlisted.append(have.path.description)
            case (nil, nil):
                return
            }
        }
        for difference in differences { summary.count(difference.kind) }
        summary.unlisted = unlisted.count
        // A files-only manifest's findings are about the manifest itself (an SPDX verification code that does not
        // match); a complete manifest's are about the bundle it was made from, not the one verified now.
        let findings = bundle.findings + (complete ? [] : expected.findings)
        summary.errorFindings = findings.count { $0.severity == .error }
        return VerificationReport(
            algorithm: expected.algorithm.rawValue, expectedCoverage: expected.coverage,
            strippedPrefix: bundle.strippedPrefix?.description,
            clean: differences.isEmpty && summary.errorFindings == 0, summary: summary, differences: differences,
            hints: RenameHints.hints(missing: missing, appeared: appeared), unlisted: unlisted,
            findings: findings, package: bundle.package
        )
    }

    /// Reads the bundle at `path` with the expected manifest's algorithm, then verifies it.
    ///
    /// A BagIt payload manifest lists paths of the payload; checked against a bag folder (see
    /// ``BagVerifier/isBag(at:)``), it applies to the bag's `data/` folder.
    public static func verify(
        bundleAt path: String,
        as kind: BundleReader.Kind = .auto,
        against expected: Manifest,
        options: ReadOptions = ReadOptions()
    ) throws(BundleError) -> VerificationReport {
        var options = options
        options.algorithm = expected.algorithm
        let payloadOfBag = expected.source == ManifestFormat.bagit.rawValue && BagVerifier.isBag(at: path)
        let path = payloadOfBag ? path + "/data" : path
        let bundle = try BundleReader.read(at: path, as: kind, options: options)
        return try verify(bundle, readFrom: path, as: kind, against: expected, options: options)
    }

    /// Verifies a bundle already read from `path` against `expected` and against each of its
    /// ``Manifest/alternates``, for which the bundle is read again in the alternate's algorithm. A difference only an
    /// alternate finds is added with its ``Difference/algorithm``; every listing must pass for the report to be clean.
    public static func verify(
        _ bundle: Manifest,
        readFrom path: String,
        as kind: BundleReader.Kind = .auto,
        against expected: Manifest,
        options: ReadOptions = ReadOptions()
    ) throws(BundleError) -> VerificationReport {
        var report = try verify(bundle, against: expected)
        guard !expected.alternates.isEmpty else { return report }
        let listed = Set(expected.entries.map { PathText($0.path) })
        var reads = BundleReads(path: path, kind: kind, options: options, done: bundle)
        for alternate in expected.alternates {
            let other = try verify(reads.bundle(alternate.algorithm), against: alternate)
            report.add(other.differences, algorithm: alternate.algorithm, listed: listed)
        }
        return report
    }
}

extension VerificationReport {
    /// Adds differences found by another listing (in `algorithm`) at paths where none was found yet, keeping
    /// path-byte order; `listed` are the paths the report's own listing counted, so a newly failing one is no
    /// longer counted as matching.
    mutating func add(_ found: [Difference], algorithm: DigestAlgorithm, listed: Set<PathText>) {
        var known = Set(differences.map { PathText(text: $0.path, hex: $0.pathHex) })
        for var difference in found {
            let path = PathText(text: difference.path, hex: difference.pathHex)
            guard known.insert(path).inserted else { continue }
            if algorithm.rawValue != self.algorithm { difference.algorithm = algorithm.rawValue }
            differences.append(difference)
            summary.count(difference.kind)
            if listed.contains(path) { summary.matched -= 1 }  // the main listing had counted it as matching
            clean = false
        }
        differences.sort { lhs, rhs in
            let left = PathText(text: lhs.path, hex: lhs.pathHex).path ?? EntryPath(lhs.path)
            let right = PathText(text: rhs.path, hex: rhs.pathHex).path ?? EntryPath(rhs.path)
            return left < right
        }
    }
}

extension VerificationReport.Summary {
    mutating func count(_ kind: Difference.Kind) {
        switch kind {
        case .missing: missing += 1
        case .added: added += 1
        case .modified: modified += 1
        case .typeChanged: typeChanged += 1
        case .executableChanged: executableChanged += 1
        case .targetChanged: targetChanged += 1
        }
    }
}
