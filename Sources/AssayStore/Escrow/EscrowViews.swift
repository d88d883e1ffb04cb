import AssayBundle
import AssayCore

/// An escrow offer as shown by `escrow offer show|list`.
public struct EscrowOffer: Codable, Sendable, Equatable {
    public var id: Int64
    public var vendor: VendorReference
    public var kind: EscrowOfferKind
    /// The escrow agent, or who reviews the code.
    public var agent: String?
    public var terms: String?
    public var offeredOn: CalendarDate?
    /// Where the offer is documented (a URL).
    public var source: String?
    public var notes: String?
    public var createdAt: String
    /// How many deposits were made under the offer.
    public var deposits: Int
}

/// What a new offer is made of.
public struct EscrowOfferDraft: Sendable {
    /// The vendor's name, alias or id.
    public var vendor: String
    public var kind: EscrowOfferKind
    public var agent: String?
    public var terms: String?
    public var offeredOn: CalendarDate?
    public var source: String?
    public var notes: String?

    public init(vendor: String, kind: EscrowOfferKind) {
        self.vendor = vendor
        self.kind = kind
    }
}

/// A deposit: what was hashed, when, and how it has verified since.
public struct EscrowDeposit: Codable, Sendable, Equatable {
    public var id: Int64
    public var offerId: Int64
    public var vendor: VendorReference
    /// The version or label the depositor gave.
    public var label: String?
    /// Where the bundle was read from at deposit time (the bundle itself is not copied).
    public var sourcePath: String
    public var algorithm: String
    public var bundleDigest: String
    public var files: Int
    public var directories: Int
    public var symlinks: Int
    public var bytes: Int64
    /// The archive's single top-level folder that was stripped, if any.
    public var strippedPrefix: String?
    /// How many findings reading the bundle raised.
    public var findings: Int
    /// SHA-256 of the stored canonical manifest.
    public var manifestSha256: String
    /// Fingerprint of the vendor key whose signature over the manifest was checked at deposit.
    public var signerKey: String?
    public var depositedAt: String
    /// The latest verification run, if any.
    public var lastVerification: EscrowVerification?
}

/// One verification run of a bundle against a deposit.
public struct EscrowVerification: Codable, Sendable, Equatable {
    public var id: Int64
    public var depositId: Int64
    public var verifiedAt: String
    public var actor: String
    public var bundlePath: String
    public var outcome: VerificationOutcome
    /// Counts per kind of difference (absent when the bundle could not be read).
    public var summary: VerificationReport.Summary?
    /// Why the run ended in error.
    public var error: String?
    /// Fingerprint of the vendor key whose signature was checked.
    public var signerKey: String?
    public var toolVersion: String
}

/// A vendor's registered public key.
public struct VendorKey: Codable, Sendable, Equatable {
    public var id: Int64
    public var vendor: VendorReference
    /// Ed25519, ECDSA-P256, ECDSA-P384 or RSA.
    public var type: String
    /// SHA-256 of the DER SubjectPublicKeyInfo.
    public var fingerprint: String
    /// The key in PEM.
    public var publicKey: String
    public var label: String?
    public var addedAt: String
}
