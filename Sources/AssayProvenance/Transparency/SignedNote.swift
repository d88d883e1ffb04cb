/// A signed note (C2SP `signed-note`) holding a transparency-log checkpoint (C2SP `tlog-checkpoint`): an origin
/// line, the tree size, the base64 root hash, optional extension lines, a blank line, then signature lines
/// `— <name> <base64(key hint || signature)>`.
struct SignedNote {
    /// One signature line.
    struct Signature {
        let name: String
        let keyHint: [UInt8]
        let signature: [UInt8]
    }

    /// The signed text: every line up to and including the newline before the blank line.
    let text: String
    let origin: String
    let treeSize: UInt64
    let rootHash: [UInt8]
    let signatures: [Signature]

    /// Parses a checkpoint; the reason names what is wrong.
    init(_ envelope: String) throws(NoteError) {
        let parts = envelope.components(separatedBy: "\n\n")
        guard parts.count == 2 else { throw NoteError("no single blank line between the checkpoint and its signatures") }
        text = parts[0] + "\n"
        let lines = parts[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else { throw NoteError("fewer than three lines (origin, tree size, root hash)") }
        guard !lines[0].isEmpty else { throw NoteError("empty origin line") }
        origin = lines[0]
        guard let size = UInt64(lines[1]), String(size) == lines[1] else { throw NoteError("no decimal tree size") }
        treeSize = size
        guard let root = Base64Text.decode(lines[2]), root.count == 32 else {
            throw NoteError("no base64 SHA-256 root hash")
        }
        rootHash = root
        guard parts[1].hasSuffix("\n") else { throw NoteError("the signature lines do not end with a newline") }
        var signatures: [Signature] = []
        for line in parts[1].dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0] == "\u{2014}", let bytes = Base64Text.decode(String(fields[2])),
                bytes.count > 4
            else { throw NoteError("malformed signature line '\(line)'") }
            signatures.append(Signature(name: String(fields[1]), keyHint: Array(bytes.prefix(4)),
                                        signature: Array(bytes.dropFirst(4))))
        }
        guard !signatures.isEmpty else { throw NoteError("no signature line") }
        self.signatures = signatures
    }

    /// Why a checkpoint does not parse.
    struct NoteError: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
