import TVPARules

/// A rule file on its own: parsed, checked, compiled, dumped, and — when it compiles — used
/// to decide a few generated cases.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let text = Fuzz.text(bytes, count) else { return 0 }
    let (compiled, diagnostics) = RuleCompiler.compile(.texts([SourceText(path: "rules.yaml", text: text)]))
    _ = DiagnosticRenderer.render(diagnostics)
    guard let program = compiled?.program else { return 0 }
    _ = ProgramDump.render(program)
    Fuzz.decideGenerated(program)
    return 0
}
