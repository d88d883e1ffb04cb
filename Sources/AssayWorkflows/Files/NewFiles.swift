import Foundation

/// Writes a set of files that must not replace existing ones unless asked to (a policy template, unit files).
public enum NewFiles {
    /// How writing the set ended.
    public enum Outcome: Equatable, Sendable {
        /// Every file was written, atomically, in order.
        case written
        /// Nothing was written: this file already exists and replacing was not asked for.
        case refused(existing: String)
    }

    /// Writes each file with ``AtomicFile``, unless one of them exists and `replacing` is false: then none is
    /// written and the first that exists is named.
    public static func write(_ files: [(path: String, text: String)], replacing: Bool) throws -> Outcome {
        if !replacing, let existing = files.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            return .refused(existing: existing.path)
        }
        for file in files { try AtomicFile.write(Array(file.text.utf8), to: file.path) }
        return .written
    }
}
