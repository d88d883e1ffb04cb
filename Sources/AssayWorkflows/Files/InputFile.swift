import Foundation

/// Reads the small input files a workflow is given (signatures, public keys, manifests) whole.
enum InputFile {
    /// The bytes of the file at `path`; `what` names it in the error ("signature", "public key").
    static func bytes(at path: String, what: String) throws(WorkflowError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            throw .cannotRead(path: path, what: what, reason: reason)
        }
        return Array(data)
    }
}
