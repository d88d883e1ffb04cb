import AssayTestSupport
import Foundation
import Testing

/// Verdicts of `bundle verify` through the real binary, on bundles and manifests made here with the system tools.
@Suite struct BundleVerdictTests {
    let directory = TemporaryDirectory()

    /// Runs a shell command in the temporary folder; fails the test when it exits non-zero.
    @discardableResult
    func shell(_ command: String) throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(command) exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    func assay(_ arguments: String...) throws -> RunResult { try AssayProcess.run(arguments) }

    @Test func modifiedFileShowsBothFullDigests() throws {
        try shell("mkdir t && printf 'one\\n' > t/a && cd t && sha256sum a > ../SUMS")
        let expected = try shell("cd t && sha256sum a | cut -c1-64").trimmingCharacters(in: .whitespacesAndNewlines)
        try shell("printf 'two\\n' > t/a")
        let actual = try shell("cd t && sha256sum a | cut -c1-64").trimmingCharacters(in: .whitespacesAndNewlines)
        let run = try assay("bundle", "verify", directory.file("t"), "--manifest", directory.file("SUMS"))
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("expected file \(expected); found file 4 bytes \(actual)"), "\(run.stdout)")
    }
}
