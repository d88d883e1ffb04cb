#if FUZZING
    import CLibFuzzer
    import Foundation

    /// The target named by `ASSAY_FUZZ_TARGET`, read once (libFuzzer's command line has no room for it).
    let fuzzTarget = ProcessInfo.processInfo.environment["ASSAY_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))

    /// Runs one input through the target; libFuzzer's runtime needs this symbol even when its driver is given it.
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        fuzzTarget?.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    /// The libFuzzer build (`Scripts/fuzz`: `-DFUZZING -sanitize=fuzzer,address`): hands the command line to
    /// libFuzzer's driver, which calls the target with each input it generates.
    @main
    enum FuzzMain {
        static func main() {
            guard fuzzTarget != nil else {
                FileHandle.standardError.write(Data("assay-fuzz: set ASSAY_FUZZ_TARGET (see Scripts/fuzz)\n".utf8))
                exit(64)
            }
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        }
    }
#endif
