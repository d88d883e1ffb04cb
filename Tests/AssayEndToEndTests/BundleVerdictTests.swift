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

    @Test func badSignatureIsNeverCleanInAnyFormat() throws {
        try shell("mkdir t && printf 'one\\n' > t/a && cd t && sha256sum a > ../m.sums")
        try shell(
            "openssl genpkey -algorithm ed25519 -out signer.pem && openssl genpkey -algorithm ed25519 -out other.pem")
        try shell(
            "openssl pkey -in signer.pem -pubout -out signer.pub && openssl pkey -in other.pem -pubout -out wrong.pub")
        try shell("openssl pkeyutl -sign -rawin -inkey signer.pem -in m.sums -out m.sig")
        let bundle = directory.file("t")
        let arguments = [
            "bundle", "verify", bundle, "--manifest", directory.file("m.sums"), "--signature",
            directory.file("m.sig"), "--key",
        ]
        let good = try AssayProcess.run(arguments + [directory.file("signer.pub"), "--format", "json"])
        #expect(good.exitCode == 0, "\(good.stderr)")
        #expect(good.stdout.contains("\"valid\" : true"))
        let text = try AssayProcess.run(arguments + [directory.file("wrong.pub")])
        #expect(text.exitCode == 1)
        #expect(text.stdout.contains("FAILED \(bundle): 1 paths match, bad signature\n"), "\(text.stdout)")
        #expect(!text.stdout.contains("OK "))
        #expect(text.stderr.contains("signature check FAILED"))
        let json = try AssayProcess.run(arguments + [directory.file("wrong.pub"), "--format", "json"])
        #expect(json.exitCode == 1)
        #expect(json.stdout.contains("\"clean\" : false"), "\(json.stdout)")
        #expect(json.stdout.contains("\"valid\" : false"))
        #expect(try SchemaValidator.problems(in: json.stdout, schema: "verification-report.schema.json") == nil)
    }

    /// A manifest that names its algorithm is verified with it, without `--algorithm`; a GNU file by digest length.
    @Test(arguments: [("bsd", "t.bsd"), ("hashdeep", "t.hashdeep"), ("bagit", "manifest-sha512.txt")])
    func manifestAlgorithmIsUsed(format: String, file: String) throws {
        try shell("mkdir t && printf 'one\\n' > t/a && printf 'two\\n' > t/b")
        let tree = directory.file("t")
        let hashed = try assay(
            "bundle", "hash", tree, "--format", format, "--algorithm", "sha512", "-o", directory.file(file))
        #expect(hashed.exitCode == 0, "\(hashed.stderr)")
        let run = try assay("bundle", "verify", tree, "--manifest", directory.file(file), "--format", "json")
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"algorithm\" : \"sha512\""))
        let asked = try assay("bundle", "verify", tree, "--manifest", directory.file(file), "--algorithm", "sha256")
        #expect(asked.exitCode == 2)
        #expect(
            asked.stderr
                == "assay: error[bundle.algorithm-mismatch]: cannot compare sha256 digests with a sha512 manifest; "
                + "hash the bundle with sha512 (--algorithm sha512)\n")
    }

    @Test func sha512sumsVerifiesWithoutFlags() throws {
        try shell("mkdir t && printf 'one\\n' > t/a && cd t && sha512sum a > ../SHA512SUMS")
        let run = try assay("bundle", "verify", directory.file("t"), "--manifest", directory.file("SHA512SUMS"))
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        try shell("printf 'changed\\n' > t/a")
        #expect(
            try assay("bundle", "verify", directory.file("t"), "--manifest", directory.file("SHA512SUMS")).exitCode == 1
        )
    }

    @Test func depositChecksItsManifestInTheManifestsAlgorithm() throws {
        try shell(
            "mkdir t && printf 'one\\n' > t/a && echo 'all:' > t/Makefile && cd t && sha512sum a Makefile > ../SHA512SUMS"
        )
        let db = directory.file("assay.sqlite")
        _ = try AssayProcess.run(["vendor", "add", "Acme", "--country", "US"], database: db)
        _ = try AssayProcess.run(
            [
                "escrow", "offer", "add", "Acme", "--kind", "agent-deposit", "--agent", "agent", "--terms", "t",
                "--offered-on", "2024-01-01", "--source", "https://example.com",
            ], database: db)
        let deposit = try AssayProcess.run(
            ["escrow", "deposit", "1", directory.file("t"), "--manifest", directory.file("SHA512SUMS")], database: db)
        #expect(deposit.exitCode == 0, "\(deposit.stdout)\(deposit.stderr)")
        #expect(deposit.stdout.contains("bundle sha512 "))
    }

    @Test func zeroTerminatedManifestErrorsAreOneLineWithoutNUL() throws {
        try shell("mkdir t && printf 'one\\n' > t/a && printf 'two\\n' > t/b && cd t && sha256sum -z a b > ../z.sums")
        #expect(
            try assay("bundle", "verify", directory.file("t"), "--manifest", directory.file("z.sums")).exitCode == 0)
        try shell("printf 'abc  c\\0' >> z.sums")
        let run = try assay("bundle", "verify", directory.file("t"), "--manifest", directory.file("z.sums"))
        #expect(run.exitCode == 2)
        #expect(
            run.stderr
                == "assay: error[bundle.manifest-malformed]: \(directory.file("z.sums")):3: malformed manifest line: "
                + "'abc' is not a sha256 digest (64 hex digits)\n")
    }

    @Test func fileThroughASymlinkFailsVerification() throws {
        let script =
            "import io, tarfile\n"
            + "with tarfile.open('s.tar', 'w') as t:\n"
            + "    link = tarfile.TarInfo('link'); link.type, link.linkname = tarfile.SYMTYPE, '/etc'; t.addfile(link)\n"
            + "    evil = tarfile.TarInfo('link/cron.d/evil'); evil.size = 1; t.addfile(evil, io.BytesIO(b'x'))\n"
        try script.write(toFile: directory.file("make.py"), atomically: true, encoding: .utf8)
        try shell("python3 make.py")
        #expect(try assay("bundle", "hash", directory.file("s.tar"), "-o", directory.file("s.json")).exitCode == 0)
        let run = try assay("bundle", "verify", directory.file("s.tar"), "--manifest", directory.file("s.json"))
        #expect(run.exitCode == 1)
        #expect(
            run.stdout.contains("error: link/cron.d/evil: parent 'link' is a symlink in this bundle; entry ignored\n"))
        #expect(run.stdout.contains("FAILED "))
    }

    @Test func escrowVerifyOfATruncatedTarGzIsAnErrorRun() throws {
        try shell(
            "mkdir t && printf 'one\\n' > t/a && echo 'all:' > t/Makefile && tar -czf a.tgz t && head -c -8 a.tgz > cut.tgz"
        )
        let db = directory.file("assay.sqlite")
        _ = try AssayProcess.run(["vendor", "add", "Acme", "--country", "US"], database: db)
        _ = try AssayProcess.run(
            [
                "escrow", "offer", "add", "Acme", "--kind", "agent-deposit", "--agent", "agent", "--terms", "t",
                "--offered-on", "2024-01-01", "--source", "https://example.com",
            ], database: db)
        #expect(try AssayProcess.run(["escrow", "deposit", "1", directory.file("a.tgz")], database: db).exitCode == 0)
        let run = try AssayProcess.run(["escrow", "verify", "1", directory.file("cut.tgz")], database: db)
        #expect(run.exitCode == 2)
        #expect(
            run.stderr == "assay: error[bundle.archive-truncated]: \(directory.file("cut.tgz")): archive is truncated: "
                + "truncated gzip input\n")
        let history = try AssayProcess.run(["escrow", "history", "--offer", "1", "--format", "csv"], database: db)
        #expect(history.stdout.contains("deposit #1 error"), "\(history.stdout)")
        #expect(!history.stdout.contains("passed"))
    }

    /// `bundle verify BAG` needs no manifest; a folder that is not a bag does.
    @Test func bagFolderVerifiesOnItsOwn() throws {
        try shell(
            """
            mkdir -p lot/data && printf 'a\\n' > lot/data/a && cd lot
            printf 'BagIt-Version: 0.97\\nTag-File-Character-Encoding: UTF-8\\n' > bagit.txt
            printf 'Payload-Oxum: 2.1\\n' > bag-info.txt && sha256sum data/a > manifest-sha256.txt
            """)
        let bag = directory.file("lot")
        let run = try assay("bundle", "verify", bag, "--format", "json")
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(try SchemaValidator.problems(in: run.stdout, schema: "verification-report.schema.json") == nil)
        try shell("printf 'Payload-Oxum: 3.1\\n' > lot/bag-info.txt")
        let oxum = try assay("bundle", "verify", bag)
        #expect(oxum.exitCode == 1)
        #expect(
            oxum.stdout.contains(
                "error: bag-info.txt: Payload-Oxum 3.1 does not match the payload: 2 bytes in 1 files\n"))
        let notABag = try assay("bundle", "verify", directory.file("lot/data"))
        #expect(notABag.exitCode == 2)
        #expect(notABag.stderr.hasPrefix("assay: error: --manifest: needed, since "))
    }
}
