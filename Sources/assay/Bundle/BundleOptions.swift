import ArgumentParser
import AssayBundle
import AssayCrypto

/// How bundles are read: shared by `bundle hash|verify` and `escrow deposit|verify`.
struct BundleOptions: ParsableArguments {
    @Option(help: "Digest algorithm: sha256, sha384, sha512, sha3-256, sha3-512, blake2b-512.")
    var algorithm: String = "sha256"

    @Flag(help: "Keep an archive's single top-level folder in paths instead of stripping it.")
    var keepPrefix = false

    @Flag(name: .customLong("file"), help: "Hash PATH as one file even when it is an archive.")
    var singleFile = false

    /// The reader options, with a progress meter on a terminal.
    func readOptions(progress: ProgressMeter?) throws -> ReadOptions {
        let digest: DigestAlgorithm
        do {
            digest = try DigestAlgorithm.named(algorithm)
        } catch {
            throw CommandFailure(message: "--algorithm: \(error.description)")
        }
        return ReadOptions(algorithm: digest, keepPrefix: keepPrefix, progress: progress?.callback)
    }

    var kind: BundleReader.Kind { singleFile ? .file : .auto }

    /// Reads a bundle, with progress on a terminal.
    func read(_ path: String) throws -> Manifest {
        let meter = ProgressMeter.forStandardError()
        defer { meter?.finish() }
        return try BundleReader.read(at: path, as: kind, options: try readOptions(progress: meter))
    }
}
