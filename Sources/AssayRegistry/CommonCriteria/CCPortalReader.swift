import AssayCore
/// Reads the Common Criteria portal's certified-products CSV, streaming, one product at a time.
///
/// The layout is the portal's own: Windows-1252 text, MM/DD/YYYY dates, and one row per maintenance
/// update, the product columns repeated. Consecutive rows for the same certificate become one
/// ``CCProduct`` with several ``CCProduct/maintenanceUpdates``.
public struct CCPortalReader {
    /// The columns of the portal's file, in its order.
    public static let columns = [
        "Category", "Name", "Manufacturer", "Scheme", "Assurance Level", "Protection Profile(s)",
        "Certification Date", "Archived Date", "Certification Report URL", "Security Target URL",
        "Maintenance Date", "Maintenance Title", "Maintenance Report", "Maintenance ST",
    ]
    private static let usDate = "MM/DD/YYYY"

    private var table: CSVTable
    private let listing: CCListing
    private var pending: CCProduct?
    /// Parsed forms of the few distinct assurance levels and protection-profile lists, which repeat on every row.
    private var assuranceLevels: [String: AssuranceLevel?] = [:]
    private var protectionProfiles: [String: [String]] = [:]

    /// Reads a portal file; `listing` defaults to archived when the file name says so.
    public init(path: String, listing: CCListing? = nil) throws(RegistryError) {
        let isArchived = path.split(separator: "/").last?.lowercased().contains("archived") ?? false
        try self.init(reader: CSVReader(path: path), listing: listing ?? (isArchived ? .archived : .active))
    }

    /// Reads a portal file already in memory.
    public init(reader: CSVReader, listing: CCListing) throws(RegistryError) {
        table = try CSVTable(reader: reader, encoding: .windows1252, required: Self.columns)
        self.listing = listing
    }

    /// The next product, or `nil` at the end of the file.
    public mutating func next() throws(RegistryError) -> CCProduct? {
        while let row = try table.next() {
            let (product, update) = try parse(row)
            guard var current = pending else {
                pending = product
                continue
            }
            if current.isSameCertificate(as: product) {
                current.maintenanceUpdates += update.map { [$0] } ?? []
                pending = current
                continue
            }
            pending = product
            return current
        }
        defer { pending = nil }
        return pending
    }

    /// Every product in the file.
    public mutating func readAll() throws(RegistryError) -> [CCProduct] {
        var products: [CCProduct] = []
        while let product = try next() { products.append(product) }
        return products
    }

    private mutating func parse(_ row: CSVRow) throws(RegistryError) -> (CCProduct, CCMaintenanceUpdate?) {
        let update = try maintenanceUpdate(row)
        let assuranceText = try row.string("Assurance Level")
        let assuranceLevel = assuranceLevels[assuranceText] ?? AssuranceLevel(portalText: assuranceText)
        assuranceLevels[assuranceText] = assuranceLevel
        let profilesText = try row.string("Protection Profile(s)")
        let profiles =
            protectionProfiles[profilesText]
            ?? profilesText.split(separator: ",")
            .map { HTMLEntities.decode(String($0.trimmingASCIISpaces)) }.filter { !$0.isEmpty }
        protectionProfiles[profilesText] = profiles
        let product = CCProduct(
            category: HTMLEntities.decode(try row.string("Category")),
            name: HTMLEntities.decode(try row.required("Name")),
            manufacturer: HTMLEntities.decode(try row.required("Manufacturer")),
            scheme: try row.required("Scheme"),
            assuranceLevel: assuranceLevel,
            protectionProfiles: profiles,
            certificationDate: try row.date("Certification Date", format: Self.usDate) { CalendarDate(us: $0) },
            archivedDate: try row.optionalDate("Archived Date", format: Self.usDate) { CalendarDate(us: $0) },
            certificationReportURL: try row.optional("Certification Report URL"),
            securityTargetURL: try row.optional("Security Target URL"),
            maintenanceUpdates: update.map { [$0] } ?? [],
            listing: listing,
            line: row.line
        )
        return (product, update)
    }

    private func maintenanceUpdate(_ row: CSVRow) throws(RegistryError) -> CCMaintenanceUpdate? {
        guard let date = try row.optionalDate("Maintenance Date", format: Self.usDate, { CalendarDate(us: $0) }) else {
            return nil
        }
        return CCMaintenanceUpdate(
            date: date,
            title: HTMLEntities.decode(try row.string("Maintenance Title")),
            reportURL: try row.optional("Maintenance Report"),
            securityTargetURL: try row.optional("Maintenance ST")
        )
    }
}
