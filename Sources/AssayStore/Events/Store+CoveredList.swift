import AssayCore
import AssayRegistry
import Foundation

/// What importing the FCC Covered List did, or would do in a dry run.
public struct CoveredListImportReport: Codable, Sendable {
    /// The file as named by the user.
    public var path: String
    /// The file's SHA-256, kept in the log.
    public var sha256: String
    /// The table's rows, entity rows and categories alike.
    public var rows: Int
    /// Events added, changed, or already recorded as the list has them.
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// One per entity named by a vendor, with its event.
    public var events: [CoveredListEvent] = []
    /// Entities that no vendor's name or alias fits: listed, never guessed.
    public var unmatched: [CoveredListEntity] = []
    /// Entities that several vendors fit alike: listed, linked to none.
    public var ambiguous: [CoveredListEntity] = []
    /// Rows that name a category of equipment or services, or a heading, rather than a company: no event.
    public var categories: [CoveredListCategory] = []
    /// True when nothing was written.
    public var dryRun: Bool
}

/// The event of one covered entity.
public struct CoveredListEvent: Codable, Sendable, Equatable {
    /// The line the row starts on.
    public var line: Int
    /// The entity as the list names it.
    public var entity: String
    /// The vendor the entity names.
    public var vendor: VendorReference
    /// The event's id (in a dry run, the id it would have).
    public var eventId: Int64
    /// Whether the event was added, changed, or already as the list has it.
    public var change: CoveredListChange
}

/// What an import did to one entity's event.
public enum CoveredListChange: String, Codable, Sendable {
    /// A new event.
    case added
    /// The event's fields changed to what the list now says.
    case updated
    /// The event already said what the list says.
    case unchanged
}

/// An entity not linked to a vendor.
public struct CoveredListEntity: Codable, Sendable, Equatable {
    /// The line the row starts on.
    public var line: Int
    /// The entity as the list names it.
    public var entity: String
    /// The vendors it fits alike, when ambiguous.
    public var vendors: [String]?
}

/// A row that names no company.
public struct CoveredListCategory: Codable, Sendable, Equatable {
    /// The line the row starts on.
    public var line: Int
    /// The row's text as published.
    public var text: String
    /// The row's date, when its date cell holds one.
    public var dateOfInclusion: CalendarDate?
}

extension Store {
    /// The FCC's page for the Covered List, given as each event's source.
    public static let coveredListURL = "https://www.fcc.gov/supplychain/coveredlist"

    /// Records each entity of the FCC Covered List that names a vendor as an equipment-authorization ban (US, FCC,
    /// Covered List, extending to affiliates, announced on the date of inclusion, scoped by the row's limitation),
    /// in one transaction. Entities are linked to vendors by ``VendorLinker``'s rules: unmatched or ambiguous ones
    /// are reported, never guessed. Each event's source record id (the date of inclusion and the entity's
    /// normalised name: `fcc-covered-list:2021-03-12:huawei-technologies`) makes a re-import update or leave it, so
    /// importing the same list twice changes nothing and writes nothing. The import is logged with the file's
    /// SHA-256 (`registry.import`) beside each event's `event.add` or `event.edit`.
    public func importCoveredList(
        _ entries: [CoveredListEntry],
        path: String,
        sha256: String,
        dryRun: Bool
    ) throws(StoreError) -> CoveredListImportReport {
        try write(commit: { !dryRun && $0.added + $0.updated > 0 }) { db, log in
            var report = CoveredListImportReport(path: path, sha256: sha256, rows: entries.count, dryRun: dryRun)
            var linker = try VendorLinker(db)
            var seen: [String: Int] = [:]
            for entry in entries {
                guard let date = entry.dateOfInclusion, !entry.isCategory else {
                    report.categories.append(
                        CoveredListCategory(
                            line: entry.line, text: entry.description, dateOfInclusion: entry.dateOfInclusion))
                    continue
                }
                for entity in entry.entityCandidates {
                    var sourceRecordId =
                        "fcc-covered-list:\(date):"
                        + VendorNameNormalizer.key(entity).replacingOccurrences(of: " ", with: "-")
                    // The same entity twice on one day: numbered in the order of the list.
                    let occurrence = seen[sourceRecordId, default: 0] + 1
                    seen[sourceRecordId] = occurrence
                    if occurrence > 1 { sourceRecordId += "#\(occurrence)" }
                    let vendorId: Int64
                    switch try linker.link(db, entity) {
                    case .vendor(let id):
                        vendorId = id
                    case .ambiguous(let vendors):
                        report.ambiguous.append(CoveredListEntity(line: entry.line, entity: entity, vendors: vendors))
                        continue
                    case .none:
                        report.unmatched.append(CoveredListEntity(line: entry.line, entity: entity))
                        continue
                    }
                    guard let vendor = try db.find(Vendor.self, id: vendorId) else {
                        throw StoreError.database("vendor #\(vendorId) vanished during the import")
                    }
                    let draft = try Self.coveredListDraft(entry, date: date, vendor: vendor.name, id: sourceRecordId)
                    let event: MarketEvent
                    let change: CoveredListChange
                    if let existing = try Self.matchingEvent(db, draft, vendorId: vendorId)
                        ?? Self.unsourcedListing(db, draft, vendorId: vendorId)
                    {
                        if let updated = try Self.updateEvent(db, existing, to: draft, vendor: vendor, log: log) {
                            (event, change) = (updated, .updated)
                        } else {
                            (event, change) = (try Self.eventDetails(db, existing), .unchanged)
                        }
                    } else {
                        (event, change) = (try Self.insertEvent(db, draft, vendor: vendor, log: log), .added)
                    }
                    switch change {
                    case .added: report.added += 1
                    case .updated: report.updated += 1
                    case .unchanged: report.unchanged += 1
                    }
                    report.events.append(
                        CoveredListEvent(
                            line: entry.line, entity: entity, vendor: event.vendor, eventId: event.id, change: change))
                }
            }
            try log.append(
                db, action: "registry.import", entity: "fccCoveredList", entityId: sha256, vendorId: nil,
                change: Change<CoveredListImportReport>(after: report))
            return report
        }
    }

    /// The same listing recorded by hand (an FCC equipment-authorization ban of the vendor announced that day, with no
    /// source record id), which the import then takes over rather than recording the listing twice.
    private static func unsourcedListing(_ db: any SQLConnection, _ draft: MarketEventDraft, vendorId: Int64) throws
        -> MarketEventRecord?
    {
        var arguments: [any SQLValueConvertible] = [vendorId, draft.type, draft.jurisdiction, draft.announcedOn]
        var authority = "\"authority\" IS NULL"
        if let named = draft.authority {
            authority = "\"authority\" = ?"
            arguments.append(named)
        }
        return try db.one(
            MarketEventRecord.self,
            """
            SELECT * FROM "marketEvent"
            WHERE "vendorId" = ? AND "type" = ? AND "jurisdiction" = ? AND "announcedOn" = ?
                AND "sourceRecordId" IS NULL AND \(authority)
            ORDER BY "id" LIMIT 1
            """, arguments)
    }

    /// The event a covered entity's row describes.
    private static func coveredListDraft(
        _ entry: CoveredListEntry, date: CalendarDate, vendor: String, id: String
    ) throws -> MarketEventDraft {
        var draft = MarketEventDraft(
            vendor: vendor, type: .equipmentAuthorizationBan, jurisdiction: try Jurisdiction("US"),
            announcedOn: PartialDate(date))
        draft.appliesToAffiliates = true
        draft.authority = "FCC"
        draft.program = "Covered List"
        draft.scope = entry.scopeLimitation
        draft.sourceUrl = coveredListURL
        draft.sourceRecordId = id
        let updates = entry.updatedOn.map(\.description).joined(separator: ", ")
        draft.notes = entry.description + (updates.isEmpty ? "" : " (updated \(updates))")
        return draft
    }
}
