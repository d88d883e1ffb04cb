/// One value of a copied row: the kinds of value both stores hold, kept exactly (64-bit integers, text as its
/// bytes, BLOB and BYTEA as bytes).
enum CopyValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    case bytes([UInt8])
}

/// The store a copy reads, inside one consistent snapshot that lasts as long as the copy.
protocol CopyReader {
    /// The store, as safe to print.
    var store: String { get }
    /// The table's columns, in table order.
    func columns(of table: String) throws -> [String]
    /// Calls `body` with the table's rows in batches, each row holding one value per column of `columns`.
    func forEachBatch(of table: String, columns: [String], _ body: ([[CopyValue]]) throws -> Void) throws
    /// The first column of the rows a query returns, as text.
    func texts(_ sql: String) throws -> [String]
    /// The highest id each table's id generator has handed out, by table: at least the largest id in the table,
    /// more when the rows with the largest ids were removed (their ids are not handed out again).
    func lastIds() throws -> [String: Int64]
    /// Checks, before anything is written anywhere, that every stored file is there with the bytes its SHA-256
    /// names; throws for the first that is not, naming it.
    func checkBlobs(_ hashes: [String]) throws
    /// The bytes of the stored file with that SHA-256 (unchecked: the copy checks them).
    func blob(sha256: String) throws -> [UInt8]
}

/// The store a copy writes, inside one transaction that commits when the copy is complete.
protocol CopyWriter {
    /// The store, as safe to print.
    var store: String { get }
    /// The tables only this kind of store has, which must be empty too.
    var ownTables: [String] { get }
    /// True when the table holds at least one row.
    func hasRows(_ table: String) throws -> Bool
    /// Inserts rows, each with one value per column of `columns`.
    func insert(into table: String, columns: [String], rows: [[CopyValue]]) throws
    /// Keeps the bytes of a stored file, already checked against `sha256`.
    func storeBlob(sha256: String, bytes: [UInt8]) throws
    /// Called once every row and file is written, before the transaction commits: sets each table's id generator
    /// past the copied ids and the source's `lastIds`, so that an id is never handed out twice.
    func finish(lastIds: [String: Int64]) throws
}
