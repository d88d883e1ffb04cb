import AssayTestSupport
import Foundation
import Testing

/// `assay export pack` and `assay pack verify` through the real binary: a pack verifies offline, and any tampering
/// (a flipped byte, a dropped file, another key's signature, an edited log entry) fails naming the file; the README's
/// checks with sha256sum and openssl alone pass on an extracted pack.
/// SAMPLE DATA: the vendors, certificates and bundle are made up.
@Suite struct EvidencePackTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    var pack: String { directory.file("pack.tar") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    @discardableResult
    func shell(_ script: String) throws -> RunResult {
        try ChildProcess.run("/bin/sh", ["-c", script])
    }

    /// Makes an Ed25519 key pair with the OpenSSL command line.
    func keyPair(_ name: String) throws -> (key: String, pub: String) {
        let key = directory.file("\(name).pem")
        let pub = directory.file("\(name).pub")
        try #require(
            try shell(
                "openssl genpkey -algorithm ed25519 -out '\(key)' && openssl pkey -in '\(key)' -pubout -out '\(pub)'"
            ).exitCode == 0)
        return (key, pub)
    }

    /// Two vendors, a certification with an evidence file, an escrow deposit verified once, then the pack of ZTE.
    func export(key: String) throws {
        try assay("vendor", "add", "ZTE")
        try assay("vendor", "add", "Nokia")
        // A restriction on Nokia: a finding that a pack of ZTE alone must leave out.
        try assay(
            "event", "add", "Nokia", "--type", "procurement-ban", "--jurisdiction", "US", "--announced-on", "2020-01-01")
        try assay(
            "cert", "add", "ZTE", "--scheme", "iso27001", "--number", "SAMPLE-1", "--issued-on", "2024-01-01",
            "--valid-until", "2027-01-01")
        let evidence = try directory.write("certificate.pdf", "%PDF-1.4 SAMPLE\n")
        #expect(try assay("cert", "attach", "1", evidence).exitCode == 0)
        try assay("escrow", "offer", "add", "ZTE", "--kind", "agent-deposit", "--offered-on", "2024-01-01")
        let bundle = directory.file("bundle")
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try directory.write("bundle/README", "SAMPLE\n")
        #expect(try assay("escrow", "deposit", "1", bundle, "--label", "1.0").exitCode == 0)
        #expect(try assay("escrow", "verify", "1", bundle).exitCode == 0)
        let made = try assay("export", "pack", "--vendor", "ZTE", "--as-of", "2025-06-30", "--key", key, "-o", pack)
        try #require(made.exitCode == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("Evidence pack \(pack): "))
    }

    /// Extracts the pack into `folder` (for the tampering tests and the README's commands) and returns its names
    /// in archive order.
    func extract(into folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try #require(try shell("tar -xf '\(pack)' -C '\(folder)'").exitCode == 0)
        return try shell("tar -tf '\(pack)'").stdout.split(separator: "\n").map(String.init)
    }

    /// Writes the pack again from `folder`, with `names` in order.
    func repack(_ folder: String, _ names: [String]) throws {
        let list = names.map { "'\($0)'" }.joined(separator: " ")
        try #require(try shell("rm -f '\(pack)' && cd '\(folder)' && tar -cf '\(pack)' \(list)").exitCode == 0)
    }

    func verify(_ pub: String) throws -> RunResult {
        try assay("pack", "verify", pack, "--pubkey", pub)
    }

    @Test func aFreshPackVerifiesAndHoldsWhatTheReadmeSays() throws {
        let org = try keyPair("org")
        try export(key: org.key)
        let verified = try verify(org.pub)
        #expect(verified.exitCode == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("OK \(pack): "))
        let names = Set(try extract(into: directory.file("x")))
        for name in [
            "MANIFEST", "MANIFEST.sig", "checkpoint.json", "log.jsonl", "audit/report.json", "audit/report.html",
            "dossiers/vendor-1.json", "dossiers/vendor-1.html", "escrow/deposit-1.json",
            "escrow/deposit-1.manifest.json", "escrow/verification-1.json",
        ] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(names.contains { $0.hasPrefix("evidence/") })
        #expect(!names.contains("dossiers/vendor-2.json"))
        let report = try String(contentsOfFile: directory.file("x/audit/report.json"), encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let vendors = Set(findings.compactMap { ($0["vendor"] as? [String: Any])?["name"] as? String })
        #expect(!vendors.contains("Nokia"), "the report of a ZTE pack names \(vendors)")
        let whole = try assay("audit", "run", "--as-of", "2025-06-30", "--format", "json").stdout
        #expect(whole.contains("\"name\" : \"Nokia\""), "the audit of every vendor has Nokia's finding")
        let json = try assay("pack", "verify", pack, "--pubkey", org.pub, "--format", "json")
        #expect(json.exitCode == 0)
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: json.stdout, schema: "pack-verification.schema.json") == nil)
        let log = try String(contentsOfFile: directory.file("x/log.jsonl"), encoding: .utf8)
        for line in log.split(separator: "\n") {
            #expect(try SchemaValidator.problems(in: String(line), schema: "pack-log-entry.schema.json") == nil)
        }
        let checkpoint = try String(contentsOfFile: directory.file("x/checkpoint.json"), encoding: .utf8)
        #expect(try SchemaValidator.problems(in: checkpoint, schema: "log-checkpoint.schema.json") == nil)
    }

    @Test(arguments: ["audit/report.html", "escrow/deposit-1.manifest.json", "dossiers/vendor-1.json"])
    func aFlippedByteFailsNamingTheFile(name: String) throws {
        let org = try keyPair("org")
        try export(key: org.key)
        let folder = directory.file("x")
        let names = try extract(into: folder)
        let path = folder + "/" + name
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try repack(folder, names)
        let caught = try verify(org.pub)
        #expect(caught.exitCode == 1)
        #expect(
            caught.stdout.contains("BROKEN \(name): does not have the SHA-256 that MANIFEST gives it"),
            "\(caught.stdout)")
    }

    @Test func aDroppedFileFailsNamingIt() throws {
        let org = try keyPair("org")
        try export(key: org.key)
        let folder = directory.file("x")
        let names = try extract(into: folder)
        let dropped = try #require(names.first { $0.hasPrefix("evidence/") })
        try repack(folder, names.filter { $0 != dropped })
        let caught = try verify(org.pub)
        #expect(caught.exitCode == 1)
        #expect(caught.stdout == "BROKEN \(dropped): is listed in MANIFEST but missing from the pack\n")
    }

    /// Someone who changes a file and rewrites MANIFEST to match must sign it with their own key.
    @Test func aPackReSignedWithAnotherKeyFails() throws {
        let org = try keyPair("org")
        let other = try keyPair("other")
        try export(key: org.key)
        let folder = directory.file("x")
        let names = try extract(into: folder)
        let resigned = try shell(
            "cd '\(folder)' && echo ' ' >> audit/report.html && sha256sum $(grep -o '  .*' MANIFEST) > MANIFEST.new "
                + "&& mv MANIFEST.new MANIFEST && openssl pkeyutl -sign -rawin -inkey '\(other.key)' -in MANIFEST "
                + "-out MANIFEST.sig")
        try #require(resigned.exitCode == 0, "\(resigned.stderr)")
        try repack(folder, names)
        let caught = try verify(org.pub)
        #expect(caught.exitCode == 1)
        #expect(caught.stdout.hasPrefix("BROKEN MANIFEST.sig: is not a valid signature of MANIFEST by the given key"))
        #expect(try verify(other.pub).stdout.contains("BROKEN checkpoint.json: is not validly signed by the given key"))
    }

    /// Even with the organisation's key, an edited log entry breaks the chain.
    @Test func anEditedLogEntryFailsNamingTheLog() throws {
        let org = try keyPair("org")
        try export(key: org.key)
        let folder = directory.file("x")
        let names = try extract(into: folder)
        let edited = try shell(
            "cd '\(folder)' && sed -i '2s/\"actor\":\"tester\"/\"actor\":\"mallory\"/' log.jsonl "
                + "&& grep -q mallory log.jsonl && sha256sum $(grep -o '  .*' MANIFEST) > MANIFEST.new "
                + "&& mv MANIFEST.new MANIFEST && openssl pkeyutl -sign -rawin -inkey '\(org.key)' -in MANIFEST "
                + "-out MANIFEST.sig")
        try #require(edited.exitCode == 0, "\(edited.stderr)")
        try repack(folder, names)
        let caught = try verify(org.pub)
        #expect(caught.exitCode == 1)
        #expect(
            caught.stdout.contains("BROKEN log.jsonl: entry 2 (line 2): its content does not match its hash"),
            "\(caught.stdout)")
    }

    /// The checks of README "Evidence pack", with sha256sum and openssl alone, on the extracted pack.
    @Test func theReadmeChecksWithSha256sumAndOpenssl() throws {
        let org = try keyPair("org")
        try export(key: org.key)
        let folder = directory.file("x")
        _ = try extract(into: folder)
        let checked = try shell(
            """
            set -e
            cd '\(folder)'
            sha256sum -c --quiet MANIFEST
            openssl pkeyutl -verify -pubin -inkey '\(org.pub)' -rawin -in MANIFEST -sigfile MANIFEST.sig
            field() { sed -n "s/.*\\"$1\\":\\"\\{0,1\\}\\([^\\",}]*\\).*/\\1/p" checkpoint.json; }
            printf 'assay-log-checkpoint/1\\n%s\\n%s\\n%s\\n' "$(field seq)" "$(field hash)" "$(field createdAt)" > checkpoint.msg
            field signature | openssl base64 -d -A > checkpoint.sig
            openssl pkeyutl -verify -pubin -inkey '\(org.pub)' -rawin -in checkpoint.msg -sigfile checkpoint.sig
            test "$(tail -n 1 log.jsonl | sed -n 's/.*"hash":"\\([0-9a-f]*\\)".*/\\1/p')" = "$(field hash)"
            """)
        #expect(checked.exitCode == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.components(separatedBy: "Signature Verified Successfully").count == 3)
    }
}
