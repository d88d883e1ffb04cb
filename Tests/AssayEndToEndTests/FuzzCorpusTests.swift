import AssayTestSupport
import Foundation
import Testing

/// Replays every fuzzing input kept in `Fuzz/Corpus/TARGET/` (the seeds and each crash that `Scripts/fuzz` found,
/// kept as a regression input) through the ordinary build of `assay-fuzz`: none may crash.
@Suite struct FuzzCorpusTests {
    @Test(arguments: ["manifest", "csv", "x509", "partial-date"])
    func everyKeptInputParsesOrIsRefused(target: String) throws {
        let folder = Paths.packageRoot + "/Fuzz/Corpus/" + target
        let count = try FileManager.default.contentsOfDirectory(atPath: folder).count
        let result = try ChildProcess.run(Paths.product("assay-fuzz"), [target, folder])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "replayed \(count) inputs through \(target)\n")
    }
}
