import ArgumentParser
import AssayAudit
import AssayBundle
import AssayCore
import AssayCrypto
import AssayProvenance
import AssayRegistry
import AssayStore
import AssayWorkflows
import Foundation

/// A library error type with a stable code, which the user sees as `assay: error[CODE]: …`.
protocol CodedError: Error, CustomStringConvertible {
    /// The stable identifier scripts and tests match on, such as `store.unknown-vendor`.
    var code: String { get }
}

extension StoreError: CodedError {}
extension ValueError: CodedError {}
extension CryptoError: CodedError {}
extension BundleError: CodedError {}
extension RegistryError: CodedError {}
extension AuditError: CodedError {}
extension NotifyError: CodedError {}
extension ProvenanceError: CodedError {}
extension WorkflowError: CodedError {}

/// An error reported to the user: its lines on stderr, the library's stable code when there is one, and the exit
/// code (2 unless said otherwise; see ``ErrorOutput`` for how it is printed).
struct CommandFailure: Error {
    /// The message's lines, each printed as one line whatever it holds.
    let lines: [String]
    /// The library's stable code, `usage` for a usage error, `nil` for a failure found by the command itself.
    let code: String?
    let exitCode: Int32
    /// argument-parser's usage text, printed as is after a usage error's message.
    var usage: String?

    init(message: String, code: String? = nil, exitCode: Int32 = 2) {
        self.init(lines: [message], code: code, exitCode: exitCode)
    }

    init(lines: [String], code: String? = nil, exitCode: Int32 = 2) {
        self.lines = lines
        self.code = code
        self.exitCode = exitCode
    }

    /// A library error with its code, its message after `context` (the flag or file it is about) when given.
    init(library error: some CodedError, about context: String? = nil) {
        var lines = (error as? StoreError)?.lines ?? [error.description]
        if let hint = FlagHint.hint(for: error), let last = lines.popLast() { lines.append("\(last) (\(hint))") }
        // A log that does not verify is a check's finding, like 'log verify' exiting 1, not bad input.
        let finding =
            if case .logDoesNotVerify = error as? StoreError {
                true
            } else if case .signatureInvalid = error as? ProvenanceError {
                true
            } else {
                false
            }
        self.init(
            lines: lines.map { line in context.map { "\($0): \(line)" } ?? line }, code: error.code,
            exitCode: finding ? 1 : 2)
    }

    /// The whole message.
    var message: String { lines.joined(separator: "\n") }

    /// Describes this type and the libraries' typed errors; `nil` for argument-parser's own errors and exit codes.
    init?(_ error: any Error) {
        switch error {
        case let failure as CommandFailure: self = failure
        case let error as any CodedError: self.init(library: error)
        default: return nil
        }
    }
}

/// Converts a flag's text with a value parser, naming the flag in the error.
func convert<T>(_ flag: String, _ body: () throws(ValueError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(library: error, about: flag)
    }
}

/// Converts an optional flag's text with a value parser, naming the flag in the error.
func convert<T>(_ flag: String, _ text: String?, _ body: (String) throws(ValueError) -> T) throws -> T? {
    guard let text else { return nil }
    return try convert(flag) { () throws(ValueError) in try body(text) }
}
