import AssayCore
import AssayStore
import AssayTestSupport
import GRDB

/// A store in a fresh temporary folder, with helpers to fill it.
struct StoreFixture {
    let directory = TemporaryDirectory()
    let store: Store

    init(actor: String = "tester") throws {
        store = try Store(location: StoreLocation(path: directory.file("assay.sqlite")), actor: actor)
    }

    var path: String { store.location.path }

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
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE vendor SET createdAt = ?1, updatedAt = ?1", arguments: [timestamp])
            try db.execute(sql: "UPDATE certification SET createdAt = ?1, updatedAt = ?1", arguments: [timestamp])
            try db.execute(sql: "UPDATE marketEvent SET createdAt = ?1, updatedAt = ?1", arguments: [timestamp])
            try db.execute(sql: "UPDATE certificationStatusChange SET recordedAt = ?1", arguments: [timestamp])
        }
    }
}
