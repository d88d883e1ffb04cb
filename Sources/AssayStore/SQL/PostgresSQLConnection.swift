import AssayPostgreSQL

/// The PostgreSQL store's connection inside one of its transactions: statements written for both databases
/// (see ``SQLConnection``) run through libpq, `?` placeholders numbered `$1`, `$2`, … and values read back by their
/// column's type.
final class PostgresSQLConnection: SQLConnection {
    let connection: PostgresConnection
    /// Each statement's text with numbered placeholders, by its text as written.
    private var numbered: [String: String] = [:]
    /// The record tables, read once per connection (the schema changes only by `db migrate`).
    var recordTables: [RecordTable]?

    init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    var dialect: SQLDialect { .postgresql }

    func run(_ sql: String, _ arguments: [SQLValue]) throws {
        try query(sql, arguments)
    }

    func insertReturningId(_ sql: String, _ arguments: [SQLValue]) throws -> Int64 {
        guard let id = try value(Int64.self, sql + #" RETURNING "id""#, arguments) else {
            throw StoreError.database("an insert returned no id")
        }
        return id
    }

    func changes(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try rows(sql + " RETURNING 1", arguments).count
    }

    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
        let result = try query(sql, arguments)
        let columns = SQLColumns(result.columns)
        let types = result.columnTypes
        for row in result.rows {
            try body(
                SQLRow(
                    columns: columns,
                    values: row.values.indices.map { Self.value(row.values[$0], type: types[$0]) }))
        }
    }

    /// Reads the rows through a cursor, a few thousand at a time. Only inside a transaction (the store's reads and
    /// writes are); one scan at a time per connection.
    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Bool) throws {
        let batch = 5_000
        try run("DECLARE \"assay_scan\" NO SCROLL CURSOR FOR " + sql, arguments)
        var going = true
        while going {
            var count = 0
            try forEachRow("FETCH \(batch) FROM \"assay_scan\"", []) { row in
                count += 1
                if going { going = try body(row) }
            }
            if count < batch { going = false }
        }
        try run("CLOSE \"assay_scan\"", [])
    }

    @discardableResult
    private func query(_ sql: String, _ arguments: [SQLValue]) throws(StoreError) -> PostgresResult {
        let text: String
        if let known = numbered[sql] {
            text = known
        } else {
            text = Self.numberPlaceholders(sql)
            numbered[sql] = text
        }
        do {
            return try connection.query(text, arguments.map(Self.parameter))
        } catch {
            throw .postgreSQL(error)
        }
    }

    /// A value as a libpq parameter: text in PostgreSQL's input form, bytes in binary.
    static func parameter(_ value: SQLValue) -> PostgresValue {
        switch value {
        case .null: .null
        case .integer(let number): .text(String(number))
        case .real(let number): .text("\(number)")
        case .text(let text): .text(text)
        case .blob(let bytes): .bytes(bytes)
        }
    }

    /// A value PostgreSQL returned as text, read by its column's type.
    static func value(_ text: String?, type: UInt32) -> SQLValue {
        guard let text else { return .null }
        switch type {
        case 20, 21, 23:  // bigint, smallint, integer
            return Int64(text).map(SQLValue.integer) ?? .text(text)
        case 700, 701:  // real, double precision
            return Double(text).map(SQLValue.real) ?? .text(text)
        case 1700:  // numeric (SUM and AVG of integers): an integer when it is one
            return Int64(text).map(SQLValue.integer) ?? Double(text).map(SQLValue.real) ?? .text(text)
        case 16:  // boolean
            return .integer(text == "t" ? 1 : 0)
        case 17:  // bytea, in hex output
            return PostgresRow.bytes(hex: text).map(SQLValue.blob) ?? .text(text)
        default:
            return .text(text)
        }
    }

    /// `sql` with each `?` outside quotes and comments replaced by `$1`, `$2`, …
    static func numberPlaceholders(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var count = 0
        var quote: Character?
        var comment = false
        var previous: Character?
        for character in sql {
            defer { previous = character }
            if comment {
                if character == "\n" { comment = false }
            } else if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "-", previous == "-" {
                comment = true
            } else if character == "?" {
                count += 1
                output += "$\(count)"
                continue
            }
            output.append(character)
        }
        return output
    }
}
