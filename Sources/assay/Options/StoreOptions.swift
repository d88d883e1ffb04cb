import ArgumentParser
import AssayStore
import Foundation
import Logging

/// Options shared by every command that opens the records store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $ASSAY_DB, else $XDG_DATA_HOME/assay/assay.sqlite), or a PostgreSQL "
                + "connection string for 'db migrate' and 'db copy'.",
            valueName: "path"),
        completion: .file())
    var db: String?

    @Option(name: .long, help: "Who is making the change, for the audit log (default: $USER).")
    var actor: String?

    @Flag(name: .shortAndLong, help: "Print diagnostics on stderr.")
    var verbose = false

    /// Where the store is: `--db`, else `$ASSAY_DB`, else the default SQLite file.
    var address: StoreAddress { StoreAddress.resolve(explicit: db) }

    /// Who makes the change: `--actor`, else `$USER`.
    var resolvedActor: String { actor ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown" }

    /// Opens the store (read-only for commands that only read), warning when the database file is readable by
    /// other users. A PostgreSQL address is refused: only 'db migrate' and 'db copy' support it so far.
    func open(_ access: Store.Access = .readWrite) throws -> Store {
        guard case .sqlite(let location) = address else { throw StoreError.backendUnsupported }
        let logger = Diagnostics.logger(verbose: verbose)
        logger.debug("opening database \(location.path) \(access == .readOnly ? "read-only" : "for writing")")
        let store = try Store(location: location, actor: resolvedActor, access: access)
        if store.isReadableByOthers {
            FileHandle.standardError.write(
                Data(
                    "assay: warning: \(location.path) is readable by other users; run 'chmod 600' on it\n".utf8))
        }
        return store
    }
}

/// stderr logging through swift-log, quiet unless `--verbose`.
enum Diagnostics {
    static func logger(verbose: Bool) -> Logger {
        var logger = Logger(label: "assay") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
