@testable import TVPARules

/// The shipped rules parsed once per process (a parse is most of compiling them).
let shippedRules = RuleCompiler.parse(.embedded)

/// A proposal over the shipped rules: checked, and — when it applies — used to decide a few
/// generated cases (a proposal that set an absurd parameter once passed lint and crashed diff).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProposal(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let text = Fuzz.text(bytes, count) else { return 0 }
    let (compiled, diagnostics) = RuleCompiler.compile(parsed: shippedRules, name: RuleSource.embedded.name, proposal: SourceText(path: "proposal.yaml", text: text))
    _ = DiagnosticRenderer.render(diagnostics)
    guard let program = compiled?.program else { return 0 }
    Fuzz.decideGenerated(program)
    return 0
}
