import AssayWorkflows

/// Names the flag that gave a key file when the file holds no usable key, as `--key FILE: …`: the workflow names
/// the file, only the command line knows the flag.
enum KeyFlagContext {
    /// Runs `body`, reporting a key file that does not parse as given by `flag`, with the crypto library's code.
    static func naming<T>(_ flag: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch WorkflowError.crypto(let path, let error) {
            throw CommandFailure(library: error, about: "\(flag) \(path)")
        }
    }
}
