import AssayTestSupport
import Foundation
import Testing

/// Escrow offers, deposits and verification runs through the real binary, on the swift-log archives of
/// `../shared/fixtures/bundles/git-archives` and trees made from them.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (real source bundles)"))
struct EscrowCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    let archives = Paths.fixtures + "/bundles/git-archives"

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// The swift-log tree extracted with the system's tar, to tamper with.
    func extractedTree() throws -> String {
        let target = directory.file("tree")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", archives + "/swift-log-1.16.2.tar.gz", "-C", target]
        try tar.run()
        tar.waitUntilExit()
        return target + "/swift-log-1.16.2"
    }

    func depositSwiftLog() throws {
        try assay("vendor", "add", "Apple", "--country", "US")
        let offer = try assay(
            "escrow", "offer", "add", "Apple", "--kind", "agent-deposit", "--agent", "Escrow agent",
            "--terms", "annual deposit", "--offered-on", "2024-01-01", "--source", "https://example.com/offer")
        #expect(offer.stdout == "Added escrow offer #1: Apple, agent-deposit\n")
        let deposit = try assay("escrow", "deposit", "1", archives + "/swift-log-1.16.2.tar.gz", "--label", "1.16.2")
        #expect(deposit.exitCode == 0)
        #expect(
            deposit.stdout.hasPrefix(
                "Recorded deposit #1 under offer #1 (Apple): 140 files, 557585 bytes, bundle sha256 "))
        #expect(deposit.stdout.contains("stripped top-level folder 'swift-log-1.16.2'"))
    }

    @Test func theSameTreeVerifiesAsTarZipAndDirectory() throws {
        try depositSwiftLog()
        for bundle in [archives + "/swift-log-1.16.2.zip", archives + "/swift-log-1.16.2.tar", try extractedTree()] {
            let run = try assay("escrow", "verify", "1", bundle)
            #expect(run.exitCode == 0, "\(bundle): \(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains(": 178 paths match\n"))
        }
    }

    @Test func tamperingIsReportedExactlyAndRecorded() throws {
        try depositSwiftLog()
        let tree = try extractedTree()
        try Data("tampered\n".utf8).write(to: URL(fileURLWithPath: tree + "/README.md"))
        try FileManager.default.removeItem(atPath: tree + "/Package.swift")
        try Data().write(to: URL(fileURLWithPath: tree + "/backdoor.c"))
        try FileManager.default.removeItem(atPath: tree + "/LICENSE.txt")
        try FileManager.default.createSymbolicLink(atPath: tree + "/LICENSE.txt", withDestinationPath: "/etc/passwd")
        let run = try assay("escrow", "verify", "1", tree)
        #expect(run.exitCode == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("type-changed") && $0.contains("LICENSE.txt") })
        #expect(lines.contains { $0.hasPrefix("missing") && $0.hasSuffix("Package.swift") })
        #expect(
            lines.contains { $0.hasPrefix("modified") && $0.contains("README.md") && $0.contains("found file 9 bytes") }
        )
        #expect(lines.contains { $0.hasPrefix("added") && $0.hasSuffix("backdoor.c") })
        #expect(lines.contains("recorded verification #1 of deposit #1: failed"))
        let history = try assay("escrow", "history", "Apple", "--format", "csv").stdout
        #expect(history.contains("verification,1,deposit #1 failed by tester"))
    }

    @Test func anUnreadableBundleIsAnErrorRunWithExitTwo() throws {
        try depositSwiftLog()
        let whole = try Data(contentsOf: URL(fileURLWithPath: archives + "/swift-log-1.16.2.tar.gz"))
        let truncated = directory.file("truncated.tar.gz")
        try whole.prefix(whole.count / 3).write(to: URL(fileURLWithPath: truncated))
        let run = try assay("escrow", "verify", "1", truncated)
        #expect(run.exitCode == 2)
        #expect(run.stderr.hasPrefix("assay: error[bundle.archive-truncated]: \(truncated): archive is truncated"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        let shown = try assay("escrow", "history", "--offer", "1", "--format", "json").stdout
        #expect(shown.contains("error by tester"))
        #expect(try assay("log", "verify").exitCode == 0)
    }

    @Test func depositsAreComparedAndBadInputRecordsNothing() throws {
        try depositSwiftLog()
        let tree = try extractedTree()
        try FileManager.default.removeItem(atPath: tree + "/Package.swift")
        #expect(try assay("escrow", "deposit", "1", tree, "--label", "smaller").exitCode == 0)
        let diff = try assay("escrow", "diff", "1", "2")
        #expect(diff.stdout.hasSuffix("deposit #1 -> #2: 0 added, 1 removed, 0 changed; +0 / -2890 bytes, net -2890\n"))
        let before = try assay("log", "verify").stdout
        let cases: [([String], String)] = [
            (
                ["escrow", "deposit", "1", directory.file("nothing-here")],
                "assay: error[bundle.not-found]: \(directory.file("nothing-here")): no such file or directory\n"
            ),
            (["escrow", "deposit", "9", tree], "assay: error[store.not-found]: no escrow offer with id 9\n"),
            (
                ["escrow", "deposit", "1", tree, "--algorithm", "md5"],
                "assay: error[bundle.unknown-algorithm]: --algorithm: unknown digest algorithm 'md5' (supported: sha256, sha384, sha512, sha3-256, sha3-512, blake2b-512)\n"
            ),
            (
                ["escrow", "offer", "add", "Apple", "--kind", "gift"],
                "assay: error[value.enum]: --kind: invalid offer kind 'gift': expected one of agent-deposit, regulator-review, customer-review\n"
            ),
        ]
        for (arguments, message) in cases {
            let result = try AssayProcess.run(arguments, database: db)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
        }
        #expect(try assay("log", "verify").stdout == before)
    }

    @Test func signedManifestsAreChecked() throws {
        try depositSwiftLog()
        let key = directory.file("vendor.pem")
        let publicKey = directory.file("vendor.pub.pem")
        try OpenSSL.run(["genpkey", "-algorithm", "ed25519", "-out", key])
        try OpenSSL.run(["pkey", "-in", key, "-pubout", "-out", publicKey])
        #expect(try assay("vendor", "key", "add", "Apple", publicKey, "--label", "release signing").exitCode == 0)
        let refusedPrivate = try assay("vendor", "key", "add", "Apple", key)
        #expect(refusedPrivate.exitCode == 2)
        // The vendor signs its own sha256sum manifest of the bundle.
        let manifest = directory.file("SHA256SUMS")
        try assay("bundle", "hash", archives + "/swift-log-1.16.2.tar.gz", "--format", "sha256sum", "-o", manifest)
        let signature = directory.file("SHA256SUMS.sig")
        try OpenSSL.run(["pkeyutl", "-sign", "-rawin", "-inkey", key, "-in", manifest, "-out", signature])
        let signed = try assay(
            "escrow", "deposit", "1", archives + "/swift-log-1.16.2.zip", "--manifest", manifest,
            "--signature", signature, "--format", "json")
        #expect(signed.exitCode == 0, "\(signed.stderr)")
        #expect(signed.stdout.contains("\"signerKey\" : \""))
        // A manifest changed after signing is refused, and nothing is recorded.
        try Data((try String(contentsOfFile: manifest, encoding: .utf8) + "").utf8.dropLast()).write(
            to: URL(fileURLWithPath: manifest))
        let forged = try assay(
            "escrow", "deposit", "1", archives + "/swift-log-1.16.2.zip", "--manifest", manifest,
            "--signature", signature)
        #expect(forged.exitCode == 1)
        #expect(forged.stderr.contains("signature check FAILED"))
        #expect(try assay("escrow", "offer", "show", "1").stdout.contains("deposits:   2"))
        // The deposit's exported canonical manifest, signed by the vendor, verifies with escrow verify.
        let exported = directory.file("deposit-2.json")
        try assay("escrow", "manifest", "2", "-o", exported)
        let exportedSignature = directory.file("deposit-2.sig")
        try OpenSSL.run(["pkeyutl", "-sign", "-rawin", "-inkey", key, "-in", exported, "-out", exportedSignature])
        #expect(
            try assay("escrow", "verify", "2", archives + "/swift-log-1.16.2.tar", "--signature", exportedSignature)
                .exitCode == 0)
        let wrong = try assay("escrow", "verify", "2", archives + "/swift-log-1.16.2.tar", "--signature", signature)
        #expect(wrong.exitCode == 1)
        #expect(wrong.stdout.contains("recorded verification #2 of deposit #2: failed"))
        let wrongJSON = try assay(
            "escrow", "verify", "2", archives + "/swift-log-1.16.2.tar", "--signature", signature,
            "--format", "json")
        #expect(wrongJSON.exitCode == 1)
        #expect(wrongJSON.stdout.contains("\"clean\" : false"))
    }
}

/// Runs the `openssl` command line, as vendors would to make keys and signatures.
enum OpenSSL {
    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw CocoaError(.executableLoad) }
    }
}
