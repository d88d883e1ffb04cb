import AssayStore

/// Signing the audit log's head with the organisation's key: the checkpoint is stored in the database and handed
/// back as text, or written to a file.
public struct LogCheckpointRequest: Sendable {
    /// The organisation's private key file (PEM or DER, unencrypted).
    public var keyFile: String
    /// Where to write the checkpoint; `nil` hands it back as text.
    public var outputFile: String?

    /// A checkpoint signed with the key in `keyFile`, written to `outputFile` when given.
    public init(keyFile: String, outputFile: String? = nil) {
        self.keyFile = keyFile
        self.outputFile = outputFile
    }

    /// The checkpoint stored, and its JSON text.
    public struct Outcome: Sendable {
        /// The checkpoint as stored in the database.
        public var checkpoint: LogCheckpoint
        /// The checkpoint file's content (written to ``LogCheckpointRequest/outputFile`` when there is one).
        public var text: String
    }

    /// Reads the key, then opens the store, records the checkpoint and writes its file atomically. A key that
    /// cannot be read opens no database; a file that cannot be written leaves the stored checkpoint in place.
    public func run(opening openStore: StoreOpening) throws -> Outcome {
        let key = try KeyFile.privateKey(at: keyFile)
        let checkpoint = try openStore(.readWrite).recordCheckpoint(signingWith: key)
        let text = try checkpoint.jsonText()
        if let outputFile { try AtomicFile.write(Array(text.utf8), to: outputFile) }
        return Outcome(checkpoint: checkpoint, text: text)
    }
}
