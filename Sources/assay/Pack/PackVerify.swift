import ArgumentParser
import AssayAudit
import AssayCrypto
import AssayWorkflows

/// `assay pack verify pack.tar --pubkey ORG.pub`
struct PackVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify an evidence pack with no database: files, signatures, log chain and records.",
        discussion: """
            Reads the tar as a stream (nothing is extracted) and checks every file against MANIFEST, MANIFEST.sig \
            and checkpoint.json against --pubkey, the hash chain of log.jsonl up to the checkpoint's head, and \
            that every record the report, dossiers and escrow files name has a state in log.jsonl (evidence files \
            and manifests with the digest it states). Prints one line per problem, naming the file, and exits 1; \
            prints OK and exits 0 when the pack is sound. JSON follows Schemas/pack-verification.schema.json.
            """
    )

    @Argument(help: ArgumentHelp("The pack from 'assay export pack'.", valueName: "pack.tar"))
    var pack: String

    @Option(help: ArgumentHelp("The organisation's public key that signed the pack.", valueName: "pub.pem"))
    var pubkey: String

    @Option(help: "Output format: text or json (Schemas/pack-verification.schema.json).")
    var format: ReportFormat = .text

    func run() throws {
        let keys = try SignatureCheck.keys([pubkey])
        guard let key = keys.first else { throw CommandFailure(message: "--pubkey \(pubkey): no key") }
        let result = try PackVerifier(key: key).verify(pack)
        switch format {
        case .json: try Output.json(result)
        case .text: Output.write(Self.lines(result, style: .standardOutput).joined(separator: "\n") + "\n")
        }
        if !result.isSound { throw ExitCode(1) }
    }

    /// One line per problem, `BROKEN FILE: message`, or one OK line.
    static func lines(_ result: PackVerification, style: TerminalStyle) -> [String] {
        guard result.isSound else {
            return result.problems.map { style.red("BROKEN") + " " + TerminalText.line("\($0.file): \($0.message)") }
        }
        let head = result.headSeq.map { "log through entry \($0) \(result.headHash ?? "")" } ?? "empty log"
        return [
            style.green("OK") + " \(result.pack): \(result.files) files match MANIFEST, signed by key "
                + "\(result.keyFingerprint.prefix(16)); \(result.entries) entries chained, \(head) as the checkpoint "
                + "signs; \(result.recordsChecked) record references found in the log"
        ]
    }
}
