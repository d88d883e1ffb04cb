import AssayCrypto
import AssayStore
import AssayTestSupport
import Foundation
import Testing

/// The store's checkpoint API, which `assay log checkpoint` and audit reports use.
@Suite struct LogCheckpointStoreTests {
    /// A fresh Ed25519 key made by the OpenSSL command line.
    func key(_ directory: TemporaryDirectory) throws -> PrivateKey {
        let path = directory.file("org.pem")
        let made = try ChildProcess.run("/usr/bin/openssl", ["genpkey", "-algorithm", "ed25519", "-out", path])
        try #require(made.exitCode == 0, "\(made.stderr)")
        return try PrivateKey(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test func theLatestCheckpointIsStoredAndHolds() throws {
        let fixture = try StoreFixture()
        let key = try key(fixture.directory)
        #expect(try fixture.store.latestCheckpoint() == nil)
        #expect { try fixture.store.recordCheckpoint(signingWith: key) } throws: { error in
            (error as? StoreError)?.code == "store.refused"
        }
        try fixture.vendor("ZTE")
        let first = try fixture.store.recordCheckpoint(signingWith: key)
        try fixture.vendor("Huawei")
        let second = try fixture.store.recordCheckpoint(signingWith: key)
        // Storing a checkpoint is itself logged, in the entry after the head it signs.
        #expect(first.seq == 1 && second.seq == 3)
        let entries = try fixture.store.logEntries()
        #expect(entries.map(\.action) == ["vendor.add", "log.checkpoint", "vendor.add", "log.checkpoint"])
        #expect(second.hash == entries[2].hash)
        #expect(try fixture.store.latestCheckpoint() == second)
        #expect(try fixture.store.check(first, key: key.publicKey) == .extended(entries: 4, headSeq: 4))
    }

    @Test func aCheckpointRoundTripsThroughItsFile() throws {
        let fixture = try StoreFixture()
        let key = try key(fixture.directory)
        try fixture.vendor("ZTE")
        let checkpoint = try fixture.store.recordCheckpoint(signingWith: key)
        let read = try LogCheckpoint(json: Array(try checkpoint.jsonText().utf8), path: "cp.json")
        #expect(read == checkpoint)
        var altered = read
        altered.createdAt = "2020-01-01T00:00:00Z"
        #expect(try fixture.store.check(altered, key: key.publicKey) == .badSignature)
    }
}
