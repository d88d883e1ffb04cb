import Foundation

/// Where the database file lives: `--db PATH`, else `$ASSAY_DB`, else `$XDG_DATA_HOME/assay/assay.sqlite`
/// (by default `~/.local/share/assay/assay.sqlite`).
public struct StoreLocation: Sendable, Equatable {
    /// The database file's path.
    public let path: String

    /// Uses an explicit path.
    public init(path: String) {
        self.path = path
    }

    /// Resolves the location from an optional `--db` value and the environment.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StoreLocation
    {
        if let explicit, !explicit.isEmpty { return StoreLocation(path: explicit) }
        if let fromEnvironment = environment["ASSAY_DB"], !fromEnvironment.isEmpty {
            return StoreLocation(path: fromEnvironment)
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return StoreLocation(path: dataHome + "/assay/assay.sqlite")
    }

    /// The folder holding content-addressed evidence files, beside the database.
    public var evidenceDirectory: String { path + "-evidence" }
}
