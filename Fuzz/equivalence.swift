@testable import TVPARules

/// One JSON line read by the byte-level reader and by the strict JSON path it falls back to:
/// whenever the fast reader accepts a line, both must give the same case, and reading the
/// line as the CLI does must give the strict path's result (else the fuzzer reports a crash).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEquivalence(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let text = Fuzz.text(bytes, count), !text.contains("\n") else { return 0 }
    let loader = CaseLoader(program: Fuzz.program, today: Fuzz.today)
    let input = CaseInput(path: "cases.jsonl", line: 7, text: text, format: .jsonLine)
    let strict = loader.loadStrictJSONLine(input)
    if let fast = loader.loadFastJSONLine(input) {
        precondition(fast == strict.0, "the fast JSON Lines reader and the strict path read this line differently")
    }
    let full = loader.load(input)
    precondition(full.0 == strict.0, "a JSON line loads differently through load(CaseInput) and the strict path")
    return 0
}
