import AssayAudit
import AssayCore
import AssayStore

/// An evidence pack as a user asks for it: which vendors, as of which day, signed with which key, written where.
public struct EvidencePackRequest: Sendable {
    /// Vendors to include (name, alias or id); empty for every vendor.
    public var vendors: [String]
    /// The day the report and the dossiers describe.
    public var asOf: CalendarDate
    /// The organisation's private key file (PEM or DER, unencrypted).
    public var keyFile: String
    /// The tar file to write.
    public var outputFile: String
    /// The audit policy file; `nil` for the built-in policy.
    public var policyFile: String?

    /// A pack of `vendors` (every vendor when empty) as of `asOf`, signed with the key in `keyFile`.
    public init(vendors: [String], asOf: CalendarDate, keyFile: String, outputFile: String, policyFile: String?) {
        self.vendors = vendors
        self.asOf = asOf
        self.keyFile = keyFile
        self.outputFile = outputFile
        self.policyFile = policyFile
    }

    /// Reads the key and the policy, then opens the store and writes the pack (see ``EvidencePack``): a log that
    /// does not verify is never packed.
    public func run(opening openStore: StoreOpening) throws -> EvidencePack.Written {
        let key = try KeyFile.privateKey(at: keyFile)
        let pack = EvidencePack(vendors: vendors, asOf: asOf, policy: try PolicyFile.load(policyFile))
        return try pack.write(from: try openStore(.readWrite), signingWith: key, to: outputFile)
    }
}
