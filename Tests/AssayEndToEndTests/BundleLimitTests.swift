import AssayTestSupport
import Foundation
import Testing

/// `--max-entries` and `--max-bytes` change the resource limits of every command that reads a bundle; exceeding one
/// is an error naming the flag that raises it.
@Suite struct BundleLimitTests {
    let directory = TemporaryDirectory()

    /// A folder of three files of 100 bytes: three entries, 300 bytes.
    func tree() throws -> String {
        try FileManager.default.createDirectory(atPath: directory.file("tree"), withIntermediateDirectories: true)
        for index in 0..<3 { try directory.write("tree/f\(index).txt", String(repeating: "x", count: 100)) }
        return directory.file("tree")
    }

    @Test func maxEntriesRefusesALargerTreeAndNamesTheFlag() throws {
        let tree = try tree()
        let refused = try AssayProcess.run(["bundle", "hash", tree, "--max-entries", "2"])
        #expect(refused.exitCode == 2)
        #expect(
            refused.stderr
                == "assay: error[bundle.limit-exceeded]: \(tree): resource limit exceeded: more than 2 entries "
                + "(--max-entries raises it)\n")
        let allowed = try AssayProcess.run(["bundle", "hash", tree, "--max-entries", "3", "-o", "/dev/null"])
        #expect(allowed.exitCode == 0, "\(allowed.stderr)")
    }

    @Test func maxBytesTakesUnitsAndRefusesALargerTree() throws {
        let tree = try tree()
        let refused = try AssayProcess.run(["bundle", "hash", tree, "--max-bytes", "250"])
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.contains("more than 250 bytes (--max-bytes raises it)"))
        let allowed = try AssayProcess.run(["bundle", "hash", tree, "--max-bytes", "1K", "-o", "/dev/null"])
        #expect(allowed.exitCode == 0, "\(allowed.stderr)")
        let manifest = directory.file("m.json")
        #expect(try AssayProcess.run(["bundle", "hash", tree, "-o", manifest]).exitCode == 0)
        let verify = try AssayProcess.run(["bundle", "verify", tree, "--manifest", manifest, "--max-bytes", "0.5G"])
        #expect(verify.exitCode == 2)
        #expect(verify.stderr.contains("invalid size '0.5G'"), "\(verify.stderr)")
    }
}
