import AssayCrypto
import Foundation

/// Verifies a BagIt bag (RFC 8493) as a whole: its declaration, every payload manifest (`manifest-<alg>.txt`) and
/// tag manifest (`tagmanifest-<alg>.txt`), the completeness of the payload, `Payload-Oxum` and `fetch.txt`.
///
/// Unlike a `sha256sum` listing, a payload manifest must list every payload file: a file under `data/` that a payload
/// manifest does not list is `added`, a failure. A wrong `Payload-Oxum` and a `fetch.txt` item missing from the bag
/// are error findings (Assay never fetches). A bag is recognised by the content of its `bagit.txt`, never by the
/// folder's name.
public enum BagVerifier {
    /// Whether `path` is a folder holding a `bagit.txt` that declares a `BagIt-Version`.
    public static func isBag(at path: String) -> Bool {
        guard let declaration = try? TagFile.read(path + "/bagit.txt") else { return false }
        return !declaration.values("BagIt-Version").isEmpty
    }

    /// Verifies the bag at `path`; every manifest's algorithm is read from its file name, as RFC 8493 names it.
    ///
    /// - Throws: ``BundleError`` for a missing or malformed `bagit.txt`, a bag without payload manifest, a manifest
    ///   of an unsupported algorithm, a malformed manifest, `bag-info.txt` or `fetch.txt`, or an unreadable bag.
    public static func verify(bagAt path: String, options: ReadOptions = ReadOptions()) throws(BundleError)
        -> VerificationReport
    {
        try checkDeclaration(at: path)
        let listings = try manifests(in: path)
        guard let main = listings.first(where: \.isPayload) else {
            throw BundleError.invalidManifest(
                file: path, field: "", reason: "no payload manifest (manifest-<algorithm>.txt) in the bag")
        }
        var reads = BundleReads(path: path, kind: .auto, options: options)
        let bag = try reads.bundle(main.manifest.algorithm)
        var report = try Verifier.verify(bag, against: main.manifest)
        let listed = Set(main.manifest.entries.map { PathText($0.path) })
        for listing in listings where listing.file != main.file {
            let other = try Verifier.verify(reads.bundle(listing.manifest.algorithm), against: listing.manifest)
            report.add(other.differences, algorithm: listing.manifest.algorithm, listed: listed)
        }
        let payload = bag.entries.filter {
            $0.type != .directory && $0.path.bytes.starts(with: BagItFormat.payloadPrefix)
        }
        for listing in listings where listing.isPayload {
            let unlisted = payload.filter { listing.manifest.entry(at: $0.path) == nil }
            report.add(
                unlisted.map { Difference($0.path, .added, expected: nil, actual: $0) },
                algorithm: main.manifest.algorithm,
                listed: listed)
        }
        let findings = try payloadOxum(at: path, payload: payload) + fetchItems(at: path, bag: bag)
        report.findings += findings
        report.summary.errorFindings += findings.count { $0.severity == .error }
        report.clean = report.clean && report.summary.errorFindings == 0
        let tagListed = Set(listings.filter { !$0.isPayload }.flatMap { $0.manifest.entries.map(\.path) })
        report.unlisted = bag.entries.filter { entry in
            entry.type == .file && !entry.path.bytes.starts(with: BagItFormat.payloadPrefix)
                && !tagListed.contains(entry.path) && !listings.contains { $0.name == entry.path }
        }.map(\.path.description)
        report.summary.unlisted = report.unlisted.count
        return report
    }

    /// One manifest file of the bag.
    private struct Listing {
        let file: String
        let name: EntryPath
        let isPayload: Bool
        let manifest: Manifest
    }

    /// `bagit.txt`: `BagIt-Version: M.N` and `Tag-File-Character-Encoding: UTF-8`.
    private static func checkDeclaration(at path: String) throws(BundleError) {
        let file = path + "/bagit.txt"
        guard let declaration = try TagFile.read(file) else { throw BundleError.notFound(path: file) }
        guard let version = declaration.values("BagIt-Version").first else {
            throw BundleError.invalidManifest(file: file, field: "BagIt-Version", reason: "missing")
        }
        let parts = version.value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            throw BundleError.invalidManifest(
                file: file, field: "BagIt-Version", reason: "expected 'M.N', not '\(version.value)'")
        }
        guard let encoding = declaration.values("Tag-File-Character-Encoding").first else {
            throw BundleError.invalidManifest(file: file, field: "Tag-File-Character-Encoding", reason: "missing")
        }
        guard encoding.value.uppercased() == "UTF-8" else {
            throw BundleError.invalidManifest(
                file: file, field: "Tag-File-Character-Encoding", reason: "only UTF-8 is read, not '\(encoding.value)'")
        }
    }

    /// Every `manifest-<alg>.txt` and `tagmanifest-<alg>.txt`, payload manifests first, the preferred algorithm
    /// (the first of ``DigestAlgorithm/allCases``, legacy ones last) first among them.
    private static func manifests(in path: String) throws(BundleError) -> [Listing] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw BundleError.unreadable(path: path, reason: "cannot list the folder")
        }
        var listings: [Listing] = []
        for name in names where name.hasSuffix(".txt") {
            let isPayload = name.hasPrefix("manifest-")
            guard isPayload || name.hasPrefix("tagmanifest-") else { continue }
            let label = String(name.dropFirst(isPayload ? 9 : 12).dropLast(4))
            guard let algorithm = DigestAlgorithm(rawValue: label.lowercased()) ?? DigestAlgorithm(userInput: label)
            else { throw BundleError.unknownAlgorithm(name: label) }
            let file = path + "/" + name
            let bytes = try contents(file)
            var builder = ListingBuilder(file: file, format: .bagit, hint: nil, named: algorithm)
            try BagItFormat.read(bytes, names: isPayload ? .bagPayload : .bagTags, into: &builder)
            // An empty payload manifest is how a bag with an empty payload lists it.
            let manifest =
                ListingBuilder.lines(bytes).isEmpty
                ? try Manifest(algorithm: algorithm, coverage: .filesOnly, source: "bagit", entries: [])
                : try builder.build()
            listings.append(Listing(file: file, name: EntryPath(name), isPayload: isPayload, manifest: manifest))
        }
        let order = DigestAlgorithm.allCases + DigestAlgorithm.legacyCases
        return listings.sorted { lhs, rhs in
            (lhs.isPayload ? 0 : 1, order.firstIndex(of: lhs.manifest.algorithm) ?? 0, lhs.file)
                < (rhs.isPayload ? 0 : 1, order.firstIndex(of: rhs.manifest.algorithm) ?? 0, rhs.file)
        }
    }

    /// `Payload-Oxum: octets.streams` in `bag-info.txt`, checked against the payload's files.
    private static func payloadOxum(at path: String, payload: [BundleEntry]) throws(BundleError) -> [BundleFinding] {
        let file = path + "/bag-info.txt"
        guard let info = try TagFile.read(file), let oxum = info.values("Payload-Oxum").first else { return [] }
        let parts = oxum.value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let octets = UInt64(parts[0]), let streams = Int(parts[1]) else {
            throw BundleError.invalidManifest(
                file: file, field: "Payload-Oxum", reason: "expected 'octets.streams', not '\(oxum.value)'")
        }
        let files = payload.filter { $0.type == .file }
        let bytes = files.reduce(0) { $0 + ($1.size ?? 0) }
        guard octets != bytes || streams != files.count else { return [] }
        return [
            BundleFinding(
                .payloadOxum, .error, path: EntryPath("bag-info.txt"),
                "Payload-Oxum \(oxum.value) does not match the payload: \(bytes) bytes in \(files.count) files")
        ]
    }

    /// `fetch.txt` lines `URL LENGTH FILEPATH`: an item the bag does not hold is an error finding (never fetched).
    private static func fetchItems(at path: String, bag: Manifest) throws(BundleError) -> [BundleFinding] {
        let file = path + "/fetch.txt"
        guard FileManager.default.fileExists(atPath: file) else { return [] }
        var findings: [BundleFinding] = []
        for (number, line) in ListingBuilder.lines(try contents(file)) {
            let fields = line.split(
                maxSplits: 2, whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            guard fields.count == 3, let name = BagItFormat.percentDecode(Array(fields[2])),
                case .path(let item) = PathSafety.normalize(name)
            else {
                throw BundleError.malformedManifest(file: file, line: number, reason: "expected 'URL LENGTH FILEPATH'")
            }
            if bag.entry(at: item) == nil {
                findings.append(
                    BundleFinding(
                        .fetchItem, .error, path: item,
                        "listed in fetch.txt but not in the bag (Assay does not fetch; the bag is incomplete)"))
            }
        }
        return findings
    }

    private static func contents(_ file: String) throws(BundleError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw BundleError.unreadable(path: file, reason: "permission denied or not a regular file")
        }
        return Array(data)
    }
}
