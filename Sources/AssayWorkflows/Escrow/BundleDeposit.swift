public import AssayBundle
public import AssayCrypto
public import AssayStore

/// `escrow deposit`: hashes a bundle and records it as a deposit under an offer, after checking it against the
/// depositor's manifest and that manifest's signature by one of the vendor's keys, when they are given. Nothing is
/// recorded unless every check given passes.
public struct BundleDeposit: Sendable {
    /// The offer the deposit is made under.
    public var offer: Int64
    /// The bundle: a directory, an archive or a package.
    public var bundle: String
    /// How the bundle is read (`.file` hashes an archive as one file).
    public var kind: BundleReader.Kind = .auto
    /// The deposit's version or label.
    public var label: String?
    /// The depositor's own manifest of the bundle, in any format Assay reads: the bundle must match it, and the
    /// deposit is hashed in its algorithm.
    public var manifest: String?
    /// A detached signature over ``manifest`` that one of the vendor's registered keys must have made.
    public var signature: String?
    /// The digest algorithm asked for; `nil` for the manifest's own, else SHA-256.
    public var algorithm: DigestAlgorithm?
    /// Keep an archive's single top-level folder in paths.
    public var keepPrefix = false
    /// The resource limits of the read.
    public var limits = Limits()

    /// Creates a request.
    public init(offer: Int64, bundle: String) {
        self.offer = offer
        self.bundle = bundle
    }

    /// What came of it.
    public enum Outcome: Sendable {
        /// The signature is not by any key of the vendor (named): nothing was read or recorded.
        case signatureRejected(vendor: String)
        /// The bundle does not match the depositor's manifest: nothing was recorded.
        case mismatch(VerificationReport)
        /// The deposit was recorded; the manifest read from the bundle comes with it (for its findings).
        case recorded(EscrowDeposit, Manifest)
    }

    /// Checks and records; `progress` is told how far the bundle's read has got.
    ///
    /// - Throws: the store's errors (an unknown offer), the bundle library's (an unreadable bundle or manifest, a
    ///   limit exceeded) and ``SignatureCheck``'s; a signature or manifest that does not match is an ``Outcome``.
    public func record(in store: Store, progress: (@Sendable (ReadProgress) -> Void)? = nil) throws -> Outcome {
        let offerRecord = try store.escrowOffer(offer)
        var signer: String?
        if let signature, let manifest {
            let keys = try SignatureCheck.vendorKeys(offerRecord.vendor.id, in: store)
            let verdict = try SignatureCheck.verdict(of: signature, overFile: manifest, keys: keys)
            guard verdict.valid else { return .signatureRejected(vendor: offerRecord.vendor.name) }
            signer = verdict.signerKey
        }
        // The depositor's manifest is checked in its own algorithm, which the deposit then uses too.
        let expected = try manifest.map { try ManifestCodec.read(contentsOf: $0, algorithm: algorithm) }
        var options = ReadOptions(
            algorithm: algorithm ?? expected?.algorithm ?? .sha256, keepPrefix: keepPrefix, limits: limits,
            progress: progress)
        let read = try BundleReader.read(at: bundle, as: kind, options: options)
        if let expected {
            options.progress = nil
            let report = try Verifier.verify(read, readFrom: bundle, as: kind, against: expected, options: options)
            guard report.clean else { return .mismatch(report) }
        }
        let deposit = try store.recordDeposit(
            offer: offer, manifest: read, label: label, sourcePath: bundle, signerKey: signer)
        return .recorded(deposit, read)
    }
}
