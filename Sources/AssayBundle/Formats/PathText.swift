import AssayCrypto

/// How a path appears in JSON: the text itself when it is UTF-8; otherwise a display form (`\xHH` for bad bytes)
/// plus the exact bytes in hexadecimal, so every name round-trips and none is silently altered.
struct PathText: Hashable {
    let text: String
    let hex: String?

    init(_ path: EntryPath) {
        text = path.description
        hex = path.utf8String == nil ? Hex.encode(path.bytes) : nil
    }

    init(text: String, hex: String?) {
        self.text = text
        self.hex = hex
    }

    /// The exact bytes, or `nil` when the hex form is not valid hexadecimal.
    var path: EntryPath? {
        guard let hex else { return EntryPath(text) }
        return Hex.decode(hex).map(EntryPath.init(bytes:))
    }
}
