@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseYAML(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    Fuzz.check(Fuzz.scratch(bytes, count, extension: "yaml"), size: count)
    return 0
}
