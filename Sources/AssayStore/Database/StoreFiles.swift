import Foundation

/// File-system preparation for a database location: owner-only folder and file, clear errors before SQLite.
enum StoreFiles {
    /// Creates the folder (0700) and an empty file (0600) when missing, and checks what is there.
    static func prepare(_ location: StoreLocation) throws(StoreError) {
        let path = location.path
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder,
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700]
                )
            } catch {
                throw .cannotOpen(path: path, reason: "cannot create folder \(folder)")
            }
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .cannotOpen(path: path, reason: "it is a folder") }
            // SQLite would fall back to reading, and its readers would leave -wal and -shm files owned by this
            // user, which can lock the owner out: refuse before opening.
            guard isWritable(path) else { throw .cannotOpen(path: path, reason: "it is read-only for this user") }
            return
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
    }

    /// True when this user may write the file.
    static func isWritable(_ path: String) -> Bool {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// The path or URI through which a read-only open reads the database without creating a file beside it
    /// that its owner could not use or remove.
    ///
    /// SQLite's readers of a WAL database create the `-wal` and `-shm` files when they are missing. Created by
    /// another user in a folder they may write (such as a shared, sticky folder), those files lock the owner
    /// out. So the files are opened as they are when both exist; SQLite may create them when this user owns the
    /// database or is root (SQLite then gives them to the owner) and may write the folder; otherwise the main file
    /// is read as immutable (no locks, no files), which is only right when the WAL holds no pending changes (a
    /// writer that starts during the read is not waited for). The immutable URI needs an SQLite built with URI
    /// support, as Debian's is; without it the open fails with "cannot open database".
    static func readOnlyPath(_ location: StoreLocation) throws(StoreError) -> String {
        let path = location.path
        guard let info = status(path) else {
            throw .cannotOpen(path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw .cannotOpen(path: path, reason: "it is a folder") }
        let wal = status(path + "-wal")
        if wal != nil && status(path + "-shm") != nil { return path }
        let folder = (path as NSString).deletingLastPathComponent
        let ownsNewFiles = geteuid() == 0 || geteuid() == info.st_uid
        if ownsNewFiles && access(folder.isEmpty ? "." : folder, W_OK) == 0 { return path }
        if let wal, wal.st_size > 0 {
            throw .cannotOpen(
                path: path,
                reason: "changes are pending in \(path)-wal that only a user who may write the database can apply")
        }
        guard let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) else {
            throw .cannotOpen(path: path, reason: "the path cannot be written as a URI")
        }
        return (path.hasPrefix("/") ? "file://" : "file:") + encoded + "?immutable=1"
    }

    /// The file's status, or `nil` (with `errno` set) when it cannot be read.
    private static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    /// True when the database file can be read by users other than its owner.
    static func isReadableByOthers(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & (S_IRGRP | S_IROTH) != 0
    }
}
