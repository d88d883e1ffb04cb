import AssayCrypto

/// One bundle read once per digest algorithm that a verification needs (a `.dsc`'s SHA-256, SHA-1 and MD5 fields, a
/// bag's manifests), so that two listings in the same algorithm cost one read.
struct BundleReads {
    let path: String
    let kind: BundleReader.Kind
    let options: ReadOptions
    private var reads: [DigestAlgorithm: Manifest] = [:]

    /// Reads of the bundle at `path`; `done`, when given, is a read already made.
    init(path: String, kind: BundleReader.Kind, options: ReadOptions, done: Manifest? = nil) {
        self.path = path
        self.kind = kind
        self.options = options
        if let done { reads[done.algorithm] = done }
    }

    /// The bundle read in `algorithm`, reading it on first use.
    mutating func bundle(_ algorithm: DigestAlgorithm) throws(BundleError) -> Manifest {
        if let read = reads[algorithm] { return read }
        var options = options
        options.algorithm = algorithm
        let read = try BundleReader.read(at: path, as: kind, options: options)
        reads[algorithm] = read
        return read
    }
}
