import AssayProvenance
import AssayTestSupport
import Foundation

/// A rebuild outcome made of real files, as the rebuild engine reports one: two attempts, each with a log and a
/// built `out/tool` whose second copy holds `second`.
enum RebuildFixture {
    static func outcome(in directory: TemporaryDirectory, second: String) throws -> RebuildOutcome {
        var attempts: [RebuildOutcome.Attempt] = []
        for (number, content) in [(1, "one"), (2, second)] {
            try FileManager.default.createDirectory(
                atPath: directory.file("build\(number)/out"), withIntermediateDirectories: true)
            let tool = try directory.write("build\(number)/out/tool", "tool \(content)\n")
            let log = try directory.write("build\(number).log", "building out/tool\n")
            let digest = try ChildProcess.run("/usr/bin/sha256sum", [tool]).stdout.prefix(64)
            attempts.append(
                RebuildOutcome.Attempt(
                    folder: directory.file("build\(number)"), exitStatus: 0, logPath: log,
                    artifacts: [
                        .init(
                            path: "out/tool", keptAt: tool, size: UInt64(content.utf8.count + 6), sha256: String(digest)
                        )
                    ], startedAt: "2026-01-01T00:00:00Z", finishedAt: "2026-01-01T00:00:05Z"))
        }
        return RebuildOutcome(
            command: "sh build.sh", environment: ["LC_ALL": "C.UTF-8", "TZ": "UTC"],
            sourceDateEpoch: 1_672_000_000, network: "not isolated: not root", attempts: attempts)
    }
}
