import AssayTestSupport
import Foundation
import Testing

/// One duration syntax for every option that takes one (issue #11): `mo` is months, `min` minutes, `m` refused.
@Suite struct DurationOptionTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    @Test func expiringWithinCountsCalendarMonths() throws {
        try assay("vendor", "add", "ZTE")
        for (number, until) in [("A", "2027-05-31"), ("B", "2027-06-01"), ("C", "2027-06-02")] {
            try assay("cert", "add", "ZTE", "--scheme", "iso27001", "--number", number, "--valid-until", until)
        }
        let listed = try assay(
            "cert", "list", "--expiring-within", "6mo", "--as-of", "2026-12-01", "--format", "csv")
        #expect(listed.exitCode == 0)
        #expect(
            listed.stdout.split(separator: "\r\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false)[4]
            } == ["A", "B"])
    }

    @Test func mAloneIsRefusedByEveryDurationOption() throws {
        let list = try assay("cert", "list", "--expiring-within", "6m")
        #expect(list.exitCode == 2)
        #expect(
            list.stderr
                == "assay: error[value.ambiguous-unit]: --expiring-within: ambiguous duration '6m': write 'mo' for months or 'min' for "
                + "minutes\n"
        )
        let watch = try assay("audit", "watch", "--every", "6m", "--out", directory.file("reports"))
        #expect(watch.exitCode == 64)
        #expect(watch.stderr.contains("--every: ambiguous duration '6m': write 'mo' for months or 'min' for minutes"))
    }

    @Test func eachOptionRefusesTheOtherKindOfUnit() throws {
        let list = try assay("cert", "list", "--expiring-within", "12h")
        #expect(list.exitCode == 2)
        #expect(list.stderr.hasPrefix("assay: error[value.span]: --expiring-within: invalid span of days '12h': expected days,"))
        let watch = try assay("audit", "watch", "--every", "1mo", "--out", directory.file("reports"))
        #expect(watch.exitCode == 64)
        #expect(watch.stderr.contains("--every: invalid interval '1mo': expected a positive number of seconds"))
    }
}
