import Foundation

/// The scratch folders of a rebuild: made owner-only, removed even when a build left read-only folders behind.
enum Scratch {
    /// Creates each folder and its missing parents, owner-only.
    static func makeFolders(_ paths: [String]) throws(ProvenanceError) {
        for path in paths {
            do {
                try FileManager.default.createDirectory(
                    atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .cannotRun(place: path, reason: error.localizedDescription)
            }
        }
    }

    /// Removes a folder tree without following links; a failure is noted in `log`, kept with the run.
    static func remove(_ path: String, noting log: String) {
        let manager = FileManager.default
        if (try? manager.removeItem(atPath: path)) != nil { return }
        // A build may leave folders without write permission (module caches do): open them up and try again.
        chmod(path, 0o700)
        if let walker = manager.enumerator(atPath: path) {
            for case let relative as String in walker
            where walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                chmod(path + "/" + relative, 0o700)
            }
        }
        do {
            try manager.removeItem(atPath: path)
        } catch {
            note("could not remove \(path): \(error.localizedDescription)", in: log)
        }
    }

    /// Appends `assay: MESSAGE` to a build's log.
    static func note(_ message: String, in log: String) {
        guard let handle = FileHandle(forWritingAtPath: log) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data("assay: \(message)\n".utf8))
    }
}
