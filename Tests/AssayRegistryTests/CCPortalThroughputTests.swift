import AssayRegistry
import Foundation
import Testing

/// The CC portal reader must keep up with 50,000 rows/s on a 100,000-row file. Opt-in, and meaningful only in
/// a release build: `ASSAY_BENCH=1 swift test -c release --filter CCPortalThroughputTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ASSAY_BENCH"] == "1", "set ASSAY_BENCH=1 to run"))
struct CCPortalThroughputTests {
    @Test func hundredThousandRows() throws {
        let path = FileManagerTemp.file("cc-100k.csv")
        var bytes = Array(CCPortalTests.header.utf8)
        bytes.reserveCapacity(70_000_000)
        for index in 0..<100_000 {
            let product = index / 2
            bytes += Array(
                ("\"Network and Network-Related Devices and Systems\",\"Product \(product) Caf").utf8)
            bytes.append(0xE9)
            bytes += Array(
                ("\",\"Manufacturer \(product % 997) Co., Ltd.\",\"DE\",\"EAL4+,ALC_FLR.2,AVA_VAN.5\",\"PP_NDcPP_V2.2E, PP_FW_V1.4\","
                    + "\"06/15/2020\",\"06/15/2025\",\"https://www.commoncriteriaportal.org/files/epfiles/cr-\(product).pdf\","
                    + "\"https://www.commoncriteriaportal.org/files/epfiles/st-\(product).pdf\",\"0\(1 + index % 9)/01/2021\","
                    + "\"Product \(product) w&#x2f; update \(index % 2)\",\"https://www.commoncriteriaportal.org/files/epfiles/mr-\(index).pdf\","
                    + "\"https://www.commoncriteriaportal.org/files/epfiles/mst-\(index).pdf\"\r\n").utf8)
        }
        try FileManagerTemp.write(bytes, to: path)
        let clock = ContinuousClock()
        var products = 0
        let elapsed = try clock.measure {
            var reader = try CCPortalReader(path: path)
            while try reader.next() != nil { products += 1 }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = 100_000 / seconds
        print("CC portal: 100000 rows (\(bytes.count) bytes) in \(seconds) s = \(Int(rate)) rows/s")
        #expect(products == 50_000)
        #expect(rate >= 50_000, "measure a release build: ASSAY_BENCH=1 swift test -c release")
    }
}
