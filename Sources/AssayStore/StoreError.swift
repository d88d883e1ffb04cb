import AssayBundle
import AssayCore
import AssayCrypto
import AssayPostgreSQL
import AssayRegistry

/// Everything that can go wrong in the records store, with a stable code and a one-line message for users.
///
/// SQLite and GRDB errors are translated here, at the boundary: users never see raw SQL.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// A value given by the user is not valid.
    case invalidValue(ValueError)
    /// No vendor has that name, alias or id; `suggestion` is the closest known name.
    case unknownVendor(String, suggestion: String?)
    /// The name or alias already names a vendor.
    case duplicateName(String, existing: String)
    /// The identifier is already registered to a vendor.
    case duplicateIdentifier(kind: String, value: String, vendor: String)
    /// No record of that kind has that id.
    case notFound(entity: String, id: String)
    /// Linking a vendor to that parent would make the affiliate tree a cycle.
    case parentCycle(vendor: String, parent: String)
    /// A record cannot be removed while others depend on it.
    case inUse(entity: String, name: String, dependents: String)
    /// A change that the store refuses, with the reason.
    case refused(String)
    /// The database file cannot be created, opened or written.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The database was written by a newer Assay.
    case newerSchema(path: String)
    /// The store's schema is older than this Assay's, and the command does not migrate it.
    case olderSchema(store: String)
    /// A copy's target already holds rows (in `table`, the first found); nothing was written.
    case targetNotEmpty(store: String, table: String)
    /// Another process held the database past the busy timeout.
    case locked(path: String)
    /// The disk or the file-size limit is full.
    case full(path: String)
    /// Reading or writing a file beside the database failed.
    case io(path: String, reason: String)
    /// Rows of an import file that cannot be imported, each naming its file, line and field; nothing was written.
    case importProblems([ImportProblem])
    /// A file in a registry or import format could not be read (the error names the file, line and field).
    case registry(RegistryError)
    /// The audit log does not verify (first problem given), so it cannot be signed.
    case logDoesNotVerify(String)
    /// A log checkpoint file that cannot be read as one.
    case malformedCheckpoint(path: String, reason: String)
    /// A file recorded as an artefact or built by a rebuild reads as an archive but cannot be read as a bundle.
    case bundle(BundleError)
    /// An unexpected database error, with SQLite's message.
    case database(String)
    /// A PostgreSQL server refused the connection or a statement.
    case postgreSQL(PostgresError)
    /// The command cannot do this with a PostgreSQL store; `reason` says why and what to do instead.
    case backendUnsupported(String)

    /// A stable identifier for scripts and tests.
    public var code: String {
        switch self {
        case .invalidValue(let error): error.code
        case .unknownVendor: "store.unknown-vendor"
        case .duplicateName: "store.duplicate-name"
        case .duplicateIdentifier: "store.duplicate-identifier"
        case .notFound: "store.not-found"
        case .parentCycle: "store.parent-cycle"
        case .inUse: "store.in-use"
        case .refused: "store.refused"
        case .cannotOpen: "store.cannot-open"
        case .notADatabase: "store.not-a-database"
        case .newerSchema: "store.newer-schema"
        case .olderSchema: "store.older-schema"
        case .targetNotEmpty: "store.target-not-empty"
        case .locked: "store.locked"
        case .full: "store.full"
        case .io: "store.io"
        case .importProblems: "store.import"
        case .registry(let error): error.code
        case .logDoesNotVerify: "store.log-does-not-verify"
        case .malformedCheckpoint: "store.malformed-checkpoint"
        case .bundle(let error): error.code
        case .database: "store.database"
        case .postgreSQL(let error): error.code
        case .backendUnsupported: "store.backend-unsupported"
        }
    }

    public var description: String {
        switch self {
        case .invalidValue(let error):
            error.description
        case .unknownVendor(let name, let suggestion):
            "unknown vendor '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .duplicateName(let name, let existing):
            "the name '\(name)' is already used by vendor '\(existing)'"
        case .duplicateIdentifier(let kind, let value, let vendor):
            "identifier \(kind)=\(value) is already registered to vendor '\(vendor)'"
        case .notFound(let entity, let id):
            "no \(entity) with id \(id)"
        case .parentCycle(let vendor, let parent):
            "'\(parent)' cannot be the parent of '\(vendor)': the affiliate tree would become a cycle"
        case .inUse(let entity, let name, let dependents):
            "cannot remove \(entity) '\(name)': \(dependents)"
        case .refused(let reason):
            reason
        case .cannotOpen(let path, let reason):
            "cannot open database \(path): \(reason)"
        case .notADatabase(let path):
            "\(path) is not an Assay database (not an SQLite file)"
        case .newerSchema(let path):
            "\(path) was written by a newer version of Assay; upgrade assay to use it"
        case .olderSchema(let store):
            "\(store) has an older schema than this Assay's; run 'assay db migrate' on it first"
        case .targetNotEmpty(let store, let table):
            "\(store) is not empty (table \(table) holds rows); copy only into an empty store; nothing was written"
        case .locked(let path):
            "database \(path) is locked by another process; try again when it has finished"
        case .full(let path):
            "no space left to write \(path) (disk full or file size limit); nothing was changed"
        case .io(let path, let reason):
            "\(path): \(reason)"
        case .importProblems:
            lines.joined(separator: "\n")
        case .registry(let error):
            error.description
        case .logDoesNotVerify(let problem):
            "refusing to sign: the audit log does not verify: \(problem) (see 'assay log verify')"
        case .malformedCheckpoint(let path, let reason):
            "\(path): \(reason)"
        case .bundle(let error):
            error.description
        case .database(let message):
            "database error: \(message)"
        case .postgreSQL(let error):
            error.description
        case .backendUnsupported(let reason):
            reason
        }
    }
}

extension StoreError {
    /// The message as lines: one, or one per import problem (the first 20, then how many more).
    public var lines: [String] {
        guard case .importProblems(let problems) = self else { return [description] }
        return problems.prefix(20).map(\.description)
            + (problems.count > 20 ? ["… and \(problems.count - 20) more problems"] : [])
    }

    /// Wraps validation errors from the value types.
    static func validating<T>(_ body: () throws(ValueError) -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw .invalidValue(error)
        }
    }

    /// Wraps digest errors.
    static func hashing<T>(_ body: () throws(CryptoError) -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            switch error {
            case .io(let path, let reason): throw .io(path: path, reason: reason)
            default: throw .refused(error.description)
            }
        }
    }
}
