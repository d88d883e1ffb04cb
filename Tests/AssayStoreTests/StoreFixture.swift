import AssayCore
import AssayStore
import AssayPostgreSQL
import AssayTestSupport
import Foundation
import GRDB
import Testing

/// Which database the store tests run on: SQLite, or with `ASSAY_TEST_STORE=postgresql` a fresh database of the
/// throwaway PostgreSQL cluster for each test (the conformance run: the same tests on both stores).
enum StoreUnderTest {
    static let isPostgreSQL = ProcessInfo.processInfo.environment["ASSAY_TEST_STORE"] == "postgresql"

    /// For tests of what only an SQLite store has (its file, GRDB-level tampering, file permissions).
    static let sqliteOnly = Testing.ConditionTrait.disabled(
        if: isPostgreSQL, "tests the SQLite file itself; the PostgreSQL run has its own tests")
}

/// A store in a fresh temporary folder (or a fresh PostgreSQL database, see ``StoreUnderTest``), with helpers to
/// fill it.
struct StoreFixture {
    let directory = TemporaryDirectory()
    let store: Store
    /// The PostgreSQL database's name, `nil` for SQLite.
    let database: String?

    init(actor: String = "tester") throws {
        if StoreUnderTest.isPostgreSQL {
            let created = try PostgresCluster.shared().createDatabase(owner: actor)
            let address = StoreAddress(created.connectionString)
            _ = try StoreMigration.migrate(address, actor: actor)
            store = try Store(address: address, actor: actor)
            database = created.name
        } else {
            store = try Store(location: StoreLocation(path: directory.file("assay.sqlite")), actor: actor)
            database = nil
        }
    }

    var path: String { store.location.path }

    /// Rewrites the database behind Assay's back as an attacker with full control of it could: first turning off
    /// what makes the log append-only (SQLite: dropping its triggers; PostgreSQL: a superuser session that fires no
    /// triggers), then running `sql` (identifiers double-quoted, so that both databases read it alike).
    func tamper(_ sql: String) throws {
        if database != nil {
            try execute("SET session_replication_role = replica; " + sql)
        } else {
            try execute(AppendOnlyTriggers.drop + " " + sql)
        }
    }

    /// Runs SQL on the store's database behind Assay's back, as another program would.
    func execute(_ sql: String) throws {
        if let database {
            try PostgresCluster.shared().connect(database: database).execute(sql)
        } else {
            try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
        }
    }

    @discardableResult
    func vendor(_ name: String, country: String = "CN", aliases: [String] = [], parent: String? = nil) throws -> VendorDetails {
        var draft = VendorDraft(name: name)
        draft.country = try CountryCode(country)
        draft.aliases = aliases
        draft.parent = parent
        return try store.addVendor(draft)
    }

    @discardableResult
    func certification(
        _ vendor: String,
        scheme: String = "iso27001",
        number: String? = nil,
        issued: String = "2024-01-01",
        until: String = "2027-01-01"
    ) throws -> CertificationDetails {
        var draft = CertificationDraft(vendor: vendor, scheme: try CertificationScheme(scheme))
        draft.number = number
        draft.issuedOn = try CalendarDate(iso: issued)
        draft.validUntil = try CalendarDate(iso: until)
        return try store.addCertification(draft, asOf: try CalendarDate(iso: "2025-01-01"))
    }
}

func day(_ text: String) throws -> CalendarDate { try CalendarDate(iso: text) }

extension StoreFixture {
    @discardableResult
    func event(
        _ vendor: String,
        _ type: MarketEventType,
        _ jurisdiction: String,
        on announced: String,
        affiliates: Bool = false,
        to end: String? = nil,
        status: MarketEventStatus = .active
    ) throws -> MarketEvent {
        var draft = MarketEventDraft(vendor: vendor, type: type, jurisdiction: try Jurisdiction(jurisdiction),
                                     announcedOn: try PartialDate(parsing: announced))
        draft.appliesToAffiliates = affiliates
        draft.effectiveTo = try end.map { try PartialDate(parsing: $0) }
        draft.status = status
        return try store.addEvent(draft)
    }

    /// Sets every record's creation and update time, so that knowledge cut-offs and outputs are fixed.
    func backdateRecords(to timestamp: String) throws {
        let value = "'" + timestamp.replacingOccurrences(of: "'", with: "''") + "'"
        try execute(
            """
            UPDATE "vendor" SET "createdAt" = \(value), "updatedAt" = \(value);
            UPDATE "certification" SET "createdAt" = \(value), "updatedAt" = \(value);
            UPDATE "marketEvent" SET "createdAt" = \(value), "updatedAt" = \(value);
            UPDATE "certificationStatusChange" SET "recordedAt" = \(value);
            """)
    }
}
