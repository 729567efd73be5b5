import ArgumentParser
import TVPARules

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Compile the rules and report every error and warning, sorted, with file:line:column.")

    @Argument(help: "The rules folder (default: the rules built into tvpa).")
    var rulesDirectory: String?

    func run() throws {
        let source: RuleSource = rulesDirectory.map { .directory($0) } ?? .embedded
        let clock = ContinuousClock()
        var result: (CompiledRules?, [Diagnostic]) = (nil, [])
        let elapsed = clock.measure { result = RuleCompiler.compile(source) }
        let (compiled, diagnostics) = result
        Output.error(DiagnosticRenderer.render(diagnostics))
        guard let compiled else { throw Exit.invalidInput }
        let p = compiled.program
        Output.print("\(source.name): \(p.checked.facts.count) facts, \(p.checked.rules.count) rules, \(p.programs.count) programs, \(p.checked.parameters.count) parameters; \(diagnostics.count) warning\(diagnostics.count == 1 ? "" : "s"); compiled in \(elapsed.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
    }
}
