import AssayTestSupport
import Foundation
import Testing

/// The README's console examples are run, in order, as a new user would type them: one shell session's worth of
/// commands in a fresh home folder (so the default database is new), with the fixture files they name beside
/// them, and each command's output compared with what the README shows. The session's clock is moved (libfaketime)
/// to noon UTC of ``ReadmeSession/readmeDay``, the day the README's examples were run on, so that what depends on
/// "today" (acceptances, expiry lead times, dossiers known today) reads the same on any day; hashes, timestamps and
/// the temporary folder are masked. A line `…` in the README stands for any number of lines.
///
/// `ASSAY_UPDATE_README=1 swift test --filter ReadmeTests` writes the actual outputs into README.md instead, for
/// review with `git diff`.
@Suite(.serialized) struct ReadmeTests {
    /// Under ThreadSanitizer (`Scripts/test-sanitizers` sets `ASSAY_SANITIZER`) a binary with libfaketime preloaded
    /// hangs in TSan's runtime, so the README runs in the ordinary suite only.
    @Test(
        .disabled(
            if: ProcessInfo.processInfo.environment["ASSAY_SANITIZER"] != nil,
            "libfaketime cannot be preloaded into a ThreadSanitizer binary"))
    func everyConsoleExampleRunsAsShown() throws {
        try #require(Paths.fixturesAvailable, "the README's examples use ../shared/fixtures, which is absent")
        let readmePath = Paths.packageRoot + "/README.md"
        let readme = try String(contentsOfFile: readmePath, encoding: .utf8)
        let session = try ReadmeSession(mentioning: readme)
        var mismatches: [String] = []
        var updated = readme
        for example in ConsoleExample.all(in: readme) {
            let actual = try session.run(example.command)
            let got = actual.map(session.masked)
            let expected = example.output.map(session.masked)
            if !ConsoleExample.matches(expected: expected, actual: got) {
                mismatches.append(
                    "README line \(example.line): $ \(example.command)\n--- README\n"
                        + example.output.joined(separator: "\n") + "\n--- actual\n" + actual.joined(separator: "\n"))
                if let range = updated.range(of: example.block) {
                    updated.replaceSubrange(range, with: example.replacingOutput(with: actual))
                }
            }
        }
        if ProcessInfo.processInfo.environment["ASSAY_UPDATE_README"] == "1", updated != readme {
            try updated.write(toFile: readmePath, atomically: true, encoding: .utf8)
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) README examples differ:\n\(mismatches.joined(separator: "\n\n"))")
    }

    @Test func examplesAreFoundAndMatchedWithEllipses() {
        let text = """
            intro
            ```console
            $ assay one
            a
            b
            $ assay two; echo "exit $?"
            exit 1
            ```
            ```sh
            $ not run
            ```
            """
        let examples = ConsoleExample.all(in: text)
        #expect(examples.map(\.command) == ["assay one", "assay two; echo \"exit $?\""])
        #expect(examples.map(\.output) == [["a", "b"], ["exit 1"]])
        #expect(examples.map(\.line) == [3, 6])
        #expect(ConsoleExample.matches(expected: ["a", "…", "d"], actual: ["a", "b", "c", "d"]))
        #expect(!ConsoleExample.matches(expected: ["a", "…", "d"], actual: ["a", "b"]))
        #expect(!ConsoleExample.matches(expected: ["a"], actual: ["a", "b"]))
    }
}

/// One `$ command` of a console block and the lines the README shows after it.
struct ConsoleExample {
    let command: String
    let output: [String]
    /// The README line of the command, from 1.
    let line: Int
    /// The command's text and its output as they stand in the README.
    let block: String

    /// Every command of every ```console block, in order.
    static func all(in text: String) -> [ConsoleExample] {
        var examples: [ConsoleExample] = []
        var inConsole = false
        var current: (command: String, line: Int, output: [String])?
        func flush() {
            if let current {
                let block = (["$ " + current.command] + current.output).joined(separator: "\n")
                examples.append(
                    ConsoleExample(command: current.command, output: current.output, line: current.line, block: block))
            }
            current = nil
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                flush()
                inConsole = line == "```console"
                continue
            }
            guard inConsole else { continue }
            if line.hasPrefix("$ ") {
                flush()
                current = (String(line.dropFirst(2)), index + 1, [])
            } else {
                current?.output.append(String(line))
            }
        }
        flush()
        return examples
    }

    /// True when `actual` is `expected`, where a `…` line of `expected` stands for any number of lines.
    static func matches(expected: [String], actual: [String]) -> Bool {
        guard let gap = expected.firstIndex(of: "…") else { return expected == actual }
        let head = expected[..<gap]
        guard actual.starts(with: head) else { return false }
        let rest = Array(expected[(gap + 1)...])
        let remaining = Array(actual[head.count...])
        if rest.isEmpty { return true }
        return (0...remaining.count).contains { skip in matches(expected: rest, actual: Array(remaining[skip...])) }
    }

    /// The block with `output` in place of the README's.
    func replacingOutput(with output: [String]) -> String {
        (["$ " + command] + output).joined(separator: "\n")
    }
}

/// A shell session for the README: a fresh home (so the default database is new), the built `assay` first on
/// PATH, and the fixture files the README names linked into the working folder.
final class ReadmeSession {
    let directory = TemporaryDirectory()
    var home: String { directory.file("home") }
    var work: String { directory.file("work") }

    init(mentioning readme: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: home, withIntermediateDirectories: true)
        try manager.createDirectory(atPath: work, withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: work + "/Scripts", withDestinationPath: Paths.packageRoot + "/Scripts")
        let fixtures = try manager.subpathsOfDirectory(atPath: Paths.fixtures)
        for path in fixtures {
            let name = (path as NSString).lastPathComponent
            guard name.contains("."), readme.contains(" " + name), !manager.fileExists(atPath: work + "/" + name)
            else { continue }
            try manager.createSymbolicLink(atPath: work + "/" + name, withDestinationPath: Paths.fixtures + "/" + path)
        }
    }

    /// Runs one command line with bash in the working folder; its stdout and stderr, as lines.
    func run(_ command: String) throws -> [String] {
        let binaries = (Paths.assayBinary as NSString).deletingLastPathComponent
        var environment = ProcessInfo.processInfo.environment
        for name in ["ASSAY_DB", "XDG_DATA_HOME", "XDG_CONFIG_HOME"] { environment[name] = nil }
        environment["HOME"] = home
        environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        environment["USER"] = "analyst"
        environment["TZ"] = "UTC"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/faketime")
        process.arguments = ["-f", (clockOffset >= 0 ? "+" : "") + "\(clockOffset)", "/bin/bash", "-c", command + " 2>&1"]
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The day the README's examples were run on: the session's clock starts at noon UTC of it.
    static let readmeDay = "2026-12-01"

    /// Seconds from now to noon UTC of ``readmeDay``, for libfaketime's relative offset (the clock keeps running).
    let clockOffset: Int = {
        let noon = ISO8601DateFormatter().date(from: ReadmeSession.readmeDay + "T12:00:00Z") ?? Date()
        return Int(noon.timeIntervalSinceNow.rounded())
    }()

    /// A line with what changes from run to run masked: the temporary folders (the session's and a rebuild's
    /// scratch folder), timestamps and hex digests.
    func masked(_ line: String) -> String {
        var text = line.replacingOccurrences(of: work, with: ".").replacingOccurrences(of: home, with: "~")
        for (pattern, mask) in [
            (#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"#, "<time>"),
            (#"\d{8}T\d{6}Z"#, "<time>"),
            (#"\b[0-9a-f]{16,}\b"#, "<hex>"),
            (#"\b[0-9a-f]{8}…"#, "<hex>…"),
            (#"/tmp/assay-rebuild-[A-Za-z0-9]+"#, "<scratch>"),
        ] {
            text = text.replacingOccurrences(of: pattern, with: mask, options: .regularExpression)
        }
        return text
    }
}
