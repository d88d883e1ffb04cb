/// The kinds of entry a manifest records. Special files (FIFOs, devices, sockets) are findings, never entries.
public enum EntryType: String, Codable, Sendable, CaseIterable {
    /// A regular file, recorded with size, digest and executable bit.
    case file
    /// A directory, recorded so that empty ones count.
    case directory
    /// A symbolic link, recorded with its target bytes and never followed.
    case symlink
}
