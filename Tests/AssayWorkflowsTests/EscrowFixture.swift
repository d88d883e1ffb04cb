import AssayCore
import AssayCrypto
import AssayStore
import AssayTestSupport
import Foundation
import Testing

/// A real SQLite store in a temporary folder holding one vendor with an escrow offer, a small source bundle on
/// disk, and Ed25519 keys made by the openssl command line (the vendor's registered key and a stranger's).
struct EscrowFixture {
    let directory = TemporaryDirectory()
    let store: Store
    let offer: EscrowOffer
    /// A folder of three files.
    let bundle: String
    /// The vendor's signing key, registered with the store.
    let vendorKey: PrivateKey
    /// A key nobody registered.
    let strangerKey: PrivateKey

    init() throws {
        // SQLite, or a fresh PostgreSQL database in the PostgreSQL run (see TestDatabase).
        store = try Store(address: StoreAddress(try TestDatabase(in: directory).address), actor: "tester")
        _ = try store.addVendor(VendorDraft(name: "Borealis Telecom"))
        offer = try store.addEscrowOffer(EscrowOfferDraft(vendor: "Borealis Telecom", kind: .agentDeposit))
        bundle = directory.file("source")
        try FileManager.default.createDirectory(atPath: bundle + "/src", withIntermediateDirectories: true)
        try directory.write("source/README", "Borealis base station firmware\n")
        try directory.write("source/src/main.c", "int main(void) { return 0; }\n")
        try directory.write("source/Makefile", "all:\n\tcc -o main src/main.c\n")
        vendorKey = try Self.makeKey(directory.file("vendor.pem"))
        strangerKey = try Self.makeKey(directory.file("stranger.pem"))
        _ = try store.addVendorKey("Borealis Telecom", key: vendorKey.publicKey, label: "release")
    }

    /// Writes `key`'s detached signature over `bytes` to a file named `name` and returns its path.
    func sign(_ bytes: [UInt8], with key: PrivateKey, as name: String) throws -> String {
        let path = directory.file(name)
        try Data(try key.sign(message: bytes)).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes `key`'s public half (DER) to a file named `name` and returns its path.
    func publicKeyFile(_ key: PrivateKey, as name: String) throws -> String {
        let path = directory.file(name)
        try Data(key.publicKey.der).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func makeKey(_ path: String) throws -> PrivateKey {
        let made = try ChildProcess.run("/usr/bin/openssl", ["genpkey", "-algorithm", "ed25519", "-out", path])
        try #require(made.exitCode == 0, "openssl genpkey: \(made.stderr)")
        return try PrivateKey(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}
