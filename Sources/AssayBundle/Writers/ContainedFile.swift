/// Opens files below a folder whose content is not trusted (a build folder after the build ran), reaching each one
/// without following any symlink, so that a link planted there cannot make Assay read a file elsewhere.
public enum ContainedFile {
    /// A descriptor, open for reading, of the regular file at `relative` (a `/`-separated path) below `folder`; the
    /// caller closes it. Throws ``BundleError/unsafeEntry(path:entry:reason:)`` for an absolute or `..` path, and
    /// ``BundleError/unreadable(path:reason:)`` or ``BundleError/extractionFailed(path:reason:)`` when it is missing,
    /// not a regular file, or reached through a link.
    public static func open(_ relative: String, in folder: String) throws(BundleError) -> Int32 {
        guard case .path(let path) = PathSafety.normalize(Array(relative.utf8)) else {
            throw BundleError.unsafeEntry(
                path: folder, entry: relative, reason: "not a relative path inside the folder")
        }
        return try ExtractionFolder(opening: folder).openFile(path)
    }
}
