@testable import TVPARules

/// One JSON line read by the byte-level reader and by the general path: whenever the fast
/// reader accepts a line, both must give the same case (else the fuzzer reports a crash).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEquivalence(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let text = Fuzz.text(bytes, count), !text.contains("\n") else { return 0 }
    let loader = CaseLoader(program: Fuzz.program, today: Fuzz.today)
    let input = CaseInput(path: "cases.jsonl", line: 7, text: text, format: .jsonLine)
    let general = loader.load(input.sourceText)
    if let fast = loader.loadFastJSONLine(input) {
        precondition(fast == general.0, "the fast JSON Lines reader and the general path read this line differently")
    }
    let full = loader.load(input)
    precondition(full.0 == general.0, "a JSON line loads differently through load(CaseInput) and the general path")
    return 0
}
