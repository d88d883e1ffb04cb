import ArgumentParser
import AssayBundle
import AssayCrypto

/// `assay bundle verify PATH --manifest FILE | --against OTHER | --own-checksums`, or `assay bundle verify BAG` for
/// a BagIt bag
struct BundleVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a bundle against a manifest: missing, added, modified files and more.",
        discussion: """
            The manifest may be Assay's JSON, GNU sha256sum lines, BSD tagged lines, a BagIt manifest-<alg>.txt, \
            hashdeep output, a Debian .dsc or an SPDX 2.x document, tag-value or JSON (detected from content; an \
            SPDX package verification code that does not match its files is a warning). sha256sum-style manifests \
            list files only: files they do not list are noted, not failures, as with 'sha256sum -c'. Without --manifest, PATH must be a \
            BagIt bag (a folder whose bagit.txt declares BagIt-Version), verified per RFC 8493: every manifest and \
            tag manifest, every payload file listed, Payload-Oxum, fetch.txt. \
            A package (.deb, .rpm, .ipk) is verified as its installed payload: --against compares it with an \
            extracted tree (or any other bundle) path by path; --own-checksums checks a .deb or .ipk against the \
            md5sums it carries, a consistency check (MD5, and the list travels inside the package), not a \
            security check.
            Exit status: 0 everything matches; 1 any difference, error finding or bad signature; 2 error.
            """
    )

    @Argument(help: "The bundle: a directory, an archive or a package (.deb, .rpm, .ipk).")
    var path: String

    @Option(help: "The expected manifest (optional when PATH is a BagIt bag).", completion: .file())
    var manifest: String?

    @Option(
        help: "Another bundle to compare with instead of a manifest: an extracted tree, an archive or a package.",
        completion: .file())
    var against: String?

    @Flag(help: "Check a package (.deb, .ipk) against its own md5sums: a consistency check, not a security check.")
    var ownChecksums = false

    @Option(help: "A detached signature over the manifest file (Ed25519 or ECDSA, as made by openssl).")
    var signature: String?

    @Option(help: "A public key (PEM or DER) that may have made --signature (repeatable).")
    var key: [String] = []

    @Option(help: "Output: text or json (Schemas/verification-report.schema.json).")
    var format: ReportFormat = .text

    @OptionGroup var bundle: BundleOptions

    func validate() throws {
        if [manifest != nil, against != nil, ownChecksums].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --manifest, --against and --own-checksums")
        }
        if signature != nil && manifest == nil {
            throw ValidationError("--signature needs --manifest: give the manifest file the signature is over")
        }
        if signature != nil && key.isEmpty {
            throw ValidationError("--signature needs --key: give the public key that should have signed the manifest")
        }
    }

    func run() throws {
        var report = try ProgressMeter.run("hashing", unit: "files") { meter in
            let options = try bundle.readOptions(progress: meter)
            if ownChecksums {
                return try Verifier.verify(ownChecksumsOfPackageAt: path, options: options)
            } else if let against {
                return try Verifier.verify(bundleAt: path, as: bundle.kind, againstBundleAt: against, options: options)
            } else if let manifest {
                return try Verifier.verify(
                    bundleAt: path, as: bundle.kind, againstManifestAt: manifest,
                    algorithm: try bundle.requestedAlgorithm(), options: options)
            } else if BagVerifier.isBag(at: path) {
                return try BagVerifier.verify(bagAt: path, options: options)
            }
            throw CommandFailure(
                message: "--manifest: needed, since \(path) is not a BagIt bag (no bagit.txt declaring BagIt-Version)")
        }
        if let manifest, let signature {
            let verdict = try SignatureCheck.verdict(of: manifest, signature: signature, keys: SignatureCheck.keys(key))
            if !verdict.valid {
                Output.note(SignatureCheck.failure(signature, over: manifest, keys: "the given key(s)"))
            }
            report = report.recording(verdict)
        }
        switch format {
        case .text: Output.write(VerificationOutput.text(report, bundle: path))
        case .json: try Output.json(report)
        }
        if !report.clean { throw ExitCode(1) }
    }
}

/// Output of verification commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
