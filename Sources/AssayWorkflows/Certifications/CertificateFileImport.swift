import AssayCrypto
public import AssayStore

/// `cert import-x509`: reads X.509 certificate files (PEM or DER, one or many certificates each) and registers
/// every certificate as a certification of scheme x509, all in one transaction, once every file has been read.
public enum CertificateFileImport {
    /// Reads `files`, then registers their certificates for `vendor` (name, alias or id) or, when it is `nil`, for
    /// the vendor each certificate's subject names with `O=`. `store` is opened only once every file has been
    /// read, so that a file that cannot be read leaves no database behind.
    ///
    /// - Throws: ``WorkflowError/crypto(path:_:)`` for a file that holds no certificate (saying what it holds),
    ///   ``WorkflowError/noOrganization(file:subject:)`` when no vendor is given and a subject names none, and the
    ///   store's errors (an unknown vendor); nothing is registered then.
    public static func run(_ files: [String], vendor: String?, store: () throws -> Store) throws
        -> [X509ImportResult]
    {
        var imports: [X509Import] = []
        for file in files {
            let parsed: CertificateFile
            do {
                parsed = try CertificateFile(contentsOf: file)
            } catch {
                throw WorkflowError.crypto(path: file, error)
            }
            for certificate in parsed.certificates {
                guard let owner = vendor ?? DistinguishedName(certificate.subject).organization else {
                    throw WorkflowError.noOrganization(file: file, subject: certificate.subject)
                }
                imports.append(X509Import(certificate: certificate, file: file, vendor: owner))
            }
        }
        return try store().importX509(imports)
    }
}
