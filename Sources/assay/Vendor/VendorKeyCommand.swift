import ArgumentParser
import AssayCrypto
import AssayStore
import AssayWorkflows

/// `assay vendor key …`
struct VendorKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Register and list vendors' public keys for signed manifests.",
        subcommands: [VendorKeyAdd.self, VendorKeyList.self]
    )
}

/// `assay vendor key add VENDOR KEY.pem`
struct VendorKeyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a vendor's public key (Ed25519, ECDSA P-256/P-384; PEM or DER).",
        discussion: "A private key is refused and never stored."
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @Argument(help: "The public key file.")
    var keyFile: String

    @Option(help: "A label for the key, such as its role or validity.")
    var label: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let key = try SignatureCheck.keys([keyFile])[0]
        let added = try store.open().addVendorKey(vendor, key: key, label: label)
        if output.format == .table {
            Output.line("Registered \(added.type) key \(added.fingerprint) for \(added.vendor.name)")
        } else {
            try Output.emit([added], format: output.format) { VendorKeyList.table([added]) }
        }
    }
}

/// `assay vendor key list VENDOR`
struct VendorKeyList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a vendor's public keys.")

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let keys = try store.open(.readOnly).vendorKeys(vendor)
        try Output.emit(keys, format: output.format) { Self.table(keys) }
    }

    static func table(_ keys: [VendorKey]) -> TextTable {
        var table = TextTable("ID", "VENDOR", "TYPE", "FINGERPRINT (SHA-256)", "LABEL", "ADDED")
        for key in keys { table.add("\(key.id)", key.vendor.name, key.type, key.fingerprint, key.label, key.addedAt) }
        return table
    }
}
