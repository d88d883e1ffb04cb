import AssayCore

extension Store {
    /// Changes a claim inside one transaction: `change` edits the claim's current fields (the vendor as `#id`, the
    /// product by name), logged as `cert.edit` with the claim before and after. A new status is recorded in the
    /// status history as effective on `asOf`, with reason `edited`. The claim key stays; a claim cannot be made an
    /// X.509 one, nor an X.509 one another scheme (those come from certificate files).
    @discardableResult
    public func editCertification(
        _ id: Int64,
        asOf: CalendarDate = .today,
        _ change: (inout CertificationDraft) throws(ValueError) -> Void
    ) throws(StoreError) -> CertificationDetails {
        try write { db, log in
            let row = try Self.certificationRow(db, id)
            var draft = try Self.certificationDraft(db, row)
            try StoreError.validating { () throws(ValueError) in try change(&draft) }
            if (draft.scheme.builtin == .x509) != (row.scheme.builtin == .x509) {
                throw StoreError.refused(
                    "certification #\(id) cannot change scheme from \(row.scheme) to \(draft.scheme): X.509 "
                        + "certifications come from certificate files")
            }
            let vendor = try VendorResolver.resolve(db, draft.vendor)
            _ = try Self.updateCertification(
                db, row, to: draft, vendor: vendor, log: log, action: "cert.edit", statusReason: "edited", on: asOf)
            return try Self.details(db, try Self.certificationRow(db, id), asOf: asOf, full: true)
        }
    }

    /// Removes a claim with its status history, logged as `cert.remove` with its last state (evidence and X.509
    /// details included).
    ///
    /// Refused (``StoreError/inUse(entity:name:dependents:)``, naming them) when evidence records or X.509
    /// certificate details depend on the claim, unless `cascade`: then those records go too. Stored evidence files
    /// stay in the evidence folder, since another claim may share them.
    @discardableResult
    public func removeCertification(_ id: Int64, cascade: Bool) throws(StoreError) -> CertificationDetails {
        try write { db, log in
            let row = try Self.certificationRow(db, id)
            let before = try Self.details(db, row, asOf: .today, full: true)
            var dependents: [String] = []
            if let evidence = before.evidence, !evidence.isEmpty {
                dependents.append(evidence.count == 1 ? "1 evidence record" : "\(evidence.count) evidence records")
            }
            if before.x509 != nil { dependents.append("X.509 certificate details") }
            if !dependents.isEmpty, !cascade {
                throw StoreError.inUse(
                    entity: "certification", name: "#\(id)",
                    dependents: "it has " + dependents.joined(separator: " and "))
            }
            try db.run("DELETE FROM \"evidence\" WHERE \"certificationId\" = ?", [id])
            try db.delete(X509Details.self, key: [id])
            try db.run("DELETE FROM \"certificationStatusChange\" WHERE \"certificationId\" = ?", [id])
            try db.delete(Certification.self, key: [id])
            try log.append(
                db, action: "cert.remove", entity: "certification", entityId: id, vendorId: row.vendorId,
                change: Change<CertificationDetails>(before: before))
            return before
        }
    }

    static func certificationRow(_ db: any SQLConnection, _ id: Int64) throws -> Certification {
        guard let row = try db.find(Certification.self, id: id) else {
            throw StoreError.notFound(entity: "certification", id: "\(id)")
        }
        return row
    }
}
