import Foundation
internal import GRDB

/// The SQLite store's connections: GRDB's `Database`, inside the store's transactions.
extension Database: SQLConnection {
    var dialect: SQLDialect { .sqlite }

    func run(_ sql: String, _ arguments: [SQLValue]) throws {
        try cachedStatement(sql: sql).execute(arguments: StatementArguments(arguments.map(\.databaseValue)))
    }

    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
        try scan(sql, arguments) { row in
            try body(row)
            return true
        }
    }

    // SQLite steps through a statement's rows one by one: a scan is a plain query.
    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Bool) throws {
        let statement = try cachedStatement(sql: sql)
        let columns = SQLColumns(statement.columnNames)
        let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments.map(\.databaseValue)))
        while let row = try cursor.next() {
            let values = (0..<row.count).map { SQLValue(row[$0] as DatabaseValue) }
            guard try body(SQLRow(columns: columns, values: values)) else { return }
        }
    }
}

extension SQLValue {
    /// The value as GRDB binds it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        }
    }

    /// A value SQLite returned.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .real(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .blob(Array(data))
        }
    }
}
