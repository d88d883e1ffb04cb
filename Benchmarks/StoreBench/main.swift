// Fills a database through the store API, for Scripts/bench-store:
//   assay-bench-store DB VENDORS CERTIFICATIONS
// prints the seconds the inserts took. Vendors and certifications go in batches of one transaction each.
// DB is an SQLite path or a migrated PostgreSQL database's connection string (as `--db` takes).
import AssayCore
import AssayStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4, let vendorCount = Int(arguments[2]), let certificationCount = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: assay-bench-store DB VENDORS CERTIFICATIONS\n".utf8))
    exit(64)
}
do {
    // A PostgreSQL store's log names the role that logged in; only an SQLite store's can name the bench.
    let address = StoreAddress(arguments[1])
    let actor: String? = if case .sqlite = address { "bench" } else { nil }
    let store = try Store(address: address, actor: actor)
    // Parsed once: the drafts are the caller's work, not the store's.
    let schemes = try ["iso27001", "cc", "fips140-3", "soc2", "csa-star", "nesas"].map { try CertificationScheme($0) }
    let countries = try ["CN", "US", "DE", "FI", "SE", "KR", "JP", "FR"].map { try CountryCode($0) }
    let base = try CalendarDate(iso: "2024-01-01")
    let start = Date()
    let batch = 10_000
    for first in stride(from: 0, to: vendorCount, by: batch) {
        try store.addVendors((first..<min(first + batch, vendorCount)).map { index in
            var draft = VendorDraft(name: "Vendor \(index)")
            draft.country = countries[index % countries.count]
            draft.aliases = ["V\(index) Ltd."]
            return draft
        })
    }
    for first in stride(from: 0, to: certificationCount, by: batch) {
        try store.addCertifications((first..<min(first + batch, certificationCount)).map { index in
            var draft = CertificationDraft(vendor: "Vendor \(index % vendorCount)", scheme: schemes[index % schemes.count])
            draft.number = "N-\(index)"
            draft.issuer = "Body \(index % 50)"
            draft.issuedOn = base.adding(days: index % 700)
            draft.validUntil = base.adding(days: 700 + (index * 7919) % 1460)
            return draft
        })
    }
    print(String(format: "%.3f", Date().timeIntervalSince(start)))
} catch {
    FileHandle.standardError.write(Data("assay-bench-store: \(error)\n".utf8))
    exit(2)
}
