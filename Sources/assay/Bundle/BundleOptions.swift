import ArgumentParser
import AssayBundle
import AssayCrypto

/// How bundles are read: shared by `bundle hash|verify` and `escrow deposit|verify`.
struct BundleOptions: ParsableArguments {
    @Option(
        help: """
            Digest algorithm: sha256, sha384, sha512, sha3-256, sha3-512, blake2b-512 (default: the manifest's own \
            when there is one, else sha256).
            """)
    var algorithm: String?

    @Flag(help: "Keep an archive's single top-level folder in paths instead of stripping it.")
    var keepPrefix = false

    @Flag(name: .customLong("file"), help: "Hash PATH as one file even when it is an archive.")
    var singleFile = false

    @OptionGroup var limits: LimitOptions

    /// The algorithm given with `--algorithm`, or `nil` when the flag is absent.
    func requestedAlgorithm() throws -> DigestAlgorithm? {
        guard let algorithm else { return nil }
        do {
            return try DigestAlgorithm.named(algorithm)
        } catch {
            throw CommandFailure(library: error, about: "--algorithm")
        }
    }

    /// The reader options, with a progress meter on a terminal; `fallback` is the algorithm when none was asked for.
    func readOptions(progress: ProgressMeter?, fallback: DigestAlgorithm = .sha256) throws -> ReadOptions {
        ReadOptions(
            algorithm: try requestedAlgorithm() ?? fallback, keepPrefix: keepPrefix, limits: try limits.limits(),
            progress: progress?.readCallback)
    }

    var kind: BundleReader.Kind { singleFile ? .file : .auto }
}
