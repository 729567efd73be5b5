@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseCSV(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    Fuzz.check(Fuzz.scratch(bytes, count, extension: "csv"), size: count)
    return 0
}
