import AssayCore
import AssayCrypto

/// A registry entry to import, before matching: what the registry says.
public struct RegistryEntry: Sendable {
    public var recordKey: String
    public var manufacturer: String
    public var product: String
    public var certificateNumber: String?
    public var category: String?
    public var scheme: String?
    public var level: String?
    public var certifiedOn: CalendarDate?
    public var endsOn: CalendarDate?
    public var status: String
    public var url: String?

    public init(recordKey: String, manufacturer: String, product: String, status: String) {
        self.recordKey = recordKey
        self.manufacturer = manufacturer
        self.product = product
        self.status = status
    }

    /// SHA-256 over every field, in a fixed order, separated by a NUL byte, an absent field hashed as U+0001;
    /// `hasher` is reused from entry to entry (a context per entry, and the joined copy, cost as much as the hash).
    func contentHash(with hasher: DigestContext) throws(CryptoError) -> String {
        try contentHash(with: hasher, certifiedOn: certifiedOn?.description, endsOn: endsOn?.description)
    }

    /// ``contentHash(with:)`` with the dates' text already written, as the import also binds it.
    func contentHash(with hasher: DigestContext, certifiedOn: String?, endsOn: String?) throws(CryptoError) -> String {
        try hasher.reset()
        // Field by field where each lies, rather than through an array of them: this runs once per imported row.
        Self.hash(manufacturer, into: hasher, first: true)
        Self.hash(product, into: hasher)
        Self.hash(certificateNumber, into: hasher)
        Self.hash(category, into: hasher)
        Self.hash(scheme, into: hasher)
        Self.hash(level, into: hasher)
        Self.hash(certifiedOn, into: hasher)
        Self.hash(endsOn, into: hasher)
        Self.hash(status, into: hasher)
        Self.hash(url, into: hasher)
        return try hasher.finalize().hex
    }

    /// One field, after the NUL that separates it from the one before unless it is the first.
    private static func hash(_ field: String?, into hasher: DigestContext, first: Bool = false) {
        if !first { withUnsafeBytes(of: UInt8(0)) { hasher.update($0) } }
        var text = field ?? "\u{1}"
        text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
    }
}
