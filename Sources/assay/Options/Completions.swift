import ArgumentParser
import AssayCore

/// Shell completions for values that the libraries define (`assay --generate-completion-script bash|zsh|fish`).
extension CompletionKind {
    /// The built-in certification schemes of `--scheme` (a custom name is accepted too).
    static var schemes: CompletionKind { .list(CertificationScheme.Builtin.allCases.map(\.rawValue)) }

    /// The market-access event types of `--type`.
    static var eventTypes: CompletionKind { .list(MarketEventType.allCases.map(\.rawValue)) }

    /// The severities of `--fail-on`.
    static var severities: CompletionKind { .list(Severity.allCases.map(\.rawValue)) }

    /// Audit policy files for `--policy`.
    static var policyFiles: CompletionKind { .file(extensions: ["yaml", "yml"]) }
}
