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
                + "connection URI or key/value string (passwords from PGPASSFILE or ~/.pgpass).",
            valueName: "path"),
        completion: .file())
    var db: String?

    @Option(
        name: .long,
        help: "Who is making the change, for the audit log (default: $USER; on PostgreSQL, the role logged in as).")
    var actor: String?

    @Flag(name: .shortAndLong, help: "Print diagnostics on stderr.")
    var verbose = false

    /// Where the store is: `--db`, else `$ASSAY_DB`, else the default SQLite file.
    var address: StoreAddress { StoreAddress.resolve(explicit: db) }

    /// Who makes the change: `--actor`, else `$USER`.
    var resolvedActor: String { actor ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown" }

    /// Opens the store (read-only for commands that only read), warning when the database file is readable by
    /// other users.
    func open(_ access: Store.Access = .readWrite) throws -> Store {
        let address = self.address
        let logger = Diagnostics.logger(verbose: verbose)
        logger.debug("opening store \(address) \(access == .readOnly ? "read-only" : "for writing")")
        let store = try Store(address: address, actor: actor, access: access)
        if store.isReadableByOthers {
            FileHandle.standardError.write(
                Data("assay: warning: \(address) is readable by other users; run 'chmod 600' on it\n".utf8))
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
