import AssayCore
import Foundation

/// The `diffoscope` program, run on two files to say how they differ: its `--json` report and a line for each
/// top-level difference.
public struct Diffoscope: Sendable {
    /// The executable.
    public let path: String
    /// Its version line, recorded with the run.
    public let version: String

    /// What one comparison found.
    public struct Report: Sendable {
        /// The whole `--json` report.
        public var json: String
        /// One line per top-level difference: the members (or aspects) that differ.
        public var summary: [String]
    }

    /// diffoscope when it is on the `PATH`, `nil` otherwise.
    public static func installed() -> Diffoscope? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let path = folders.map({ "\($0)/diffoscope" }).first(where: FileManager.default.isExecutableFile)
        else { return nil }
        guard let output = run(path, ["--version"]), output.status == 0 else { return nil }
        return Diffoscope(
            path: path,
            version: String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Compares two files; `nil` when they do not differ or diffoscope fails (exit 2).
    public func compare(_ expected: String, _ actual: String) -> Report? {
        guard let output = Self.run(path, ["--json", "-", "--", expected, actual]), output.status == 1 else {
            return nil
        }
        let json = String(decoding: output.stdout, as: UTF8.self)
        return Report(json: json, summary: Self.summary(output.stdout))
    }

    /// The top-level differences of a report: the report's own comments, then each detail's `source1` with its
    /// comments (for a package: `file list`, `control.tar.xz`, `data.tar.xz`, …).
    static func summary(_ report: [UInt8]) -> [String] {
        guard let tree = try? JSONSerialization.jsonObject(with: Data(report)) as? [String: Any] else { return [] }
        let details = tree["details"] as? [[String: Any]] ?? []
        return (tree["comments"] as? [String] ?? [])
            + details.map { detail in
                ([detail["source1"] as? String ?? "?"] + (detail["comments"] as? [String] ?? []))
                    .joined(separator: ": ")
            }
    }

    private static func run(_ path: String, _ arguments: [String]) -> (status: Int32, stdout: [UInt8])? {
        let environment = ProcessInfo.processInfo.environment
        guard let result = try? Subprocess.run([path] + arguments, environment: environment, output: .capture) else {
            return nil
        }
        return (result.status, result.output)
    }
}
