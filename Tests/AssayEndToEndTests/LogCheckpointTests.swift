import AssayTestSupport
import Foundation
import GRDB
import Testing

/// `assay log checkpoint` and `assay log verify --checkpoint`: a signed head kept elsewhere catches a rewrite
/// of the whole chain, which the chain alone cannot.
@Suite struct LogCheckpointTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// Makes a key pair with the OpenSSL command line: `ed25519` or `ec` (P-256).
    func keyPair(_ name: String, algorithm: String) throws -> (key: String, pub: String) {
        let key = directory.file("\(name).pem")
        let pub = directory.file("\(name)-pub.pem")
        let options = algorithm == "ec" ? ["-pkeyopt", "ec_paramgen_curve:P-256"] : []
        let made = try ChildProcess.run(
            "/usr/bin/openssl", ["genpkey", "-algorithm", algorithm, "-out", key] + options)
        try #require(made.exitCode == 0, "openssl genpkey: \(made.stderr)")
        try #require(
            try ChildProcess.run("/usr/bin/openssl", ["pkey", "-in", key, "-pubout", "-out", pub]).exitCode == 0)
        return (key, pub)
    }

    func tamper(_ sql: String) throws {
        try DatabaseQueue(path: db).write { try $0.execute(sql: AppendOnlyTriggers.drop + " " + sql) }
    }

    @Test(arguments: ["ed25519", "ec"]) func aCheckpointHoldsWhileTheLogGrows(algorithm: String) throws {
        let org = try keyPair("org", algorithm: algorithm)
        try assay("vendor", "add", "ZTE")
        try assay("vendor", "add", "Huawei")
        let made = try assay("log", "checkpoint", "--key", org.key, "-o", directory.file("cp.json"))
        #expect(made.exitCode == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("Checkpoint of entry 2 "))
        #expect(made.stdout.hasSuffix("written to \(directory.file("cp.json"))\n"))
        try assay("vendor", "add", "Nokia")
        let verified = try assay("log", "verify", "--checkpoint", directory.file("cp.json"), "--pubkey", org.pub)
        #expect(verified.exitCode == 0)
        // Entry 3 stored the checkpoint, entry 4 added Nokia.
        #expect(verified.stdout.contains("OK the log extends checkpoint \(directory.file("cp.json")) (entry 2 of 4)"))
        let printed = try assay("log", "checkpoint", "--key", org.key)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any])
        #expect(json["seq"] as? Int == 4 && json["format"] as? String == "assay-log-checkpoint/1")
        let mode =
            try FileManager.default.attributesOfItem(atPath: directory.file("cp.json"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func theFileFollowsItsSchema() throws {
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        let org = try keyPair("org", algorithm: "ed25519")
        try assay("vendor", "add", "ZTE")
        let printed = try assay("log", "checkpoint", "--key", org.key)
        #expect(try SchemaValidator.problems(in: printed.stdout, schema: "log-checkpoint.schema.json") == nil)
    }

    /// Rewrites every entry from the first with a valid chain, as someone who knows the hashing scheme could:
    /// the chain verifies, but the checkpoint no longer matches.
    @Test func aRewrittenChainIsCaughtByTheCheckpoint() throws {
        let org = try keyPair("org", algorithm: "ed25519")
        try assay("vendor", "add", "ZTE")
        try assay("vendor", "add", "Huawei")
        let checkpoint = directory.file("cp.json")
        try assay("log", "checkpoint", "--key", org.key, "-o", checkpoint)
        // A thorough forger also removes the stored checkpoint and the entry that recorded it, which would
        // otherwise give the rewrite away.
        try tamper(
            "DELETE FROM logCheckpoint; DELETE FROM auditLog WHERE action = 'log.checkpoint'; "
                + "UPDATE auditLog SET actor = 'mallory'")
        try LogForger.rechain(db)
        #expect(try assay("log", "verify").exitCode == 0)
        let caught = try assay("log", "verify", "--checkpoint", checkpoint, "--pubkey", org.pub)
        #expect(caught.exitCode == 1)
        #expect(
            caught.stdout.contains(
                "BROKEN entry 2 no longer has the hash in checkpoint \(checkpoint): the log was rewritten\n"))
    }

    @Test func aTruncatedLogAForgedCheckpointAndAWrongKeyAreCaught() throws {
        let org = try keyPair("org", algorithm: "ed25519")
        let other = try keyPair("other", algorithm: "ed25519")
        try assay("vendor", "add", "ZTE")
        try assay("vendor", "add", "Huawei")
        let checkpoint = directory.file("cp.json")
        try assay("log", "checkpoint", "--key", org.key, "-o", checkpoint)
        let wrongKey = try assay("log", "verify", "--checkpoint", checkpoint, "--pubkey", other.pub)
        #expect(wrongKey.exitCode == 1 && wrongKey.stdout.contains("is not validly signed by \(other.pub)"))

        let text = try String(contentsOfFile: checkpoint, encoding: .utf8)
        let forged = try directory.write("forged.json", text.replacingOccurrences(of: "\"seq\":2", with: "\"seq\":1"))
        let refused = try assay("log", "verify", "--checkpoint", forged, "--pubkey", org.pub)
        #expect(refused.exitCode == 1 && refused.stdout.contains("is not validly signed"))

        // The tail goes with the vendor it added and the stored checkpoint: what is left verifies on its own.
        try tamper(
            "DELETE FROM auditLog WHERE seq >= 2; DELETE FROM vendorName WHERE vendorId = 2; "
                + "DELETE FROM vendor WHERE id = 2; DELETE FROM logCheckpoint")
        #expect(try assay("log", "verify").exitCode == 0)
        let truncated = try assay("log", "verify", "--checkpoint", checkpoint, "--pubkey", org.pub)
        #expect(truncated.exitCode == 1)
        #expect(
            truncated.stdout.contains(
                "BROKEN the log ends at entry 1 but checkpoint \(checkpoint) is of entry 2: entries were removed"))
    }

    @Test func badInputsAreNamed() throws {
        let org = try keyPair("org", algorithm: "ed25519")
        let empty = try assay("log", "checkpoint", "--key", org.key)
        #expect(empty.exitCode == 2)
        #expect(
            empty.stderr == "assay: error[store.refused]: the audit log is empty: there is no head to checkpoint yet\n")
        try assay("vendor", "add", "ZTE")
        let publicAsPrivate = try assay("log", "checkpoint", "--key", org.pub)
        #expect(
            publicAsPrivate.exitCode == 2
                && publicAsPrivate.stderr.hasPrefix("assay: error[key.malformed]: --key \(org.pub): "))
        let junk = try directory.write("junk.json", "{\"seq\": 1}")
        let malformed = try assay("log", "verify", "--checkpoint", junk, "--pubkey", org.pub)
        #expect(malformed.exitCode == 2)
        #expect(
            malformed.stderr
                == "assay: error[store.malformed-checkpoint]: \(junk): not a checkpoint file (expected JSON with seq, hash, signature)\n"
        )
        let alone = try assay("log", "verify", "--checkpoint", junk)
        #expect(alone.exitCode == 64 && alone.stderr.contains("--checkpoint and --pubkey go together"))
    }

}
