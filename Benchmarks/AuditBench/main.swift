// Fills a database through the store API for Scripts/bench-audit:
//   assay-bench-audit DB VENDORS CERTIFICATIONS EVENTS DEPOSITS
// Vendors and certifications go in batches of 10,000 per transaction; events as one import file; escrow offers,
// deposits (all of one small bundle) and verification runs one transaction each, as the commands record them.
// Dates spread around 2026-06-01 so that every audit rule finds something. Prints the seconds taken.
// DB is an SQLite path or a migrated PostgreSQL database's connection string (as `--db` takes).
import AssayBundle
import AssayCore
import AssayStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 6, let vendorCount = Int(arguments[2]), let certificationCount = Int(arguments[3]),
    let eventCount = Int(arguments[4]), let depositCount = Int(arguments[5]), vendorCount > 0
else {
    FileHandle.standardError.write(Data("usage: assay-bench-audit DB VENDORS CERTIFICATIONS EVENTS DEPOSITS\n".utf8))
    exit(64)
}
do {
    // A PostgreSQL store's log names the role that logged in; only an SQLite store's can name the bench.
    let address = StoreAddress(arguments[1])
    let actor: String? = if case .sqlite = address { "bench" } else { nil }
    let store = try Store(address: address, actor: actor)
    // Parsed once: the drafts are the caller's work, not the store's.
    let countries = try ["CN", "US", "DE", "FI", "SE", "KR", "JP", "FR"].map { try CountryCode($0) }
    let schemes = try ["iso27001", "cc", "fips140-3", "soc2", "csa-star", "nesas"].map { try CertificationScheme($0) }
    let base = try CalendarDate(iso: "2024-01-01")
    let start = Date()
    let batch = 10_000
    for first in stride(from: 0, to: vendorCount, by: batch) {
        try store.addVendors(
            (first..<min(first + batch, vendorCount)).map { index in
                var draft = VendorDraft(name: "Vendor \(index)")
                draft.country = countries[index % countries.count]
                draft.tier = index % 4 + 1
                draft.relationship = index % 3 == 0 ? .monitored : .supplier
                if index % 10 != 0 { draft.parent = "Vendor \(index - index % 10)" }
                return draft
            })
    }
    for first in stride(from: 0, to: certificationCount, by: batch) {
        try store.addCertifications(
            (first..<min(first + batch, certificationCount)).map { index in
                var draft = CertificationDraft(
                    vendor: "Vendor \(index % vendorCount)",
                    scheme: schemes[index % schemes.count])
                draft.number = "N-\(index)"
                draft.issuer = "Body \(index % 50)"
                draft.issuedOn = base.adding(days: index % 700)
                draft.validUntil = base.adding(days: 700 + (index * 7919) % 1460)
                return draft
            })
    }
    let jurisdictions = ["US", "EU", "GB", "SE", "AU", "IN"]
    let types = [
        "entity-list-listing", "procurement-ban", "high-risk-vendor-restriction", "investigation",
        "scandal-or-allegation",
    ]
    var csv = "vendor,appliesToAffiliates,jurisdiction,type,announcedOn,effectiveTo,status,sourceRecordId\n"
    for index in 0..<eventCount {
        let announced = base.adding(days: -(index * 37) % 3000)
        let lifted = index % 5 == 0
        csv +=
            "Vendor \((index * 13) % vendorCount),\(index % 4 == 0),\(jurisdictions[index % jurisdictions.count]),"
            + "\(types[index % types.count]),\(announced),\(lifted ? announced.adding(days: 400).description : ""),"
            + "\(lifted ? "lifted" : "active"),BENCH-\(index)\n"
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assay-bench-audit-\(getpid())").path
    try FileManager.default.createDirectory(atPath: folder + "/bundle", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data(csv.utf8).write(to: URL(fileURLWithPath: folder + "/events.csv"))
    _ = try store.importEvents(from: folder + "/events.csv")
    try Data("int main(void) { return 0; }\n".utf8).write(to: URL(fileURLWithPath: folder + "/bundle/main.c"))
    let manifest = try BundleReader.read(at: folder + "/bundle")
    let kinds: [EscrowOfferKind] = [.agentDeposit, .regulatorReview, .customerReview]
    for index in 0..<depositCount {
        var offer = EscrowOfferDraft(vendor: "Vendor \((index * 7) % vendorCount)", kind: kinds[index % kinds.count])
        offer.offeredOn = base.adding(days: index % 500)
        let offerId = try store.addEscrowOffer(offer).id
        if index % 10 == 0 {
            // One more offer in ten that stays without a deposit.
            offer.offeredOn = base
            try store.addEscrowOffer(offer)
        }
        let deposit = try store.recordDeposit(
            offer: offerId, manifest: manifest, label: "v\(index)", sourcePath: folder + "/bundle")
        if index % 3 != 0 {
            try store.recordVerification(
                deposit: deposit.id, bundlePath: folder + "/bundle", outcome: index % 7 == 0 ? .failed : .passed,
                summary: nil)
        }
    }
    print(String(format: "%.3f", Date().timeIntervalSince(start)))
} catch {
    FileHandle.standardError.write(Data("assay-bench-audit: \(error)\n".utf8))
    exit(2)
}
