public import AssayBundle
public import AssayStore

/// `escrow verify`: verifies a bundle against a deposit's manifest, with a detached signature over that manifest
/// by one of the vendor's keys when given, and records the run whatever its outcome — including a run that ends in
/// error because the bundle cannot be read.
public struct DepositVerification: Sendable {
    /// The deposit checked against.
    public var deposit: Int64
    /// The bundle: a directory, an archive or a package.
    public var bundle: String
    /// A detached signature over the deposit's canonical manifest (as ``DepositManifests/canonicalBytes(of:in:)``
    /// gives it).
    public var signature: String?
    /// Keep an archive's single top-level folder in paths.
    public var keepPrefix = false
    /// The resource limits of the read.
    public var limits = Limits()

    /// Creates a request.
    public init(deposit: Int64, bundle: String, signature: String? = nil) {
        self.deposit = deposit
        self.bundle = bundle
        self.signature = signature
    }

    /// A recorded run.
    public struct Result: Sendable {
        /// The differences, findings and signature verdict.
        public var report: VerificationReport
        /// The record of the run, with its outcome.
        public var run: EscrowVerification
    }

    /// Verifies and records. `progress` is told how far the read has got; `signatureRejected` is called with the
    /// vendor's name as soon as the signature is found not to be by any of its keys (before the bundle is read),
    /// so the caller can say so even when the read then fails.
    ///
    /// - Throws: the store's errors, the bundle library's (the run is then recorded as an `error` run first), and
    ///   ``SignatureCheck``'s.
    public func run(
        in store: Store, progress: (@Sendable (ReadProgress) -> Void)? = nil,
        signatureRejected: (_ vendor: String) -> Void = { _ in }
    ) throws -> Result {
        let record = try store.escrowDeposit(deposit)
        let expected = try store.depositManifest(deposit)
        let verdict = try signature.map { signature in
            let keys = try SignatureCheck.vendorKeys(record.vendor.id, in: store)
            return try SignatureCheck.verdict(
                of: signature, over: try ManifestCodec.encode(expected, as: .assay), keys: keys)
        }
        if verdict?.valid == false { signatureRejected(record.vendor.name) }
        var report: VerificationReport
        do {
            report = try Verifier.verify(
                bundleAt: bundle, against: expected,
                options: ReadOptions(keepPrefix: keepPrefix, limits: limits, progress: progress))
        } catch {
            try store.recordVerification(
                deposit: deposit, bundlePath: bundle, outcome: .error, summary: nil, error: error.description,
                signerKey: verdict?.signerKey)
            throw error
        }
        if let verdict { report = report.recording(verdict) }
        let run = try store.recordVerification(
            deposit: deposit, bundlePath: bundle, outcome: report.clean ? .passed : .failed, summary: report.summary,
            signerKey: verdict?.signerKey)
        return Result(report: report, run: run)
    }
}
