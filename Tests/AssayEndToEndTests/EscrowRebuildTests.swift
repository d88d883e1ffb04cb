import AssayTestSupport
import Foundation
import GRDB
import Testing

/// `escrow rebuild` through the real binary on a real deposit: a small C program built with cc, twice, in a clean
/// environment; exit statuses, the recorded run and its kept log, and the refusals (a bundle that does not verify,
/// an archive whose entry would land outside the build folder).
@Suite struct EscrowRebuildTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// A C program that builds reproducibly: source paths mapped away, `__DATE__` from `SOURCE_DATE_EPOCH`.
    func source() throws -> String {
        let tree = directory.file("agent-1.0")
        try FileManager.default.createDirectory(atPath: tree + "/src", withIntermediateDirectories: true)
        try directory.write("agent-1.0/build.sh", "cc -O2 -ffile-prefix-map=\"$PWD\"=. -o agent src/agent.c\n")
        try directory.write(
            "agent-1.0/src/agent.c", "#include <stdio.h>\nint main(void) { puts(\"built \" __DATE__); return 0; }\n")
        return tree
    }

    /// Deposit #1 of vendor ACME: the source as a tar.gz with its top-level folder.
    func deposit() throws -> String {
        _ = try source()
        let archive = directory.file("agent-1.0.tar.gz")
        let tar = try ChildProcess.run("/usr/bin/tar", ["-C", directory.path, "-czf", archive, "agent-1.0"])
        #expect(tar.exitCode == 0)
        try assay("vendor", "add", "ACME", "--country", "DE")
        try assay(
            "escrow", "offer", "add", "ACME", "--kind", "agent-deposit", "--agent", "Escrow agent", "--terms", "yearly",
            "--offered-on", "2024-01-01")
        #expect(try assay("escrow", "deposit", "1", archive).exitCode == 0)
        return archive
    }

    func count(_ sql: String) throws -> Int {
        try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    @Test func aReproducibleBuildTwiceExitsZeroAndIsRecorded() throws {
        let archive = try deposit()
        let run = try assay(
            "escrow", "rebuild", "1", archive, "--command", "sh build.sh", "--artifact", "agent", "--runs", "2",
            "--source-date-epoch", "1700000000")
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("OK \(archive) (top-level folder 'agent-1.0' stripped): "))
        #expect(run.stdout.contains("SOURCE_DATE_EPOCH=1700000000\n"))
        #expect(run.stdout.contains("reproducible: the attempts built the same artefacts bit for bit\n"))
        #expect(run.stdout.contains("recorded rebuild run #1 of deposit #1: succeeded; expectations #1\n"))
        #expect(run.stderr.contains("building attempt 2 of 2"))
        let attempts = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT folder, exitStatus, logSha256 FROM rebuildAttempt ORDER BY number")
        }
        #expect(attempts.count == 2)
        #expect(Set(attempts.map { $0["folder"] as String }).count == 2)
        #expect(attempts.allSatisfy { ($0["exitStatus"] as Int32) == 0 && ($0["logSha256"] as String?) != nil })
        #expect(try count("SELECT COUNT(*) FROM expectation WHERE kind = 'rebuild'") == 1)
        // Nothing of the scratch folders is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
            $0.hasPrefix("assay-rebuild-")
        }
        #expect(!attempts.contains { row in leftovers.contains { (row["folder"] as String).contains($0) } })
    }

    @Test func aBuildThatDiffersBetweenRunsExitsOne() throws {
        let archive = try deposit()
        let run = try assay(
            "escrow", "rebuild", "1", archive, "--command", "sh build.sh && date +%N > stamp", "--artifact", "agent",
            "stamp", "--runs", "2")
        #expect(run.exitCode == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("not reproducible: the attempts built different stamp\n"))
        #expect(try count("SELECT COUNT(*) FROM rebuildRun WHERE reproducible = 'no'") == 1)
    }

    @Test func aFailingBuildIsRecordedWithItsStatusAndLog() throws {
        let archive = try deposit()
        let run = try assay(
            "escrow", "rebuild", "1", archive, "--command", "echo $SOURCE_DATE_EPOCH; cc -o agent missing.c",
            "--artifact", "agent")
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("attempt 1 in "))
        #expect(run.stdout.contains("agent  missing\n"))
        #expect(run.stdout.contains("recorded rebuild run #1 of deposit #1: failed\n"))
        #expect(run.stderr.contains("attempt 1 failed; the end of its log:"))
        #expect(run.stderr.contains("missing.c"))
        let status = try DatabaseQueue(path: db).read {
            try Int32.fetchOne($0, sql: "SELECT exitStatus FROM rebuildAttempt")
        }
        #expect(status == 1)
        // The whole log is kept with the run, where the output names it.
        let logLine = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("  log: ") })
        let log = try String(contentsOfFile: String(logLine.dropFirst("  log: ".count)), encoding: .utf8)
        #expect(log.contains("missing.c") && log.contains("assay: artefact 'agent' was not produced"))
        let logSha256 = try DatabaseQueue(path: db).read {
            try String.fetchOne($0, sql: "SELECT logSha256 FROM rebuildAttempt")
        }
        #expect(logLine.hasSuffix(try #require(logSha256)))
        #expect(try count("SELECT COUNT(*) FROM expectation") == 0)
        // SOURCE_DATE_EPOCH defaults to the second the deposit was recorded.
        let deposited = try DatabaseQueue(path: db).read {
            try String.fetchOne($0, sql: "SELECT depositedAt FROM escrowDeposit")
        }
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let text = try #require(deposited)
        let epoch = try #require(parser.date(from: text)).timeIntervalSince1970.rounded(.down)
        #expect(run.stdout.contains("SOURCE_DATE_EPOCH=\(Int64(epoch))\n"))
        #expect(run.stderr.contains("\(Int64(epoch))\n"))
    }

    @Test func aBundleThatDoesNotVerifyIsNotBuilt() throws {
        _ = try deposit()
        let tree = directory.file("agent-1.0")
        try directory.write("agent-1.0/src/agent.c", "int main(void) { return 1; }\n")
        let run = try assay("escrow", "rebuild", "1", tree, "--command", "sh build.sh", "--artifact", "agent")
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("modified"))
        #expect(run.stderr.contains("does not match deposit #1; nothing was built"))
        #expect(try count("SELECT COUNT(*) FROM rebuildRun") == 0)
    }

    @Test func anEntryThatWouldLeaveTheFolderRefusesTheBuild() throws {
        _ = try source()
        // Deposited as it is (a symlink out is a warning there), but never extracted.
        try FileManager.default.createSymbolicLink(
            atPath: directory.file("agent-1.0/passwd"), withDestinationPath: "/etc/passwd")
        try assay("vendor", "add", "ACME", "--country", "DE")
        try assay(
            "escrow", "offer", "add", "ACME", "--kind", "agent-deposit", "--agent", "Escrow agent", "--terms", "yearly",
            "--offered-on", "2024-01-01")
        #expect(try assay("escrow", "deposit", "1", directory.file("agent-1.0")).exitCode == 0)
        let run = try assay(
            "escrow", "rebuild", "1", directory.file("agent-1.0"), "--command", "sh build.sh", "--artifact", "agent")
        #expect(run.exitCode == 2)
        #expect(
            run.stderr.contains(
                "assay: error[bundle.unsafe-entry]: \(directory.file("agent-1.0")): refused to extract 'passwd': "
                    + "symlink points outside the folder: '/etc/passwd'"), "\(run.stderr)")
        #expect(try count("SELECT COUNT(*) FROM rebuildRun") == 0)
    }

    @Test func badArgumentsAreRefusedBeforeAnythingRuns() throws {
        let archive = try deposit()
        let noArtifact = try assay("escrow", "rebuild", "1", archive, "--command", "true")
        #expect(noArtifact.exitCode == 64)
        let outside = try assay("escrow", "rebuild", "1", archive, "--command", "true", "--artifact", "../agent")
        #expect(outside.exitCode == 2)
        #expect(outside.stderr.hasPrefix("assay: error[provenance.malformed]: rebuild: artifact: '../agent' "))
        let env = try assay("escrow", "rebuild", "1", archive, "--command", "true", "--artifact", "a", "--env", "X")
        #expect(env.exitCode == 64 && env.stderr.contains("--env 'X': give it as NAME=VALUE"))
        #expect(try count("SELECT COUNT(*) FROM rebuildRun") == 0)
    }
}
