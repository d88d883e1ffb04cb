import AssayCore
import AssayStore
import Foundation

// The writer of the concurrency test (Tests/AssayEndToEndTests/ConcurrencyTests.swift): one process making
// COUNT changes to the store at DB (an SQLite path or a PostgreSQL connection string) through the Store API, each its own transaction with its audit-log entry,
// exactly as COUNT separate `assay vendor add` / `cert add` / `event add` commands would (without paying for
// COUNT process launches). Changes cycle vendor, certification, event; names carry the writer's number.
//
//     assay-stress-driver DB WRITER COUNT
//
// Exits 0 when every change was committed; otherwise prints `error: …` (the store's one-line message) and exits 2.

func change(_ store: Store, writer: String, index: Int) throws {
    let vendor = "W\(writer)-V\(index / 3)"
    switch index % 3 {
    case 0:
        var draft = VendorDraft(name: vendor)
        draft.country = try CountryCode("CN")
        _ = try store.addVendor(draft)
    case 1:
        var draft = CertificationDraft(vendor: vendor, scheme: try CertificationScheme("iso27001"))
        draft.number = "N-\(writer)-\(index)"
        draft.validUntil = try CalendarDate(iso: "2030-01-01")
        _ = try store.addCertification(draft, asOf: try CalendarDate(iso: "2025-01-01"))
    default:
        let draft = MarketEventDraft(
            vendor: vendor, type: .procurementBan, jurisdiction: try Jurisdiction("US"),
            announcedOn: try PartialDate(parsing: "2020-01-01"))
        _ = try store.addEvent(draft)
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: assay-stress-driver DB WRITER COUNT\n".utf8))
    exit(64)
}
do {
    let address = StoreAddress(arguments[1])
    // A PostgreSQL store's log names the role that logged in; an SQLite store's, the writer.
    let actor: String?
    if case .sqlite = address { actor = "writer-\(arguments[2])" } else { actor = nil }
    let store = try Store(address: address, actor: actor)
    for index in 0..<count {
        try change(store, writer: arguments[2], index: index)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}
