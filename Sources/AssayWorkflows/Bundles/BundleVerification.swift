public import AssayBundle
public import AssayCrypto

/// `bundle verify`: checks a bundle against a manifest, another bundle, a package's own checksums, or (for a BagIt
/// bag) its own manifests, and a detached signature over the manifest when one is given.
public struct BundleVerification: Sendable {
    /// What the bundle is checked against.
    public enum Reference: Sendable {
        /// A manifest file in any format Assay reads; `algorithm` overrides the one it declares or implies.
        case manifest(String, algorithm: DigestAlgorithm?)
        /// Another bundle (an extracted tree, an archive, a package), compared path by path.
        case bundle(String)
        /// A package's own md5sums: a consistency check, not a security check.
        case ownChecksums
        /// Nothing given: the bundle must be a BagIt bag, verified against its own manifests.
        case bagManifests
    }

    /// A detached signature over the manifest file, and the key files that may have made it.
    public struct Signature: Sendable {
        /// The signature file.
        public var file: String
        /// Public key files (PEM or DER).
        public var keyFiles: [String]

        /// Creates a signature to check.
        public init(file: String, keyFiles: [String]) {
            self.file = file
            self.keyFiles = keyFiles
        }
    }

    /// The bundle: a directory, an archive or a package.
    public var path: String
    /// How the bundle is read (`.file` hashes an archive as one file).
    public var kind: BundleReader.Kind
    /// What it is checked against.
    public var reference: Reference
    /// A signature over the manifest file; only with ``Reference/manifest(_:algorithm:)``.
    public var signature: Signature?

    /// Creates a request.
    public init(
        path: String, kind: BundleReader.Kind = .auto, against reference: Reference, signature: Signature? = nil
    ) {
        self.path = path
        self.kind = kind
        self.reference = reference
        self.signature = signature
    }

    /// Runs the check: the report carries the signature's verdict when a signature was given (an invalid signature
    /// makes the report unclean; it is a verdict, not an error).
    ///
    /// - Throws: ``WorkflowError/notABag(path:)`` when nothing was given to check against and the bundle is not a
    ///   bag; the bundle library's and ``SignatureCheck``'s errors.
    public func run(options: ReadOptions) throws -> VerificationReport {
        let report: VerificationReport
        switch reference {
        case .ownChecksums:
            report = try Verifier.verify(ownChecksumsOfPackageAt: path, options: options)
        case .bundle(let other):
            report = try Verifier.verify(bundleAt: path, as: kind, againstBundleAt: other, options: options)
        case .manifest(let manifest, let algorithm):
            report = try Verifier.verify(
                bundleAt: path, as: kind, againstManifestAt: manifest, algorithm: algorithm, options: options)
        case .bagManifests:
            guard BagVerifier.isBag(at: path) else { throw WorkflowError.notABag(path: path) }
            report = try BagVerifier.verify(bagAt: path, options: options)
        }
        guard case .manifest(let manifest, _) = reference, let signature else { return report }
        let verdict = try SignatureCheck.verdict(
            of: signature.file, overFile: manifest, keys: try SignatureCheck.keys(signature.keyFiles))
        return report.recording(verdict)
    }
}
