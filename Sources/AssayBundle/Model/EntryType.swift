/// The kinds of entry a manifest records. Special files (FIFOs, devices, sockets) are findings, never entries.
public enum EntryType: String, Codable, Sendable, CaseIterable {
    case file
    case directory
    case symlink
}
