import AssayTestSupport
import Foundation
import Testing

/// Long commands show progress on stderr when it is a terminal (run under `script`, which gives the command a
/// pseudo-terminal), and nothing when it is not.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pty"))
struct ProgressTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("progress.sqlite") }

    /// What the terminal showed (stdout and stderr together) when `assay ARGS…` ran on a pseudo-terminal.
    func onTerminal(_ arguments: [String]) throws -> String {
        let command = ([Paths.assayBinary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let run = try ChildProcess.run(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["ASSAY_DB": db])
        #expect(run.exitCode == 0, "\(run.stdout)")
        return run.stdout
    }

    @Test func bundleHashingShowsFilesBytesRateAndTimeLeft() throws {
        let tree = directory.file("tree")
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        for name in ["a.bin", "b.bin"] {
            // Sparse files: 400 MiB to hash, nothing on disk.
            #expect(try ChildProcess.run("/usr/bin/truncate", ["-s", "200M", tree + "/" + name]).exitCode == 0)
        }
        let arguments = ["bundle", "hash", tree, "--algorithm", "sha3-512", "-o", directory.file("m.json")]
        let shown = try onTerminal(arguments)
        let line = try #require(shown.split(separator: "\r").first { $0.hasPrefix("hashing: ") }, "\(shown)")
        #expect(line.contains("/2 files, ") && line.contains("/400.0 MiB, ") && line.contains(" MiB/s"), "\(line)")
        #expect(shown.contains(" left\u{1B}[K"), "\(shown)")
        #expect(shown.contains("\r\u{1B}[Khashed \(tree): 2 files"), "the line is cleared before the summary")
        let piped = try AssayProcess.run(arguments)
        #expect(piped.exitCode == 0)
        #expect(!piped.stderr.contains("hashing") && !piped.stderr.contains("\r"), "\(piped.stderr)")
    }

    @Test func importsShowRowsAndNothingWhenPiped() throws {
        #expect(try AssayProcess.run(["vendor", "add", "ZTE"], database: db).exitCode == 0)
        let rows = (0..<3000).map { "ZTE,market-exit,US,2019,r\($0)\n" }.joined()
        let file = try directory.write("events.csv", "vendor,type,jurisdiction,announcedOn,sourceRecordId\n" + rows)
        let shown = try onTerminal(["import", "events", file])
        #expect(
            shown.contains("importing: ") && shown.contains("/3000 rows, ") && shown.contains(" rows/s"), "\(shown)")
        let again = try AssayProcess.run(["import", "events", file], database: db)
        #expect(again.exitCode == 0 && again.stderr.isEmpty, "\(again.stderr)")
        #expect(again.stdout.contains("unchanged: 3000"))
    }
}
