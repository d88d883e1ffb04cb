/// What one `escrow rebuild` is asked to do: the command, the artefacts it should produce, how many times to
/// build, the variables added to the clean environment and the `SOURCE_DATE_EPOCH` to build with.
public struct RebuildPlan: Sendable, Equatable {
    /// The command, run as `/bin/sh -c COMMAND` in the folder the source is extracted into.
    public var command: String
    /// Paths of the files the build must produce, relative to that folder (`/`-separated, no `..`).
    public var artifacts: [String]
    /// How many times to build, each in a folder of its own (1 or more).
    public var runs: Int
    /// Variables added to the clean environment, or replacing its values (`--env K=V`).
    public var environment: [String: String]
    /// The `SOURCE_DATE_EPOCH` of every build, in seconds; also the date given to every extracted file.
    public var sourceDateEpoch: Int64

    /// Creates a plan, refusing an empty command, no or unsafe artefact paths, fewer than one run, a negative
    /// epoch and variable names that are not names (`ProvenanceError.malformed`, naming the field).
    public init(
        command: String, artifacts: [String], runs: Int = 1, environment: [String: String] = [:],
        sourceDateEpoch: Int64
    ) throws(ProvenanceError) {
        let place = "rebuild"
        guard !command.allSatisfy(\.isWhitespace) else {
            throw .malformed(place: place, field: "command", reason: "empty")
        }
        guard !artifacts.isEmpty else {
            throw .malformed(place: place, field: "artifact", reason: "name at least one file the build produces")
        }
        for artifact in artifacts where !Self.isSafe(artifact) {
            throw .malformed(
                place: place, field: "artifact",
                reason: "'\(artifact)' is not a path relative to the build folder (no leading '/', no '..')")
        }
        guard runs >= 1 else { throw .malformed(place: place, field: "runs", reason: "must be 1 or more") }
        guard sourceDateEpoch >= 0 else {
            throw .malformed(place: place, field: "SOURCE_DATE_EPOCH", reason: "must not be negative")
        }
        for name in environment.keys where !Self.isName(name) {
            throw .malformed(place: place, field: "env", reason: "'\(name)' is not a variable name")
        }
        self.command = command
        self.artifacts = artifacts
        self.runs = runs
        self.environment = environment
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// A relative path without `..`, NUL or an empty name (`a//b` and `./a` are fine, as the shell reads them).
    private static func isSafe(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        return !path.hasPrefix("/") && !path.contains("\0") && !components.isEmpty
            && components.contains { $0 != "." } && !components.contains("..")
    }

    /// A POSIX shell variable name.
    private static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }
}
