import AssayBundle
import AssayProvenance
import AssayTestSupport
import Foundation
import Testing

/// The rebuild engine on real processes: the environment the command sees is the clean one and nothing else, a
/// failing build is an attempt with its status, two attempts build in two folders, and a build that is not
/// reproducible is told apart from one that is.
@Suite struct RebuildRunnerTests {
    /// A source folder with one file, and a work folder beside it.
    static func prepare(_ temp: TemporaryDirectory) throws -> (source: RebuildSource, work: String) {
        try FileManager.default.createDirectory(atPath: temp.file("src"), withIntermediateDirectories: true)
        try temp.write("src/input.txt", "hello\n")
        try FileManager.default.createDirectory(atPath: temp.file("work"), withIntermediateDirectories: true)
        let expected = try BundleReader.read(at: temp.file("src"))
        return (RebuildSource(bundle: temp.file("src"), expected: expected), temp.file("work"))
    }

    static func run(
        _ command: String, artifacts: [String], runs: Int = 1, environment: [String: String] = [:],
        epoch: Int64 = 1_672_531_200, in temp: TemporaryDirectory
    ) throws -> RebuildOutcome {
        let (source, work) = try prepare(temp)
        let plan = try RebuildPlan(
            command: command, artifacts: artifacts, runs: runs, environment: environment, sourceDateEpoch: epoch)
        return try RebuildRunner(plan: plan, source: source, workFolder: work).run()
    }

    static func kept(_ artifact: RebuildOutcome.BuiltArtifact?) throws -> String {
        try String(contentsOfFile: try #require(artifact?.keptAt), encoding: .utf8)
    }

    @Test func theCommandSeesOnlyTheCleanEnvironment() throws {
        let temp = TemporaryDirectory()
        let outcome = try Self.run(
            "env; umask > umask.txt; cat > stdin.txt; pwd > pwd.txt", artifacts: ["umask.txt", "stdin.txt", "pwd.txt"],
            environment: ["EXTRA": "x y"], in: temp)
        let attempt = try #require(outcome.attempts.first)
        #expect(attempt.exitStatus == 0)
        let log = try String(contentsOfFile: attempt.logPath, encoding: .utf8)
        var seen: [String: String] = [:]
        for line in log.split(separator: "\n") {
            let pair = line.split(separator: "=", maxSplits: 1).map(String.init)
            seen[pair[0]] = pair.count > 1 ? pair[1] : ""
        }
        // The shell adds PWD (and may add SHLVL, OLDPWD or _); nothing of the test process gets through.
        let shell: Set<String> = ["PWD", "SHLVL", "OLDPWD", "_"]
        #expect(Set(seen.keys).subtracting(shell) == Set(outcome.environment.keys))
        #expect(seen["PATH"] == "/usr/local/bin:/usr/bin:/bin")
        #expect(seen["LANG"] == "C.UTF-8" && seen["LC_ALL"] == "C.UTF-8" && seen["TZ"] == "UTC")
        #expect(seen["SOURCE_DATE_EPOCH"] == "1672531200")
        #expect(seen["EXTRA"] == "x y")
        let home = try #require(seen["HOME"])
        #expect(home.hasPrefix(temp.file("work/attempt-1/")) && seen["TMPDIR"]?.hasPrefix(temp.file("work/")) == true)
        #expect(outcome.environment["HOME"] == home)
        #expect(try Self.kept(attempt.artifacts[0]) == "0022\n")
        #expect(try Self.kept(attempt.artifacts[1]) == "")
        #expect(try Self.kept(attempt.artifacts[2]) == temp.file("work/attempt-1/build") + "\n")
        // The scratch folders are gone; what the store takes stays.
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.file("work")) == ["kept"])
        #expect(outcome.succeeded && outcome.reproducible == nil)
    }

    @Test func aFailingBuildIsAnAttemptWithItsStatusAndLog() throws {
        let temp = TemporaryDirectory()
        let outcome = try Self.run("echo compiling; echo 'boom' >&2; exit 3", artifacts: ["app"], in: temp)
        let attempt = try #require(outcome.attempts.first)
        #expect(attempt.exitStatus == 3)
        #expect(attempt.artifacts == [RebuildOutcome.BuiltArtifact(path: "app", keptAt: nil, size: nil, sha256: nil)])
        let log = try String(contentsOfFile: attempt.logPath, encoding: .utf8)
        #expect(log.hasPrefix("compiling\nboom\nassay: artefact 'app' was not produced: "), "\(log)")
        #expect(!outcome.succeeded && outcome.reproducible == nil)
        let killed = try Self.run("kill -TERM $$", artifacts: ["app"], in: TemporaryDirectory())
        #expect(killed.attempts.first?.exitStatus == 128 + SIGTERM)
    }

    @Test func aMissingArtefactFailsAnAttemptThatExitedZero() throws {
        let temp = TemporaryDirectory()
        // A symlink to a real file is not the artefact: it is reached without following links.
        let outcome = try Self.run("echo x > real; ln -s real app", artifacts: ["real", "app"], in: temp)
        #expect(outcome.attempts.first?.exitStatus == 0)
        #expect(outcome.attempts.first?.artifacts.map { $0.sha256 != nil } == [true, false])
        #expect(!outcome.succeeded)
    }

    @Test func sourceDateEpochIsGivenAndDatesTheExtractedFiles() throws {
        let temp = TemporaryDirectory()
        let outcome = try Self.run(
            "echo $SOURCE_DATE_EPOCH > epoch; stat -c %Y input.txt > mtime; date +%Z > zone",
            artifacts: ["epoch", "mtime", "zone"],
            epoch: 1_000_000_000, in: temp)
        let artifacts = try #require(outcome.attempts.first?.artifacts)
        #expect(try artifacts.map(Self.kept) == ["1000000000\n", "1000000000\n", "UTC\n"])
        #expect(outcome.sourceDateEpoch == 1_000_000_000)
    }

    @Test func twoRunsBuildInTwoFoldersAndAgreeWhenReproducible() throws {
        let temp = TemporaryDirectory()
        let outcome = try Self.run(
            "tr a-z A-Z < input.txt > upper; pwd > where", artifacts: ["upper", "where"], runs: 2, in: temp)
        #expect(outcome.attempts.count == 2)
        #expect(Set(outcome.attempts.map(\.folder)).count == 2)
        #expect(outcome.succeeded)
        // The folder's path differs, so an artefact that records it differs: path-dependence shows.
        #expect(outcome.differingArtifacts == ["where"])
        #expect(outcome.reproducible == false)
        let upper = outcome.attempts.map { $0.artifacts[0].sha256 }
        #expect(upper[0] == upper[1] && upper[0] != nil)
        let same = try Self.run(
            "tr a-z A-Z < input.txt > upper", artifacts: ["upper"], runs: 2, in: TemporaryDirectory())
        #expect(same.reproducible == true && same.differingArtifacts.isEmpty)
    }

    @Test func aBuildThatEmbedsTheClockIsNotReproducible() throws {
        let temp = TemporaryDirectory()
        let outcome = try Self.run("date +%N > out", artifacts: ["out"], runs: 2, in: temp)
        #expect(outcome.succeeded)
        #expect(outcome.reproducible == false)
        #expect(outcome.differingArtifacts == ["out"])
    }

    @Test func theNetworkIsCutOffWhenThePlatformAllowsIt() throws {
        let temp = TemporaryDirectory()
        let outcome = try Self.run("cat /proc/net/dev > devices", artifacts: ["devices"], in: temp)
        if outcome.network.hasPrefix("isolated") {
            // A new namespace has only its loopback interface.
            let devices = try Self.kept(outcome.attempts.first?.artifacts.first)
            let names = devices.split(separator: "\n").dropFirst(2).map {
                $0.split(separator: ":")[0].trimmingCharacters(in: .whitespaces)
            }
            #expect(names == ["lo"])
        } else {
            #expect(outcome.network.hasPrefix("not isolated: "))
            #expect(geteuid() != 0 || outcome.network.contains("unshare"))
        }
    }

    @Test func anExtractedCopyThatDoesNotMatchTheDepositIsRefused() throws {
        let temp = TemporaryDirectory()
        var (source, work) = try Self.prepare(temp)
        try temp.write("src/input.txt", "changed after it was verified\n")
        source.strippedPrefix = nil
        let plan = try RebuildPlan(command: "true", artifacts: ["x"], sourceDateEpoch: 0)
        let error = try #require(throws: ProvenanceError.self) {
            try RebuildRunner(plan: plan, source: source, workFolder: work).run()
        }
        #expect(error.code == "provenance.cannot-run")
        #expect(error.description.contains("the extracted copy does not match the deposit (1 differences"))
    }

    @Test(arguments: [
        (["../x"], 1, "artifact"), (["/etc/passwd"], 1, "artifact"), ([], 1, "artifact"), (["a"], 0, "runs"),
    ])
    func aPlanRefusesWhatItCannotRun(artifacts: [String], runs: Int, field: String) throws {
        let error = try #require(throws: ProvenanceError.self) {
            try RebuildPlan(command: "make", artifacts: artifacts, runs: runs, sourceDateEpoch: 0)
        }
        guard case .malformed(_, let named, _) = error else { throw error }
        #expect(named == field)
        #expect(throws: ProvenanceError.self) {
            try RebuildPlan(command: "make", artifacts: ["a"], environment: ["1X": "y"], sourceDateEpoch: 0)
        }
    }
}
