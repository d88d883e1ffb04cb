import ArgumentParser
import AssayAudit
import AssayBundle
import AssayCore
import AssayCrypto
import AssayRegistry
import AssayStore
import Foundation

/// An error from the libraries, reported as one line on stderr (a line per problem of an import) with exit code 2.
struct CommandFailure: Error {
    /// The message's lines, each printed as one line whatever it holds.
    let lines: [String]
    let exitCode: Int32

    init(message: String, exitCode: Int32 = 2) {
        self.init(lines: [message], exitCode: exitCode)
    }

    init(lines: [String], exitCode: Int32 = 2) {
        self.lines = lines
        self.exitCode = exitCode
    }

    /// The whole message.
    var message: String { lines.joined(separator: "\n") }

    /// Describes the libraries' typed errors; `nil` for argument-parser's own errors and exit codes.
    init?(_ error: any Error) {
        switch error {
        case let error as StoreError:
            // A log that does not verify is a check's finding, like 'log verify' exiting 1, not bad input.
            if case .logDoesNotVerify = error { self.init(lines: error.lines, exitCode: 1) } else {
                self.init(lines: error.lines)
            }
        case let error as ValueError: self.init(message: error.description)
        case let error as CryptoError: self.init(message: error.description)
        case let error as BundleError: self.init(message: error.description)
        case let error as RegistryError: self.init(message: error.description)
        case let error as AuditError: self.init(message: error.description)
        default: return nil
        }
    }

    /// Prints `assay: error: LINE` for each line (control characters and line breaks in it escaped) and exits.
    func report() -> Never {
        let text = lines.map { "assay: error: \(TerminalText.line($0))\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
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
