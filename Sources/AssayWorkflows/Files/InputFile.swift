import Foundation

/// Reads the small files a workflow is handed (keys, checkpoints), naming what each one was meant to be.
public enum InputFile {
    /// The whole file; a file that is missing or unreadable is a ``WorkflowError/cannotRead(path:what:reason:)``
    /// naming `what` it should have held ("public key").
    public static func bytes(at path: String, what: String) throws(WorkflowError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            throw .cannotRead(path: path, what: what, reason: reason)
        }
        return Array(data)
    }
}
