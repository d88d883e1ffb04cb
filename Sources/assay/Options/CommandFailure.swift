import ArgumentParser
import AssayAudit
import AssayBundle
import AssayCore
import AssayCrypto
import AssayRegistry
import AssayStore
import Foundation

/// An error from the libraries, reported as one line on stderr with exit code 2.
struct CommandFailure: Error {
    let message: String
    let exitCode: Int32

    init(message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Describes the libraries' typed errors; `nil` for argument-parser's own errors and exit codes.
    init?(_ error: any Error) {
        switch error {
        case let error as StoreError:
            // A log that does not verify is a check's finding, like 'log verify' exiting 1, not bad input.
            if case .logDoesNotVerify = error { self.init(message: error.description, exitCode: 1) } else {
                self.init(message: error.description)
            }
        case let error as ValueError: self.init(message: error.description)
        case let error as CryptoError: self.init(message: error.description)
        case let error as BundleError: self.init(message: error.description)
        case let error as RegistryError: self.init(message: error.description)
        case let error as AuditError: self.init(message: error.description)
        default: return nil
        }
    }

    /// Prints `assay: error: MESSAGE` (a line per line of the message, such as one per import problem) and exits.
    func report() -> Never {
        let lines = message.split(separator: "\n").map { "assay: error: \($0)\n" }.joined()
        FileHandle.standardError.write(Data(lines.utf8))
        exit(exitCode)
    }
}

/// Converts a flag's text with a value parser, naming the flag in the error.
func convert<T>(_ flag: String, _ body: () throws(ValueError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(message: "\(flag): \(error.description)")
    }
}

/// Converts an optional flag's text with a value parser, naming the flag in the error.
func convert<T>(_ flag: String, _ text: String?, _ body: (String) throws(ValueError) -> T) throws -> T? {
    guard let text else { return nil }
    return try convert(flag) { () throws(ValueError) in try body(text) }
}
