public import AssayCrypto

/// One path of a bundle: its type and, for files, size, digest and executable bit; for symlinks, the target bytes.
///
/// Fields are optional because manifests written by other tools (sha256sum, BSD, BagIt, hashdeep) list files only and
/// may omit sizes; `nil` means "not recorded", and verification compares only what both sides record.
public struct BundleEntry: Hashable, Sendable {
    /// The path relative to the bundle root.
    public var path: EntryPath
    /// File, directory or symlink.
    public var type: EntryType
    /// The content size in bytes (files only; 0 for directories and symlinks in Assay manifests).
    public var size: UInt64?
    /// The content digest (files only).
    public var digest: Digest?
    /// Whether the owner-executable bit is set (files only; the one permission bit that is canonical).
    public var executable: Bool?
    /// The link target's exact bytes, never followed (symlinks only).
    public var linkTarget: EntryPath?

    /// Creates an entry.
    public init(
        path: EntryPath,
        type: EntryType,
        size: UInt64? = nil,
        digest: Digest? = nil,
        executable: Bool? = nil,
        linkTarget: EntryPath? = nil
    ) {
        self.path = path
        self.type = type
        self.size = size
        self.digest = digest
        self.executable = executable
        self.linkTarget = linkTarget
    }

    /// A regular file with known content.
    public static func file(_ path: EntryPath, size: UInt64, digest: Digest, executable: Bool) -> BundleEntry {
        BundleEntry(path: path, type: .file, size: size, digest: digest, executable: executable)
    }

    /// A directory.
    public static func directory(_ path: EntryPath) -> BundleEntry {
        BundleEntry(path: path, type: .directory, size: 0, executable: false)
    }

    /// A symbolic link, recorded with its target and never followed.
    public static func symlink(_ path: EntryPath, target: EntryPath) -> BundleEntry {
        BundleEntry(path: path, type: .symlink, size: 0, executable: false, linkTarget: target)
    }
}
