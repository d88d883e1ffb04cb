#if FUZZING
    /// libFuzzer's entry point, built only by `Scripts/fuzz` (`-DFUZZING -sanitize=fuzzer,address`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        guard let target = FuzzTarget.fromEnvironment else { return -1 }
        target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
#endif
