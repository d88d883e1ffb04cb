import AssayCrypto
import AssayStore
import Foundation

/// The records an evidence pack's reports, dossiers and escrow files name, checked against the states its log
/// gives: each must have a live row there, and evidence files and deposit manifests the digest the log states.
struct PackReferences {
    let files: [String: [UInt8]]
    let states: LogRecordStates

    func check(into result: inout PackVerification) {
        for name in files.keys.sorted() {
            guard let bytes = files[name] else { continue }
            let references: [RecordReference]
            do {
                guard let found = try Self.references(in: name, bytes) else { continue }
                references = found
            } catch {
                result.add(name, "cannot be read: \(error)")
                continue
            }
            for reference in references {
                result.recordsChecked += 1
                if states.state(table: reference.entity, id: reference.id) == nil {
                    result.add(
                        name, "names \(reference.entity) #\(reference.id), which has no state in \(PackLayout.log)")
                }
            }
        }
        checkDigests(into: &result)
    }

    /// The records a file names; `nil` for a file that names none.
    private static func references(in name: String, _ bytes: [UInt8]) throws -> [RecordReference]? {
        let decoder = JSONDecoder()
        let data = Data(bytes)
        if name == PackLayout.reportJSON {
            let report = try decoder.decode(AuditReport.self, from: data)
            // `auditLog` references name log entries, which the chain itself covers.
            return (report.findings + report.accepted).flatMap(\.records).filter { $0.entity != "auditLog" }
        }
        if name.hasPrefix("dossiers/") && name.hasSuffix(".json") {
            return dossierReferences(try decoder.decode(Dossier.self, from: data))
        }
        if name.hasPrefix("escrow/verification-") {
            let run = try decoder.decode(EscrowVerification.self, from: data)
            return [RecordReference("escrowVerification", run.id), RecordReference("escrowDeposit", run.depositId)]
        }
        if name.hasPrefix("escrow/deposit-") && !name.hasSuffix(".manifest.json") {
            let deposit = try decoder.decode(EscrowDeposit.self, from: data)
            return [
                RecordReference("escrowDeposit", deposit.id), RecordReference("escrowOffer", deposit.offerId),
                RecordReference("escrowManifest", deposit.id),
            ]
        }
        return nil
    }

    private static func dossierReferences(_ dossier: Dossier) -> [RecordReference] {
        var references = [RecordReference("vendor", dossier.vendor.id)]
        references += dossier.summary.certifications.map { RecordReference("certification", $0.id) }
        let events = dossier.timeline.compactMap(\.event) + dossier.summary.restrictions.flatMap(\.events)
        references += events.map { RecordReference("marketEvent", $0.id) }
        for offer in dossier.summary.escrow {
            references.append(RecordReference("escrowOffer", offer.id))
            for deposit in offer.deposits {
                references.append(RecordReference("escrowDeposit", deposit.id))
                if let run = deposit.lastVerification {
                    references.append(RecordReference("escrowVerification", run.id))
                }
            }
        }
        for escrow in dossier.timeline.compactMap(\.escrow) {
            references.append(RecordReference("escrowOffer", escrow.offerId))
            if let id = escrow.depositId { references.append(RecordReference("escrowDeposit", id)) }
            if let id = escrow.verificationId { references.append(RecordReference("escrowVerification", id)) }
        }
        var seen = Set<String>()
        return references.filter { seen.insert("\($0.entity)#\($0.id)").inserted }
    }

    /// Evidence files must be the bytes of an evidence row, and deposit manifests have the SHA-256 the log states
    /// for their deposit (`manifestSha256`).
    private func checkDigests(into result: inout PackVerification) {
        let evidenceDigests = Set(states.states(in: "evidence").compactMap { Self.field("sha256", of: $0) })
        for name in files.keys.sorted() {
            guard let bytes = files[name], let digest = try? DigestContext.digest(bytes).hex else { continue }
            if name.hasPrefix("evidence/") {
                result.recordsChecked += 1
                if name != PackLayout.evidence(sha256: digest) {
                    result.add(name, "its bytes have SHA-256 \(digest), not the one it is named by")
                } else if !evidenceDigests.contains(digest) {
                    result.add(name, "is not the file of any evidence record in \(PackLayout.log)")
                }
            } else if name.hasPrefix("escrow/deposit-"), name.hasSuffix(".manifest.json"),
                let id = Int64(name.dropFirst("escrow/deposit-".count).dropLast(".manifest.json".count))
            {
                result.recordsChecked += 1
                let stated = states.state(table: "escrowDeposit", id: id).flatMap {
                    Self.field("manifestSha256", of: $0)
                }
                if stated != digest {
                    result.add(name, "is not the manifest \(PackLayout.log) states for deposit #\(id)")
                }
            }
        }
    }

    /// A text field of a row's state (a JSON object).
    private static func field(_ key: String, of state: String) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(state.utf8)) as? [String: Any]
        return object?[key] as? String
    }
}
