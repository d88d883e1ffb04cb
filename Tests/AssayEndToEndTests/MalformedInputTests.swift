import AssayTestSupport
import Foundation
import Testing

/// One malformed or hostile input, the command that reads it, and the one line that must name the problem.
struct MalformedInput: CustomTestStringConvertible, Sendable {
    /// The input's name under `Corpus/` (committed) or the generated archives folder (`make-archives.py`).
    let input: String
    /// The command, with `INPUT` standing for the input's path.
    let arguments: [String]
    /// 2 for bad input, 1 for a verification finding.
    let exitCode: Int32
    /// The error's stable code, for bad input (exit 2).
    var code: String?
    /// The line expected on stderr (exit 2, after `assay: error[CODE]: `) or stdout (exit 1), `INPUT` for the path.
    let line: String

    var testDescription: String { input }

    static func reading(_ input: String, _ arguments: [String], _ code: String, _ line: String) -> MalformedInput {
        MalformedInput(input: input, arguments: arguments, exitCode: 2, code: code, line: line)
    }

    static func finding(_ input: String, _ line: String) -> MalformedInput {
        MalformedInput(
            input: input, arguments: ["bundle", "verify", "INPUT", "--manifest", "OK"], exitCode: 1, line: line)
    }
}

/// Every reader given broken and hostile input: exit 2 (or 1 for a verification finding), one line that names the
/// problem, no crash and nothing written. Text inputs live in `Corpus/`; archives are made by
/// `Corpus/make-archives.py` (a device entry or a non-UTF-8 name cannot live in a git checkout); 0-byte files are
/// made here.
@Suite struct MalformedInputTests {
    static let corpus = Paths.packageRoot + "/Tests/AssayEndToEndTests/Corpus"
    static let verify = ["bundle", "verify", "BUNDLE", "--manifest", "INPUT"]
    static let notAnArchive =
        "INPUT: not a directory, a supported archive (tar, tar.gz, tar.xz, tar.bz2, tar.zst, zip) or a package "
        + "(deb, rpm, ipk), or damaged"

    static let manifests: [MalformedInput] = [
        .reading(
            "manifests/assay-truncated.json", verify, "bundle.manifest-invalid",
            "INPUT: invalid manifest: not valid JSON (truncated or corrupt)"),
        .reading(
            "manifests/assay-wrong-type.json", verify, "bundle.manifest-invalid",
            "INPUT: invalid manifest field 'formatVersion': missing"),
        .reading(
            "manifests/bsd-unclosed.txt", verify,
            "bundle.manifest-malformed",
            "INPUT:1: malformed manifest line: expected 'digest  name' or 'TAG (name) = digest'"),
        .reading(
            "manifests/debian-bad-size.dsc", verify,
            "bundle.manifest-malformed",
            "INPUT:4: malformed manifest line: expected ' digest size name' in Checksums-Sha256"),
        .reading(
            "manifests/gnu-bad-digest.sha256", verify,
            "bundle.manifest-malformed",
            "INPUT:1: malformed manifest line: 'zzzz' is not a sha256 digest (64 hex digits)"),
        .reading(
            "manifests/gnu-no-name.sha256", verify,
            "bundle.manifest-malformed",
            "INPUT:1: malformed manifest line: expected 'digest  name' or 'TAG (name) = digest'"),
        .reading("empty", verify, "bundle.manifest-malformed", "INPUT:1: malformed manifest line: no digest lines"),
        .reading(
            "manifests/hashdeep-bad-size.txt", verify,
            "bundle.manifest-malformed",
            "INPUT:3: malformed manifest line: expected 3 comma-separated fields starting with a size"),
    ]

    static let imports: [MalformedInput] = [
        .reading(
            "imports/events-bad-date.csv", ["import", "events", "INPUT"],
            "store.import",
            "INPUT:2:announcedOn: invalid date '2020-13-45': expected YYYY, YYYY-MM or YYYY-MM-DD (an existing month or day)"
        ),
        .reading(
            "imports/events-bad-jurisdiction.csv", ["import", "events", "INPUT"],
            "store.import",
            "INPUT:2:jurisdiction: invalid jurisdiction 'ZZZ': expected an ISO 3166-1 alpha-2 code such as US or GB, or a bloc: EU, EEA"
        ),
        .reading(
            "imports/events-missing-columns.csv", ["import", "events", "INPUT"],
            "store.import", "INPUT:1: the header lacks the required columns type, announcedOn"),
        .reading(
            "imports/events-object.json", ["import", "events", "INPUT"], "store.import",
            "INPUT: expected a JSON array of event objects"
        ),
        .reading(
            "imports/events-truncated.json", ["import", "events", "INPUT"],
            "store.import", "INPUT: not valid JSON (truncated or corrupt)"),
        .reading(
            "imports/events-unterminated-quote.csv", ["import", "events", "INPUT"],
            "registry.csv", "INPUT: line 2: malformed CSV: a quoted field is never closed"),
        .reading(
            "imports/events-wrong-type.json", ["import", "events", "INPUT"], "store.import",
            "INPUT:1:announcedOn: expected text"),
        .reading("empty", ["import", "events", "INPUT"], "store.import", "INPUT: the file is empty"),
        .reading("empty.json", ["import", "events", "INPUT"], "store.import", "INPUT: the file is empty"),
    ]

    static let certificates: [MalformedInput] = [
        .reading(
            "x509/bad-base64.pem", ["cert", "import-x509", "INPUT", "--vendor", "ZTE"],
            "pem.malformed", "INPUT: PEM block 'CERTIFICATE' is malformed: the base64 body does not decode"),
        .reading(
            "x509/not-a-certificate.pem", ["cert", "import-x509", "INPUT", "--vendor", "ZTE"],
            "x509.malformed",
            "INPUT: malformed certificate: DER does not parse as an X.509 certificate (truncated or corrupt)"),
        .reading(
            "x509/short.der", ["cert", "import-x509", "INPUT", "--vendor", "ZTE"],
            "x509.malformed",
            "INPUT: malformed certificate: DER does not parse as an X.509 certificate (truncated or corrupt)"),
        .reading(
            "x509/text.txt", ["cert", "import-x509", "INPUT", "--vendor", "ZTE"],
            "x509.unrecognized", "INPUT: not a certificate: neither PEM text nor DER data of a known kind"),
        .reading(
            "x509/truncated.pem", ["cert", "import-x509", "INPUT", "--vendor", "ZTE"],
            "pem.malformed", "INPUT: PEM block 'CERTIFICATE' is malformed: no END line (truncated file?)"),
        .reading(
            "x509/short-key.pem", ["cert", "import-x509", "INPUT", "--vendor", "ZTE"],
            "x509.not-a-certificate", "INPUT: not a certificate: this is a public key"),
        .reading(
            "empty", ["cert", "import-x509", "INPUT", "--vendor", "ZTE"], "x509.empty", "INPUT: the file is empty"),
        .reading(
            "x509/short-key.pem", ["vendor", "key", "add", "ZTE", "INPUT"],
            "key.malformed", "INPUT: malformed key: the data is not a DER SubjectPublicKeyInfo"),
    ]

    static let archives: [MalformedInput] = [
        .reading(
            "archives/truncated.tar.gz", ["bundle", "hash", "INPUT"],
            "bundle.archive-truncated", "INPUT: archive is truncated: truncated gzip input"),
        .reading(
            "archives/corrupt.tar.gz", ["bundle", "hash", "INPUT"],
            "bundle.archive-corrupt", "INPUT: archive is corrupt: gzip data error: invalid code lengths set"),
        .reading("archives/wrong-magic.zip", ["bundle", "hash", "INPUT"], "bundle.unrecognized-format", notAnArchive),
        .reading("archives/empty.tar", ["bundle", "hash", "INPUT"], "bundle.unrecognized-format", notAnArchive),
        .finding("archives/dotdot.tar", "error: ../../etc/evil.txt: '..' component in path; entry ignored"),
        .finding("archives/absolute.tar", "error: /etc/evil.txt: absolute path; entry ignored"),
        .finding("archives/device.tar", "error: dev/null: special file (device, FIFO or socket) not hashed"),
        .finding("archives/encrypted.zip", "error: secret.txt: encrypted entry cannot be verified"),
        .finding(
            "archives/escaping-link.tar", "warning: passwd: symlink points outside the bundle: ../../../etc/passwd"),
        .finding("archives/non-utf8-name.tar", "added              caf\\xe9-\\xff.txt"),
        .finding("archives/long-path.tar", "FAILED INPUT: 1 paths match, 1 error findings"),
        .finding("archives/loop", "FAILED INPUT: 1 paths match, 2 added"),
    ]

    @Test(arguments: manifests + imports + certificates + archives)
    func isRefusedWithOneLineNamingTheProblem(_ input: MalformedInput) throws {
        let directory = TemporaryDirectory()
        let db = try TestDatabase(in: directory).address
        let made = try ChildProcess.run(
            "/usr/bin/python3", [Self.corpus + "/make-archives.py", directory.file("archives")])
        try #require(made.exitCode == 0, "make-archives.py: \(made.stderr)")
        let okBundle = directory.file("ok")
        try FileManager.default.createDirectory(atPath: okBundle, withIntermediateDirectories: true)
        try directory.write("ok/ok.txt", "x\n")
        let ok = directory.file("ok.json")
        #expect(try AssayProcess.run(["bundle", "hash", okBundle, "-o", ok]).exitCode == 0)
        #expect(try AssayProcess.run(["vendor", "add", "ZTE"], database: db).exitCode == 0)

        try directory.write("empty", "")
        try directory.write("empty.json", "")
        let generated = input.input.hasPrefix("archives/") || input.input.hasPrefix("empty")
        let path = generated ? directory.file(input.input) : Self.corpus + "/" + input.input
        let bundle = directory.file("bundle")
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        let arguments = input.arguments.map { $0 == "INPUT" ? path : $0 == "OK" ? ok : $0 == "BUNDLE" ? bundle : $0 }
        let result = try AssayProcess.run(arguments, database: db)
        let expected = input.line.replacingOccurrences(of: "INPUT", with: path)
        #expect(result.exitCode == input.exitCode, "\(result.stderr)")
        if input.exitCode == 2 {
            #expect(result.stderr == "assay: error[\(input.code ?? "")]: \(expected)\n")
        } else {
            #expect(result.stdout.split(separator: "\n").contains { $0 == expected }, "\(result.stdout)")
        }
        let verified = try AssayProcess.run(["log", "verify"], database: db)
        #expect(verified.stdout.hasPrefix("OK 1 entries"), "the command changed the database")
        #expect(!FileManager.default.fileExists(atPath: "/etc/evil.txt"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("etc/evil.txt")))
    }
}
