import AssayStore

extension AmbiguousManufacturer {
    /// The line that reports the name: `ambiguous: 'Cisco Systems, Inc.' fits Cisco Holdings, Cisco Systems; not linked`.
    var line: String {
        "ambiguous: '\(manufacturer)' fits \(vendors.joined(separator: ", ")); not linked\n"
    }
}

/// After a command that adds or renames a vendor: which registry records now link to it, and which fit it and
/// another vendor alike. Says nothing when no registry record concerns the vendor.
enum RegistryLinkLines {
    static func write(_ links: VendorRegistryLinks, vendor: VendorDetails) {
        if links.records > 0 {
            Output.line("\(links.records) registry record\(links.records == 1 ? "" : "s") linked to \(vendor.name)")
        }
        for item in links.ambiguous { Output.text(item.line) }
    }
}
