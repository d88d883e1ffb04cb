import AssayCore
import AssayStore
import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

/// A store in a fresh temporary folder, with a supplier of tier 1 that holds no ISO 27001 certification (one high
/// required-scheme-missing finding under the built-in policy), and helpers the workflow tests share.
final class WorkflowFixture {
    let directory = TemporaryDirectory()
    let store: Store
    /// The store's accesses asked for through ``opening``, in order.
    private(set) var openings: [Store.Access] = []

    init() throws {
        // SQLite, or a fresh PostgreSQL database in the PostgreSQL run (see TestDatabase).
        store = try Store(address: StoreAddress(try TestDatabase(in: directory).address), actor: "tester")
        var draft = VendorDraft(name: "Acme Networks")
        draft.relationship = .supplier
        draft.tier = 1
        _ = try store.addVendor(draft)
    }

    /// Hands the store to a workflow, noting the access it asked for.
    var opening: StoreOpening {
        { [self] access in
            openings.append(access)
            return store
        }
    }

    /// An Ed25519 key pair made by the openssl command: the private and the public key file.
    func keyPair(_ name: String) throws -> (privateKey: String, publicKey: String) {
        let (key, pub) = (directory.file("\(name).pem"), directory.file("\(name).pub"))
        #expect(
            try ChildProcess.run("/usr/bin/openssl", ["genpkey", "-algorithm", "ed25519", "-out", key]).exitCode == 0)
        #expect(try ChildProcess.run("/usr/bin/openssl", ["pkey", "-in", key, "-pubout", "-out", pub]).exitCode == 0)
        return (key, pub)
    }

    /// The file's text, `nil` when there is none.
    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A day from its ISO text, for literals known to be valid.
func day(_ text: String) throws -> CalendarDate { try CalendarDate(iso: text) }
