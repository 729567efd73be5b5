@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseJSONLines(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    Fuzz.check(Fuzz.scratch(bytes, count, extension: "jsonl"), size: count)
    return 0
}
