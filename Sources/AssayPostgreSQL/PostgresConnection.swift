internal import CLibPQ

/// One connection to a PostgreSQL server through libpq. Owns the `PGconn` and closes it in `deinit`.
///
/// Statements run synchronously, one at a time, with parameters bound to `$1`, `$2`, … placeholders. Not safe to
/// share between threads: open one connection per task.
public final class PostgresConnection {
    private let connection: OpaquePointer
    /// The connection string it was opened with (shown redacted).
    public let connectionString: ConnectionString

    /// Connects with a libpq connection URI or key/value string; the password, if the server asks for one, comes
    /// from `PGPASSFILE` or `~/.pgpass` as libpq reads them.
    public init(_ connectionString: ConnectionString) throws(PostgresError) {
        self.connectionString = connectionString
        // expand_dbname: the whole string in "dbname" is read as a URI or key/value string; the keywords before it
        // are defaults that the string's own options override.
        let keywords = ["fallback_application_name", "client_encoding", "dbname"]
        let values = ["assay", "UTF8", connectionString.text]
        let opened = keywords.withCStrings { keywordPointers in
            values.withCStrings { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let opened else {
            throw .connect(server: connectionString.redacted, reason: "libpq could not allocate a connection")
        }
        connection = opened
        guard PQstatus(opened) == CONNECTION_OK else {
            throw .connect(server: connectionString.redacted, reason: lastError)
        }
        assay_pq_silence_notices(opened)
    }

    deinit { PQfinish(connection) }

    /// The server's version as a number, such as 150018 for 15.18.
    public var serverVersion: Int { Int(PQserverVersion(connection)) }

    /// The role the connection is authenticated as.
    public var user: String { PQuser(connection).map { String(cString: $0) } ?? "" }

    /// Runs one statement with its parameters bound to `$1`, `$2`, … and returns its rows (empty for a statement
    /// that returns none).
    @discardableResult
    public func query(_ sql: String, _ parameters: [PostgresValue] = []) throws(PostgresError) -> PostgresResult {
        let lengths = parameters.map { value -> Int32 in
            if case .bytes(let bytes) = value { return Int32(clamping: bytes.count) }
            return 0
        }
        let formats = parameters.map { value -> Int32 in
            if case .bytes = value { return 1 }
            return 0
        }
        let handle = parameters.withParameterPointers { pointers in
            PQexecParams(connection, sql, Int32(parameters.count), nil, pointers, lengths, formats, 0)
        }
        return try result(handle)
    }

    /// Runs SQL text that may hold several statements and no parameters (a migration, a script of grants).
    public func execute(_ sql: String) throws(PostgresError) {
        _ = try result(PQexec(connection, sql))
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws (the error is
    /// passed on).
    public func transaction<T>(_ body: (PostgresConnection) throws(PostgresError) -> T) throws(PostgresError) -> T {
        do {
            return try transaction(begin: "BEGIN") { try body(self) }
        } catch let error as PostgresError {
            throw error
        } catch {
            throw .protocolViolation("\(error)")  // unreachable: body only throws PostgresError
        }
    }

    /// Runs `body` in one transaction opened by `begin` (such as `BEGIN ISOLATION LEVEL REPEATABLE READ READ
    /// ONLY`): committed when it returns, rolled back when it throws, whatever its error (passed on unchanged).
    public func transaction<T>(begin: String, _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            // A broken connection cannot roll back; the server rolls back when it goes, and the first error is
            // the one to report.
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    private func result(_ pointer: OpaquePointer?) throws(PostgresError) -> PostgresResult {
        guard let pointer else { throw .protocolViolation(lastError) }
        let handle = ResultHandle(pointer)
        switch handle.status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresResult(handle)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            guard let sqlstate = assay_pq_sqlstate(pointer).map({ String(cString: $0) }) else {
                throw .protocolViolation(lastError)
            }
            let primary = assay_pq_primary_message(pointer).map { String(cString: $0) } ?? lastError
            let detail = assay_pq_detail(pointer).map { " (\(String(cString: $0)))" } ?? ""
            throw .query(sqlstate: sqlstate, message: connectionString.scrub(Self.oneLine(primary + detail)))
        default:
            throw .protocolViolation("unexpected result \(String(cString: PQresStatus(handle.status)))")
        }
    }

    /// libpq's last message for this connection, on one line, without the connection string's secrets.
    private var lastError: String {
        let message = PQerrorMessage(connection).map { String(cString: $0) } ?? ""
        let line = Self.oneLine(message)
        return connectionString.scrub(line.isEmpty ? "unknown libpq error" : line)
    }

    /// Collapses libpq's multi-line messages ("…\nIs the server running…") into one line.
    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline)
            .map { line in line.drop { $0 == " " || $0 == "\t" } }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
