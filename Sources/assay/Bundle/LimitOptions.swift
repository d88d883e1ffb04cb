import ArgumentParser
import AssayBundle
import AssayCore

/// The resource limits of a bundle read, `--max-entries` and `--max-bytes`: shared by `bundle hash|verify` and
/// `escrow deposit|verify`.
struct LimitOptions: ParsableArguments {
    @Option(help: "Refuse a bundle of more entries (files, directories, links) than this (default: 50000000).")
    var maxEntries: Int?

    @Option(
        help: """
            Refuse a bundle holding more uncompressed bytes than this: a number, optionally with K, M, G, T or P \
            (binary units; default: 16T).
            """)
    var maxBytes: String?

    func validate() throws {
        if let maxEntries, maxEntries < 1 {
            throw ValidationError("--max-entries: expected a positive number of entries, not \(maxEntries)")
        }
    }

    /// The default limits, with `--max-entries` and `--max-bytes` when given (a malformed size is a command error,
    /// raised here rather than in `validate()` so that it is printed with its code).
    func limits() throws -> Limits {
        var limits = Limits()
        if let maxEntries { limits.maxEntries = maxEntries }
        if let size = try convert("--max-bytes", maxBytes, ByteCount.init(parsing:)) {
            limits.maxTotalBytes = size.bytes
        }
        return limits
    }
}
