import AssayCore
import AssayCrypto
import Foundation

/// One certificate to register, read from a file.
public struct X509Import: Sendable {
    public var certificate: Certificate
    /// The file it was read from.
    public var file: String
    /// The vendor's name, alias or id.
    public var vendor: String

    public init(certificate: Certificate, file: String, vendor: String) {
        self.certificate = certificate
        self.file = file
        self.vendor = vendor
    }
}

/// What an X.509 import did with each certificate.
public struct X509ImportResult: Codable, Sendable {
    /// The certification id the certificate is registered as.
    public var certificationId: Int64
    public var fingerprint: String
    public var subject: String
    /// `added`, or `unchanged` when the same certificate (by fingerprint) was already registered.
    public var outcome: String
    public var weaknesses: [String]
}

extension Store {
    /// Registers certificates as certifications of scheme `x509` for their vendors, in one transaction.
    /// A certificate already registered (same SHA-256 fingerprint) is left as it is and reported `unchanged`.
    public func importX509(_ imports: [X509Import]) throws(StoreError) -> [X509ImportResult] {
        try write { db, log in
            try imports.map { item in
                let vendor = try VendorResolver.resolve(db, item.vendor)
                let certificate = item.certificate
                let fingerprint = certificate.fingerprint.hex
                if let existing = try db.one(
                    X509Details.self, #"SELECT * FROM "x509Certificate" WHERE "fingerprint" = ?"#, [fingerprint])
                {
                    return X509ImportResult(
                        certificationId: existing.certificationId, fingerprint: fingerprint, subject: existing.subject,
                        outcome: "unchanged", weaknesses: existing.weaknesses)
                }
                var draft = CertificationDraft(
                    vendor: "#\(try Self.id(of: vendor))", scheme: try CertificationScheme("x509"))
                draft.number = certificate.serialNumber
                draft.issuer = certificate.issuer
                draft.scope = certificate.subject
                draft.issuedOn = CalendarDate(certificate.notBefore)
                draft.validUntil = CalendarDate(certificate.notAfter)
                let added = try Self.insertCertification(db, draft, vendor: vendor, log: log, asOf: .today)
                let details = X509Details(
                    certificationId: added.id, fingerprint: fingerprint, subject: certificate.subject,
                    issuer: certificate.issuer, serialNumber: certificate.serialNumber,
                    notBefore: certificate.notBeforeISO8601, notAfter: certificate.notAfterISO8601,
                    signatureAlgorithm: certificate.signatureAlgorithm,
                    keyAlgorithm: certificate.publicKey.algorithm, keyBits: certificate.publicKey.bits,
                    dnsNames: certificate.dnsNames, weaknesses: certificate.weaknesses.map(\.description),
                    sourceFile: item.file)
                try db.insert(details)
                try log.append(
                    db, action: "cert.import-x509", entity: "x509Certificate", entityId: added.id,
                    vendorId: added.vendor.id, change: Change<X509Details>(after: details))
                return X509ImportResult(
                    certificationId: added.id, fingerprint: fingerprint, subject: certificate.subject,
                    outcome: "added", weaknesses: details.weaknesses)
            }
        }
    }

    static func x509(_ db: any SQLConnection, certificationId: Int64) throws -> X509Details? {
        try db.find(X509Details.self, key: [certificationId])
    }
}
