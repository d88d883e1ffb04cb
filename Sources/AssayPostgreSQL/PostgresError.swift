/// Everything that can go wrong talking to a PostgreSQL server, with a stable code and a one-line message.
///
/// Messages name the server by its redacted connection string (``ConnectionString/redacted``) and never carry a
/// password; libpq's own text is scrubbed of the connection string's secrets before it is kept here.
public enum PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The connection could not be made (bad connection string, server down, authentication refused).
    case connect(server: String, reason: String)
    /// The server refused a statement; `sqlstate` is PostgreSQL's five-character error code (such as `42501`,
    /// insufficient privilege, or `23505`, unique violation).
    case query(sqlstate: String, message: String)
    /// The connection broke, or the server answered with something the caller did not expect.
    case protocolViolation(String)

    /// A stable identifier for scripts and tests.
    public var code: String {
        switch self {
        case .connect: "postgresql.connect"
        case .query: "postgresql.query"
        case .protocolViolation: "postgresql.protocol"
        }
    }

    /// The SQLSTATE of a refused statement, `nil` for the other cases.
    public var sqlstate: String? {
        guard case .query(let sqlstate, _) = self else { return nil }
        return sqlstate
    }

    public var description: String {
        switch self {
        case .connect(let server, let reason):
            "cannot connect to PostgreSQL at \(server): \(reason)"
        case .query(let sqlstate, let message):
            "PostgreSQL refused the statement (SQLSTATE \(sqlstate)): \(message)"
        case .protocolViolation(let reason):
            "PostgreSQL connection failed: \(reason)"
        }
    }
}
