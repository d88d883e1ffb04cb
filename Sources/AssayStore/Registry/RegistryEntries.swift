import AssayCore
import AssayRegistry

extension RegistryEntry {
    /// A Common Criteria portal product. The portal publishes no certificate numbers, so the record is keyed by its
    /// certification report URL, else by product, manufacturer and certification date.
    public init(_ product: CCProduct) {
        let key =
            product.certificationReportURL
            ?? "\(product.name)|\(product.manufacturer)|\(product.certificationDate)"
        self.init(
            recordKey: key, manufacturer: product.manufacturer, product: product.name,
            status: product.listing.rawValue)
        category = product.category
        scheme = product.scheme
        level = product.assuranceLevel?.description
        certifiedOn = product.certificationDate
        endsOn = product.archivedDate
        url = product.certificationReportURL
    }

    /// A CMVP module of the active, historical or revoked list, keyed by its certificate number; certified on its
    /// first validation date. The standard and level are `nil` when the list does not carry them.
    public init(_ module: CMVPModule) {
        self.init(
            recordKey: "\(module.certificateNumber)", manufacturer: module.vendor, product: module.moduleName,
            status: module.status.lowercased())
        certificateNumber = "\(module.certificateNumber)"
        category = module.moduleType
        scheme = module.standard?.rawValue
        level = module.overallLevel.map(String.init)
        certifiedOn = module.validationDates.first
        endsOn = module.sunsetDate
        url =
            "https://csrc.nist.gov/projects/cryptographic-module-validation-program/certificate/\(module.certificateNumber)"
    }
}
