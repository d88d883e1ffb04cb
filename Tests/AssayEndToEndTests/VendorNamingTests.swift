import AssayTestSupport
import Foundation
import Testing

/// The vendor is named the same way everywhere (issue #11): a positional argument where it is the subject,
/// `--vendor` where it filters; by name, alias or id; a typo answered with "did you mean".
@Suite struct VendorNamingTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: [String]) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    static let filters: [[String]] = [
        ["cert", "list"], ["cert", "reconcile"], ["event", "list"], ["log"], ["escrow", "offer", "list"],
        ["registry", "list"],
    ]

    @Test(arguments: filters)
    func everyFilterTakesVendorByNameAliasOrId(command: [String]) throws {
        try assay(["vendor", "add", "ZTE", "--alias", "ZTE Corporation"])
        for reference in ["ZTE", "zte corporation", "1", "#1"] {
            let run = try assay(command + ["--vendor", reference])
            #expect(run.exitCode == 0, "\(command) --vendor \(reference): \(run.stderr)")
        }
        let typo = try assay(command + ["--vendor", "ZTEE"])
        #expect(typo.exitCode == 2)
        #expect(typo.stderr == "assay: error[store.unknown-vendor]: unknown vendor 'ZTEE' (did you mean 'ZTE'?)\n", "\(command)")
    }

    @Test func reconcileKeepsTheOlderPositionalSpelling() throws {
        try assay(["vendor", "add", "ZTE"])
        #expect(try assay(["cert", "reconcile", "ZTE"]).exitCode == 0)
        let twice = try assay(["cert", "reconcile", "ZTE", "--vendor", "ZTE"])
        #expect(twice.exitCode == 64)
        #expect(twice.stderr.contains("the vendor is given twice: keep --vendor and drop the first argument"))
    }
}
