import AssayPostgreSQL
import Foundation

/// Where a store lives: an SQLite file, or a PostgreSQL database named by a libpq connection string.
///
/// `--db` and `$ASSAY_DB` take either: a value starting with `postgresql://` or `postgres://`, or a key/value
/// libpq string (`host=/run/postgresql dbname=assay`), names PostgreSQL; anything else is an SQLite path.
public enum StoreAddress: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite database file.
    case sqlite(StoreLocation)
    /// A PostgreSQL database.
    case postgreSQL(ConnectionString)

    /// Reads a `--db` or `$ASSAY_DB` value.
    public init(_ text: String) {
        self = ConnectionString(text).map(StoreAddress.postgreSQL) ?? .sqlite(StoreLocation(path: text))
    }

    /// The address from an optional `--db` value, else `$ASSAY_DB`, else the default SQLite file
    /// (``StoreLocation/resolve(explicit:environment:)``).
    public static func resolve(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> StoreAddress {
        if let explicit, !explicit.isEmpty { return StoreAddress(explicit) }
        if let fromEnvironment = environment["ASSAY_DB"], !fromEnvironment.isEmpty {
            return StoreAddress(fromEnvironment)
        }
        return .sqlite(StoreLocation.resolve(explicit: nil, environment: environment))
    }

    /// The file's path, or the connection string without its password: safe to print and log.
    public var description: String {
        switch self {
        case .sqlite(let location): location.path
        case .postgreSQL(let connection): connection.redacted
        }
    }
}
