/// The outcome of verifying an evidence pack (`Schemas/pack-verification.schema.json`).
public struct PackVerification: Codable, Sendable, Equatable {
    /// One thing wrong, about one file of the pack.
    public struct Problem: Codable, Sendable, Equatable {
        /// The file concerned, by its name in the pack.
        public var file: String
        /// What is wrong with it.
        public var message: String
    }

    /// The pack's path.
    public var pack: String
    /// How many files the pack holds.
    public var files: Int
    /// How many log entries were chained.
    public var entries: Int
    /// The exported log's head, when it has one.
    public var headSeq: Int64?
    public var headHash: String?
    /// SHA-256 of the DER public key the pack was checked against, hex.
    public var keyFingerprint: String
    /// How many record references of the reports and dossiers were found in the log.
    public var recordsChecked: Int
    /// Everything wrong, in the order found; empty when the pack is sound.
    public var problems: [Problem]

    /// True when nothing is wrong.
    public var isSound: Bool { problems.isEmpty }

    mutating func add(_ file: String, _ message: String) {
        problems.append(Problem(file: file, message: message))
    }
}
