import AssayAudit
import Testing

/// Which `assay` a scheduled job runs, and whether its unit may point at a manual page.
@Suite struct InstalledAssayTests {
    @Test func takesTheFirstExecutableOnThePathLikeCommandV() {
        let executables: Set = ["/opt/assay/bin/assay", "/usr/local/bin/assay"]
        let found = InstalledAssay.binary(
            searchPath: "relative/bin:/usr/bin:/opt/assay/bin/:/usr/local/bin", running: "/home/me/assay",
            isExecutable: executables.contains)
        #expect(found == "/opt/assay/bin/assay")
    }

    @Test func neverNamesABuildFolder() {
        let built = "/work/assay/.build/debug/assay"
        #expect(
            InstalledAssay.binary(searchPath: "/work/assay/.build/debug", running: built, isExecutable: { _ in true })
                == nil)
        #expect(
            InstalledAssay.binary(searchPath: nil, running: "/srv/tools/assay", isExecutable: { _ in false })
                == "/srv/tools/assay")
    }

    @Test func manualPageOnlyWhenInstalled() {
        let page = "/opt/man/man1/assay.1.gz"
        #expect(InstalledAssay.hasManualPage(manPath: "/opt/man", exists: { $0 == page }))
        #expect(!InstalledAssay.hasManualPage(manPath: "/srv/man", exists: { $0 == page }))
        #expect(!InstalledAssay.hasManualPage(manPath: "/opt/man", exists: { _ in false }))
        #expect(InstalledAssay.hasManualPage(manPath: nil, exists: { $0 == "/usr/share/man/man1/assay.1" }))
        #expect(InstalledAssay.hasManualPage(manPath: "/srv/man:", exists: { $0 == "/usr/share/man/man1/assay.1" }))
    }

    @Test func theServiceNamesAManualPageOnlyWhenAsked() {
        var values = ScheduleTemplates.Placeholders.example
        #expect(!ScheduleTemplates.service(values).contains("man:"))
        values.manualPage = true
        #expect(ScheduleTemplates.service(values).contains("\nDocumentation=man:assay(1)\n\n[Service]\n"))
    }
}
